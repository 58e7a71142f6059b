/** How the bridge words what went wrong with a delivery, in a thread or a channel. */
import { PLATFORM_LABEL } from '../../domain/platform';
import type { FailureExplanation } from '../../domain/errors';
import type { ParkedInfo } from '../../domain/records';

export const PLATFORM_NAME = PLATFORM_LABEL;

/** Actions written for a failure the outbox retries: never true of a message that is reported as failed. */
const RETRY_PROMISE = /^nothing: the bridge (waits and )?retries/;

/**
 * A message that will not reach the customer. Never promises a retry: WhatsApp's `failed` status is final and the
 * outbox reports only refusals it will not retry, so a "the bridge retries" action (a code that is passing when the
 * bridge meets it on a send) becomes what a person can do now.
 */
export function failureNotice(e: FailureExplanation): string {
  const action = RETRY_PROMISE.test(e.action)
    ? 'WhatsApp gave up on this message and the bridge does not send it again by itself: write it again in the thread, or reach the customer another way'
    : e.action;
  return `⚠️ *Not delivered to the customer:* ${e.meaning} (code ${e.code}).\n*What to do:* ${action}`;
}

/** Deliveries parked until a person fixes something (src/services/outbox/parking.ts): nothing is lost, nothing failed. */
export function pausedNotice(p: Pick<ParkedInfo, 'label' | 'code' | 'meaning' | 'action'>): string {
  return `⏸ *Paused* (${p.label}): ${p.meaning} (code ${p.code}).\n*What to do:* ${p.action}. Delivery resumes by itself once that is fixed; nothing is lost.`;
}

/** Said under a refusal the outbox will not retry: how to send it again once the cause is fixed. */
export const REQUEUE_HINT = 'It is not retried by itself; once the cause is fixed, `/wa requeue` (or `npm run requeue`) sends it again.';

export function fileNotice(e: FailureExplanation): string {
  return `⚠️ *The file could not be shown here:* ${e.meaning} (code ${e.code}).\n*What to do:* ${e.action}`;
}
