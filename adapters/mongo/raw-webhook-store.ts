/**
 * The raw-webhooks port (src/domain/store/raw-webhooks.ts) over mongoose: one insert keyed by the body's hash; the
 * operator's reader pages a time range (time-page.ts) on the `{receivedAt, _id}` index (models.ts).
 */
import { createHash } from 'node:crypto';
import type { RawWebhookStore, StoredWebhook, TimePage } from '../../src/domain/store';
import { InsertBatcher } from './insert-batcher';
import type { Models } from './models';
import { timePageQuery } from './time-page';

/** The archive's `_id`: the body's SHA-256, so a redelivery of the same bytes is one document. */
const rawWebhookId = (rawBody: string): string => createHash('sha256').update(rawBody).digest('hex');

export class MongoRawWebhookStore implements RawWebhookStore {
  /** Webhooks acknowledged at the same moment share one insert (group commit: insert-batcher.ts). */
  private readonly inserts: InsertBatcher;

  constructor(private readonly m: Models) {
    // Through the driver's collection, like the outbox's inserts: the documents already have the schema's types, and
    // mongoose's insertMany built, cast and validated a document per webhook on the ack's path (bench: CPU per webhook).
    this.inserts = new InsertBatcher((docs) => m.rawWebhooks.collection.insertMany(docs, { ordered: false }));
  }

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    // Meta offers no history API: the raw payload is our only record. Keyed by content, so a redelivery is one row.
    await this.inserts.insert({ _id: rawWebhookId(rawBody), source, body: rawBody, receivedAt: new Date() });
  }

  async rawWebhooksReceived(source: string, page: TimePage): Promise<StoredWebhook[]> {
    const { filter, sort } = timePageQuery('receivedAt', page);
    const docs = await this.m.rawWebhooks
      .find({ ...filter, source })
      .sort(sort)
      .limit(page.limit)
      .lean();
    return docs.map((d) => ({ id: d._id, source: d.source, body: d.body, receivedAt: d.receivedAt }));
  }
}
