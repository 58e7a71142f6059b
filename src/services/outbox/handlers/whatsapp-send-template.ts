/**
 * `whatsapp.send_template`: a checked template send (`/wa template`, or one recipient of a bulk send), paced to the
 * number's throughput and Meta's pair rate; its wamid recorded (inbound/status.ts), and the bulk's result with it.
 */
import type { HandlerContext, JobHandler } from './support/context';
import { sendFailed } from './support/send-failed';

export function whatsappSendTemplateHandler(ctx: HandlerContext): JobHandler<'whatsapp.send_template'> {
  return {
    run: async (p) => {
      const message = await ctx.store.getMessage(p.messageId);
      if (!message) return;
      if (message.wamid) {
        // Sent before a crash, the bulk result perhaps not yet recorded.
        if (p.bulk) await ctx.store.setBulkResult(p.bulk.bulkId, p.bulk.phone, { state: 'sent', wamid: message.wamid, at: message.stateAt ?? ctx.now() });
        return;
      }
      const account = ctx.account(p.accountId);
      await ctx.pacer?.acquire(p.accountId, p.to.waId ?? p.to.userId ?? p.conversationId);
      const wamid = await ctx.whatsapp.sendTemplate(account, p.to, p.template);
      const at = ctx.now();
      await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, at));
      if (p.bulk) await ctx.store.setBulkResult(p.bulk.bulkId, p.bulk.phone, { state: 'sent', wamid, at });
    },
    failed: async (p, e) => {
      if (p.bulk) {
        await ctx.store.setBulkResult(p.bulk.bulkId, p.bulk.phone, { state: 'failed', reason: `${e.meaning} (code ${e.code}); ${e.action}`, at: ctx.now() });
      }
      await sendFailed(ctx, p.messageId, e);
    },
  };
}
