/** The raw-webhooks port (src/domain/store/raw-webhooks.ts) over mongoose: one insert keyed by the body's hash. */
import { createHash } from 'node:crypto';
import type { RawWebhookStore } from '../../src/domain/store';
import { isDuplicateKey } from './duplicates';
import type { Models } from './models';

/** The archive's `_id`: the body's SHA-256, so a redelivery of the same bytes is one document. */
const rawWebhookId = (rawBody: string): string => createHash('sha256').update(rawBody).digest('hex');

export class MongoRawWebhookStore implements RawWebhookStore {
  constructor(private readonly m: Models) {}

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    // Meta offers no history API: the raw payload is our only record. Keyed by content, so a redelivery is one row.
    try {
      await this.m.rawWebhooks.create({ _id: rawWebhookId(rawBody), source, body: rawBody, receivedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
