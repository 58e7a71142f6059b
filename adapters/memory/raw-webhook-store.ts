/** The raw-webhooks port (src/domain/store/raw-webhooks.ts) in memory: one entry per distinct body, the first kept. */
import { createHash } from 'node:crypto';
import type { RawWebhookStore, StoredWebhook, TimePage } from '../../src/domain/store';
import { copy } from './records';
import { timePage } from './time-page';

export type ArchivedWebhook = Omit<StoredWebhook, 'id'>;

export class MemoryRawWebhookStore implements RawWebhookStore {
  /** By the body's SHA-256, as the Mongo store's `_id`. */
  private readonly byId = new Map<string, StoredWebhook>();

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    const id = createHash('sha256').update(rawBody).digest('hex');
    if (!this.byId.has(id)) this.byId.set(id, { id, source, body: rawBody, receivedAt: new Date() });
  }

  async rawWebhooksReceived(source: string, page: TimePage): Promise<StoredWebhook[]> {
    const ofSource = [...this.byId.values()].filter((w) => w.source === source);
    return timePage(ofSource, page, (w) => ({ at: w.receivedAt, id: w.id })).map(copy);
  }

  /** Everything the archive holds, oldest first (for tests). */
  archived(): ArchivedWebhook[] {
    return [...this.byId.values()].map(({ source, body, receivedAt }) => ({ source, body, receivedAt: new Date(receivedAt) }));
  }
}
