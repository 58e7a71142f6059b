/**
 * The bench's status batch (issue 9 point 2: a 1,000-status webhook acknowledged in ≤ 2 s on the embedded database).
 * Meta batches webhook updates, at most 1,000 per POST (WhatsApp Cloud API, "Create a webhook endpoint":
 * developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint).
 * One such POST is sent and timed to its answer; then, since the statuses are applied after the acknowledgement (by
 * the outbox's `ingest` jobs), the time until the bridge's finished `ingest` jobs stop growing. Its statuses are for
 * messages this bridge never sent (ids of their own): each is still looked up by `_id` and its raw form archived, and
 * the work is the same on every stored size.
 */
import { statusUpdate } from '../../test/support/webhooks';
import { escapeLikeMeta } from '../../test/fakes/meta-signature';
import { metricByLabel, sendWebhooks } from './load';
import { customerWaId } from './seed';

export interface StatusBatch {
  statuses: number;
  /** Answered 200. */
  acked: boolean;
  ackMs: number;
  /** Seconds from the POST until the last `ingest` job it caused finished, or undefined if the wait ran out. */
  appliedSeconds?: number;
}

/** One webhook of `count` `delivered` statuses, to customers round robin, in Meta's status shape (test/fixtures/whatsapp). */
export function statusBatchWebhook(tag: string, count: number, customers: number[]): string {
  const body = statusUpdate(`wamid.BENCHSTATUS${tag}x0==`, 'delivered');
  const value = body.entry[0].changes[0].value;
  const first = value.statuses[0];
  value.statuses = Array.from({ length: count }, (_, i) => ({
    ...first,
    id: `wamid.BENCHSTATUS${tag}x${i}==`,
    recipient_id: customerWaId(customers[i % customers.length]!),
  }));
  return escapeLikeMeta(JSON.stringify(body));
}

/** Finished `ingest` jobs (`whatsapp_bridge_outbox_jobs_finished_total`). */
const ingestsFinished = async (bridgeUrl: string) => (await metricByLabel(bridgeUrl, 'whatsapp_bridge_outbox_jobs_finished_total', 'kind')).get('ingest') ?? 0;

export async function sendStatusBatch(bridgeUrl: string, raw: string, count: number, secret: string, maxSeconds: number): Promise<StatusBatch> {
  const before = await ingestsFinished(bridgeUrl);
  const t0 = performance.now();
  const post = await sendWebhooks(`${bridgeUrl}/webhooks/whatsapp`, [raw], 1, secret, maxSeconds);
  // Applied: ingest jobs finished since the POST, and none more for 2 s (the batch's jobs run one after another).
  const deadline = t0 + maxSeconds * 1000;
  let last = before;
  let lastChange: number | undefined;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await ingestsFinished(bridgeUrl);
    if (now !== last) [last, lastChange] = [now, performance.now()];
    if (lastChange !== undefined && performance.now() - lastChange >= 2000) break;
  }
  const done = lastChange !== undefined && performance.now() < deadline;
  return { statuses: count, acked: post.acked.length === 1, ackMs: post.latencies[0] ?? NaN, appliedSeconds: done ? (lastChange! - t0) / 1000 : undefined };
}
