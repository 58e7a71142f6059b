/**
 * `chat.status`: a WhatsApp delivery status shown on the message in the thread (the agent's own, or the bridge's
 * post of it); a failure is explained in the thread, with what a person can do.
 */
import { BRIDGE_AUTHOR, hasStatusMarks } from '../../../domain/chat';
import type { JobPayloads } from '../../../domain/records';
import { partLabel, showCombinedStatus } from '../../message-parts';
import { t } from '../../../i18n';
import { failureNotice } from '../../present/notices';
import type { HandlerContext, JobHandler } from './support/context';
import { locate, threadOf } from './support/threads';

/** WhatsApp's "re-engagement message" error: more than 24 hours since the customer wrote (Cloud API error codes). */
const WINDOW_CLOSED = '131047';

export function chatStatusHandler(ctx: HandlerContext): JobHandler<'chat.status'> {
  return { run: (p) => showStatus(ctx, p) };
}

async function showStatus(ctx: HandlerContext, p: JobPayloads['chat.status']): Promise<void> {
  const message = await ctx.store.getMessage(p.messageId);
  if (!message) return;
  const where = locate(message, p.platform);
  if (!where) return;
  const thread = threadOf(where);
  const chat = ctx.chat(p.platform);
  // One chat message sent as several WhatsApp messages (a long text, files): it shows their combined status.
  const head = message.partOf ? await ctx.store.getMessage(message.partOf) : message;
  if (head?.parts?.length) await showCombinedStatus(ctx.store, chat, head);
  else if ((!message.partOf || p.status === 'failed') && hasStatusMarks(chat))
    await chat.showStatus(thread, where.messageId, p.status, message.partOf ? undefined : p.previous);
  if (p.status !== 'failed') return;
  const failure = message.failure ?? (p.error ? ctx.whatsapp.explain(p.error) : undefined);
  if (p.error && !message.failure && failure) await ctx.store.updateMessage(p.messageId, { failure });
  const conversation = await ctx.store.getConversation(message.conversationId);
  const lang = ctx.accounts.language(conversation?.accountId);
  const explanation = failure ?? { code: 'unknown', meaning: t(lang, 'notices.failedNoReason'), action: t(lang, 'notices.failedNoReasonAction') };
  const file = message.file ? `📎 ${message.file.name}\n` : head?.parts?.length ? `${partLabel(head, message)}\n` : '';
  // The window closed (WhatsApp's 131047, or the bridge's refusal before calling Meta): the notice carries the
  // "send a template" button, the one fix, where the agent is (issue 11 points 2 and 5).
  const actions =
    explanation.code === WINDOW_CLOSED
      ? { conversationId: message.conversationId, actions: ['template' as const], ...(lang === 'en' ? {} : { language: lang }) }
      : undefined;
  await chat.postInThread(thread, {
    author: BRIDGE_AUTHOR,
    body: `${file}${failureNotice(explanation, lang)}`,
    ...(actions ? { actions } : {}),
  });
}
