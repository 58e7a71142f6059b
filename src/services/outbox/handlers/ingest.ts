/** `ingest`: a webhook's events, stored before its ack, applied past it by the webhook stage (services/ingest.ts). */
import { eventsOf } from '../../ingest';
import type { HandlerContext, JobHandler } from './support/context';

export function ingestHandler(ctx: HandlerContext): JobHandler<'ingest'> {
  return {
    run: (p) => ctx.ingest.apply(eventsOf(p)),
    failed: async (_p, e, job) => {
      // The events stay in the outbox (failed) and in raw_webhooks: nothing is dropped, an operator can re-run them.
      ctx.log.error({ job: job._id, code: e.code }, `webhook events could not be stored: ${e.meaning}`);
    },
  };
}
