/**
 * `whatsapp.send_auto`: an automatic message (away, greeting, keyword reply: services/automation/decide.ts) sent to
 * the customer through the outbox like an agent's, in the conversation's WhatsApp lane (ordered, paced by the
 * worker, retried). Checked again when it runs, since time has passed since it was decided:
 * - switched off for the account meanwhile, or an agent replied after the customer's message: not sent;
 * - the 24-hour window closed: only the answer's approved template (`whenWindowClosed`) may go, else nothing, and
 *   the thread says why (Meta would refuse a free-form message with 131047).
 * Each outcome is shown in the thread ("🤖 away message sent") and counted (automation/metrics.ts).
 */
import type { AutomaticKind } from '../../../domain/automatic';
import type { JobPayloads, NewJob } from '../../../domain/records';
import { DEFAULT_LANGUAGE, t, type Language } from '../../../i18n';
import type { AutomaticOutcome } from '../../automation/metrics';
import { serviceWindowClosed } from '../../inbound/agent-reply';
import { threadNoticeJob } from '../../routing';
import type { Explanation, HandlerContext, JobHandler } from './support/context';
import { explanationIn } from '../../present/notices';
import { sendFailed } from './support/send-failed';
import { outboxFailure } from '../failures';

type Payload = JobPayloads['whatsapp.send_auto'];

/** How the thread names an automatic message. */
export function automaticLabel(kind: AutomaticKind, rule?: string, lang: Language = DEFAULT_LANGUAGE): string {
  if (kind === 'menu') return t(lang, 'automatic.menu');
  return kind === 'away' ? t(lang, 'automatic.away') : kind === 'greeting' ? t(lang, 'automatic.greeting') : t(lang, 'automatic.keyword', { rule: rule ?? '' });
}

const quoted = (text?: string) => (text ? `\n> ${text.split('\n').join('\n> ')}` : '');

export function whatsappSendAutoHandler(ctx: HandlerContext): JobHandler<'whatsapp.send_auto'> {
  const count = (p: Payload, outcome: AutomaticOutcome) => ctx.countAutomatic?.(p.kind, outcome);
  const langOf = (p: Payload) => ctx.accounts.language(p.accountId);
  const label = (p: Payload) => automaticLabel(p.kind, p.rule, langOf(p));
  const notices = (p: Payload, outcome: 'sent' | 'not-sent', body: string): NewJob[] => {
    const account = ctx.accounts.get(p.accountId);
    return (account ? ctx.accounts.platformsOf(account) : []).map((platform) =>
      threadNoticeJob(platform, p.conversationId, { why: 'automatic', messageId: p.messageId, outcome }, body),
    );
  };
  /** Not sent: the record says why; `tell` puts it in the thread (an agent who just replied needs no notice). */
  const notSent = async (p: Payload, outcome: AutomaticOutcome, failure: Explanation, tell: boolean) => {
    await ctx.store.updateMessage(p.messageId, { state: 'failed', stateAt: ctx.now(), failure });
    if (tell)
      await ctx.enqueue(notices(p, 'not-sent', t(langOf(p), 'automatic.notSent', { label: label(p), meaning: failure.meaning, action: failure.action })));
    ctx.log.info({ conversationId: p.conversationId, kind: p.kind, code: failure.code }, 'automatic message not sent');
    count(p, outcome);
  };

  return {
    run: async (p) => {
      const message = await ctx.store.getMessage(p.messageId);
      if (!message || message.wamid || message.state === 'failed') return; // sent (or held back) before a crash
      const account = ctx.account(p.accountId);
      const conversation = await ctx.store.getConversation(p.conversationId);
      if (!conversation) return;
      if (account.autoReplies?.enabled === false) {
        const failure = { ...outboxFailure('switched_off', 'switchedOff'), retryable: false };
        return notSent(p, 'switched_off', failure, false);
      }
      if (conversation.lastAgentReplyAt && conversation.lastAgentReplyAt.getTime() >= message.createdAt.getTime()) {
        const failure = { ...outboxFailure('agent_replied', 'agentReplied'), retryable: false };
        return notSent(p, 'agent_replied', failure, false);
      }
      let wamid: string;
      let outcome: AutomaticOutcome = 'sent';
      if (serviceWindowClosed(conversation, ctx.now())) {
        const template = p.answer.whenWindowClosed;
        if (!template) {
          const lang = langOf(p);
          const failure = { code: '131047', meaning: t(lang, 'automatic.noTemplateMeaning'), action: t(lang, 'automatic.noTemplateAction'), retryable: false };
          return notSent(p, 'window_closed', failure, true);
        }
        await ctx.pacer?.acquire(p.accountId, p.to.waId ?? p.to.userId ?? p.conversationId);
        wamid = await ctx.whatsapp.sendTemplate(account, p.to, { name: template.template, language: template.language, components: [] });
        outcome = 'template';
      } else if (p.answer.buttons) {
        wamid = await ctx.whatsapp.sendButtons(account, p.to, p.answer.buttons);
      } else if (p.answer.list) {
        wamid = await ctx.whatsapp.sendList(account, p.to, p.answer.list);
      } else if (p.answer.media) {
        const m = p.answer.media;
        wamid = await ctx.media.sendMedia(account, p.to, { kind: m.kind, mediaId: m.id, link: m.link, caption: m.caption, filename: m.filename });
      } else {
        wamid = await ctx.whatsapp.sendText(account, p.to, p.answer.text ?? '');
      }
      await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, ctx.now()));
      const lang = langOf(p);
      const what = outcome === 'template' ? t(lang, 'automatic.templateInstead', { template: p.answer.whenWindowClosed!.template }) : quoted(message.text);
      await ctx.enqueue(notices(p, 'sent', t(lang, p.kind === 'keyword' ? 'automatic.answered' : 'automatic.sent', { label: label(p), what })));
      count(p, outcome);
    },
    failed: async (p, e) => {
      await sendFailed(ctx, p.messageId, e);
      const shown = explanationIn(e, langOf(p));
      await ctx.enqueue(
        notices(p, 'not-sent', t(langOf(p), 'automatic.notSentCode', { label: label(p), meaning: shown.meaning, code: e.code, action: shown.action })),
      );
      count(p, 'failed');
    },
  };
}
