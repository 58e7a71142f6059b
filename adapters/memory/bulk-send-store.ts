/**
 * The bulk-sends port (src/domain/store/bulk-sends.ts) in memory: the bulk without its results, and each recipient's
 * outcome apart (`${bulkId}:${phone}`), as adapters/mongo/bulk-send-store.ts keeps them.
 */
import type { BulkRecord, BulkResult } from '../../src/domain/records';
import type { BulkSendStore } from '../../src/domain/store';
import { applySet, copy } from './records';

type StoredBulk = Omit<BulkRecord, 'results'>;

export class MemoryBulkSendStore implements BulkSendStore {
  private readonly bulks = new Map<string, StoredBulk>();
  /** Bulk id → phone → outcome, in the order first recorded. */
  private readonly results = new Map<string, Map<string, BulkResult>>();

  async createBulk(bulk: BulkRecord): Promise<void> {
    if (this.bulks.has(bulk._id)) throw new Error(`a bulk send ${bulk._id} exists already`);
    const { results, ...stored } = copy(bulk);
    this.bulks.set(bulk._id, stored);
    for (const [key, r] of Object.entries(results)) await this.setBulkResult(bulk._id, key.replace(/^p/, ''), r);
  }

  private withResults(bulk: StoredBulk): BulkRecord {
    const results = Object.fromEntries([...(this.results.get(bulk._id) ?? [])].map(([phone, r]) => [`p${phone}`, copy(r)]));
    return { ...copy(bulk), results };
  }

  async getBulk(id: string): Promise<BulkRecord | null> {
    const bulk = this.bulks.get(id);
    return bulk ? this.withResults(bulk) : null;
  }

  async unfinishedBulks(): Promise<BulkRecord[]> {
    return [...this.bulks.values()]
      .filter((b) => b.state === 'enqueuing' || b.state === 'running')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((b) => this.withResults(b));
  }

  async updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void> {
    const bulk = this.bulks.get(id);
    if (bulk) applySet(bulk as unknown as Record<string, unknown>, set);
  }

  async setBulkResult(id: string, phone: string, result: BulkResult): Promise<void> {
    const byPhone = this.results.get(id) ?? new Map<string, BulkResult>();
    // Replaced whole, and only the fields given (the Mongo store's replaceOne drops absent or empty ones on read).
    const { state, reason, wamid, at } = result;
    byPhone.set(phone, { state, ...(reason ? { reason } : {}), ...(wamid ? { wamid } : {}), ...(at ? { at: new Date(at) } : {}) });
    this.results.set(id, byPhone);
  }
}
