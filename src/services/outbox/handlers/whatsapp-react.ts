/** `whatsapp.react`: an agent's reaction (or its removal: empty emoji) on a customer's message; a refusal is told in the thread. */
import { t } from '../../../i18n';
import { threadNoticeJob } from '../../routing';
import { explanationIn } from '../../present/notices';
import type { HandlerContext, JobHandler } from './support/context';

export function whatsappReactHandler(ctx: HandlerContext): JobHandler<'whatsapp.react'> {
  return {
    run: async (p) => {
      await ctx.media.sendReaction(ctx.account(p.accountId), p.to, p.targetWamid, p.emoji);
    },
    failed: async (p, e) => {
      const lang = ctx.accounts.language(p.accountId);
      const emoji = p.emoji || t(lang, 'notices.reactionRemoval');
      const shown = explanationIn(e, lang);
      const body = t(lang, 'notices.reactionFailed', { emoji, meaning: shown.meaning, code: e.code, action: shown.action });
      await ctx.enqueue([
        threadNoticeJob(p.platform, p.conversationId, { why: 'reaction-failed', targetWamid: p.targetWamid, emoji: p.emoji, at: ctx.now() }, body),
      ]);
      ctx.log.info({ conversationId: p.conversationId, code: e.code }, 'agent reaction refused by WhatsApp');
    },
  };
}
