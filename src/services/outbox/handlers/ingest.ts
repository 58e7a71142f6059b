/**
 * `ingest`: a webhook's events, stored before its ack (services/ingest.ts), handed past it to their inbound stages in
 * batch order (customer messages, statuses, account events); the jobs each stage returns are enqueued here.
 */
import type { StatusUpdate, WhatsAppEvent } from '../../../domain/whatsapp';
import { eventsOf } from '../../ingest';
import type { HandlerContext, JobHandler } from './support/context';

export function ingestHandler(ctx: HandlerContext): JobHandler<'ingest'> {
  return {
    run: (p) => apply(ctx, eventsOf(p)),
    failed: async (_p, e, job) => {
      // The events stay in the outbox (failed) and in raw_webhooks: nothing is dropped, an operator can re-run them.
      ctx.log.error({ job: job._id, code: e.code }, `webhook events could not be stored: ${e.meaning}`);
    },
  };
}

async function apply(ctx: HandlerContext, events: WhatsAppEvent[]): Promise<void> {
  const { customerMessages, statuses, accountEvents } = ctx.inbound;
  for (let i = 0; i < events.length;) {
    const e = events[i]!;
    if (e.type === 'status') {
      // Consecutive statuses are applied together (one bulk write).
      const run: StatusUpdate[] = [];
      for (; i < events.length && events[i]!.type === 'status'; i++) run.push((events[i] as { status: StatusUpdate }).status);
      await statuses.apply(run, ctx.enqueue);
      continue;
    }
    await ctx.enqueue(e.type === 'message' ? await customerMessages.handle(e.message) : await accountEvents.handle(e.event));
    i++;
  }
}
