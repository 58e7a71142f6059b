/** The raw-webhooks port (src/domain/store/raw-webhooks.ts) in memory: one entry per distinct body, the first kept. */
import type { RawWebhookStore } from '../../src/domain/store';

export interface ArchivedWebhook {
  source: string;
  body: string;
  receivedAt: Date;
}

export class MemoryRawWebhookStore implements RawWebhookStore {
  private readonly byBody = new Map<string, ArchivedWebhook>();

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    if (!this.byBody.has(rawBody)) this.byBody.set(rawBody, { source, body: rawBody, receivedAt: new Date() });
  }

  /** What the archive holds, oldest first (the port has no reader: operators read it in the database). */
  archived(): ArchivedWebhook[] {
    return [...this.byBody.values()].map((w) => ({ ...w, receivedAt: new Date(w.receivedAt) }));
  }
}
