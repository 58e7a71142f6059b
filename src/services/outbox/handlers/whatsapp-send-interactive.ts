/**
 * `whatsapp.send_interactive`: reply buttons or a list an agent sent from the thread (services/interactive/send.ts),
 * sent in the conversation's WhatsApp lane like a typed reply (ordered, paced by the worker, retried); its wamid
 * recorded, so statuses show on the agent's post and the customer's tap (its `context.id`) quotes the question.
 */
import type { HandlerContext, JobHandler } from './support/context';
import { sendFailed } from './support/send-failed';

export function whatsappSendInteractiveHandler(ctx: HandlerContext): JobHandler<'whatsapp.send_interactive'> {
  return {
    run: async (p) => {
      const message = await ctx.store.getMessage(p.messageId);
      if (!message || message.wamid || message.state === 'failed') return; // sent (or refused) before a crash
      if (message.deletedAt) {
        ctx.log.info({ messageId: p.messageId }, 'not sent: the agent deleted the message before it went out');
        return;
      }
      const account = ctx.account(p.accountId);
      const m = p.message;
      const wamid = m.type === 'button' ? await ctx.whatsapp.sendButtons(account, p.to, m) : await ctx.whatsapp.sendList(account, p.to, m);
      await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, ctx.now()));
    },
    failed: (p, e) => sendFailed(ctx, p.messageId, e),
  };
}
