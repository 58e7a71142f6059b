/** `whatsapp.send`: one text (or text part) of an agent's reply sent to the customer; its wamid recorded (inbound/status.ts). */
import type { HandlerContext, JobHandler } from './support/context';
import { sendFailed } from './support/send-failed';

export function whatsappSendHandler(ctx: HandlerContext): JobHandler<'whatsapp.send'> {
  return {
    run: async (p) => {
      const message = await ctx.store.getMessage(p.messageId);
      if (!message || message.wamid) return; // already sent before a crash
      const account = ctx.account(p.accountId);
      const wamid = await ctx.whatsapp.sendText(account, p.to, p.text, p.replyToWamid);
      await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, ctx.now()));
    },
    failed: (p, e) => sendFailed(ctx, p.messageId, e),
  };
}
