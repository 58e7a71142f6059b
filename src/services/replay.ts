/**
 * Re-ingesting stored raw webhooks (`npm run admin -- replay`): each webhook body the bridge archived before its
 * acknowledgement (services/ingest.ts) is decoded again and its messages and statuses handed to the outbox as the
 * same `ingest` jobs the webhook made (routing.ts `ingestJobs`: same dedupe keys), so
 *  - a webhook already processed changes nothing: its ingest job's key is recorded as done (or still live) and is
 *    skipped; a customer message already stored (`wa:<wamid>`, one `_id` lookup) is left out even after the record of
 *    finished jobs was purged, so it is never posted twice; statuses are monotonic (a replayed one is a no-op);
 *  - a webhook whose processing was lost (an ingest job gone with a restored database, a bug fixed since) is processed.
 * Account events (template status, quality, …) were applied before the acknowledgement and are not replayed.
 */
import { allPages, type Store } from '../domain/store';
import type { WhatsAppEvent } from '../domain/whatsapp';
import { ingestJobs } from './routing';

/** The archive's source for webhooks that were stored whole (quarantined parts have their own). */
export const WEBHOOK_SOURCE = 'whatsapp';
const PAGE_SIZE = 100;

export interface ReplayReport {
  webhooks: number;
  /** Customer messages handed to the outbox (not stored yet). */
  messages: number;
  /** Customer messages already stored: left out. */
  storedAlready: number;
  statuses: number;
  accountEvents: number;
  /** Bodies that no longer decode (e.g. a field the decoder refuses since): counted, left alone. */
  unreadable: number;
  /** Ingest jobs handed to the outbox; those whose key is done or live are skipped by it. */
  jobs: number;
}

export async function replayWebhooks(
  store: Pick<Store, 'rawWebhooksReceived' | 'getMessage' | 'enqueue'>,
  decode: (rawBody: string) => WhatsAppEvent[] | undefined,
  range: { from: Date; to: Date },
): Promise<ReplayReport> {
  const report: ReplayReport = { webhooks: 0, messages: 0, storedAlready: 0, statuses: 0, accountEvents: 0, unreadable: 0, jobs: 0 };
  const pages = allPages(
    range,
    PAGE_SIZE,
    (p) => store.rawWebhooksReceived(WEBHOOK_SOURCE, p),
    (w) => ({ at: w.receivedAt, id: w.id }),
  );
  for await (const page of pages) {
    for (const webhook of page) {
      report.webhooks++;
      const events = decode(webhook.body);
      if (!events) {
        report.unreadable++;
        continue;
      }
      const replayed: WhatsAppEvent[] = [];
      for (const e of events) {
        if (e.type === 'account') report.accountEvents++;
        else if (e.type === 'status') {
          report.statuses++;
          replayed.push(e);
        } else if (await store.getMessage(`wa:${e.message.wamid}`)) report.storedAlready++;
        else {
          report.messages++;
          replayed.push(e);
        }
      }
      const jobs = ingestJobs(webhook.body, replayed);
      report.jobs += jobs.length;
      // The default enqueue consults the record of finished jobs: an ingest that ran is not run again.
      if (jobs.length) await store.enqueue(jobs);
    }
  }
  return report;
}
