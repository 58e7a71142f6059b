/**
 * The bulk-sends port (src/domain/store/bulk-sends.ts) over mongoose: the bulk in `bulk_sends`, each recipient's
 * outcome in `bulk_results` (`${bulkId}:${phone}`, written by `_id`). Command and start-up paths, not per message: a
 * bulk's results are read by `bulkId` and unfinished bulks by `state` (small collections).
 */
import type { BulkRecord, BulkResult } from '../../src/domain/records';
import type { BulkSendStore } from '../../src/domain/store';
import type { Models } from './models';

export class MongoBulkSendStore implements BulkSendStore {
  constructor(private readonly m: Models) {}

  async createBulk(bulk: BulkRecord): Promise<void> {
    const { results, ...doc } = bulk;
    await this.m.bulks.create(doc);
    for (const [key, r] of Object.entries(results)) await this.setBulkResult(bulk._id, key.replace(/^p/, ''), r);
  }

  private async withResults(bulk: Omit<BulkRecord, 'results'> | null): Promise<BulkRecord | null> {
    if (!bulk) return null;
    const docs = await this.m.bulkResults.find({ bulkId: bulk._id }).lean();
    const results = Object.fromEntries(
      docs.map(({ phone, state, reason, wamid, at }) => [
        `p${phone}`,
        { state, ...(reason ? { reason } : {}), ...(wamid ? { wamid } : {}), ...(at ? { at } : {}) },
      ]),
    );
    return { ...bulk, results };
  }

  async getBulk(id: string): Promise<BulkRecord | null> {
    return this.withResults(await this.m.bulks.findById(id).lean());
  }

  async unfinishedBulks(): Promise<BulkRecord[]> {
    const open = await this.m.bulks
      .find({ state: { $in: ['enqueuing', 'running'] } })
      .sort({ createdAt: 1 })
      .lean();
    return Promise.all(open.map(async (b) => (await this.withResults(b))!));
  }

  async updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void> {
    await this.m.bulks.updateOne({ _id: id }, { $set: set });
  }

  async setBulkResult(id: string, phone: string, result: BulkResult): Promise<void> {
    await this.m.bulkResults.replaceOne({ _id: `${id}:${phone}` }, { _id: `${id}:${phone}`, bulkId: id, phone, ...result }, { upsert: true });
  }
}
