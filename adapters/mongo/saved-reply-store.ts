/**
 * The saved-replies port (src/domain/store/saved-replies.ts) over mongoose: writes, reads and deletes by `_id`; the
 * list filters on `scope` (a scan on FerretDB over a small collection, off the message paths: the port says why).
 */
import type { SavedReplyRecord, SavedReplyStore } from '../../src/domain/store';
import type { Models } from './models';

export class MongoSavedReplyStore implements SavedReplyStore {
  constructor(private readonly m: Models) {}

  async saveReply(reply: SavedReplyRecord): Promise<'created' | 'replaced'> {
    const res = await this.m.savedReplies.replaceOne({ _id: reply._id }, reply, { upsert: true });
    return res.upsertedCount ? 'created' : 'replaced';
  }

  async getReply(id: string): Promise<SavedReplyRecord | null> {
    return this.m.savedReplies.findById(id).lean();
  }

  async listReplies(scope: string): Promise<SavedReplyRecord[]> {
    return this.m.savedReplies.find({ scope }).sort({ name: 1 }).lean();
  }

  async deleteReply(id: string): Promise<boolean> {
    return (await this.m.savedReplies.deleteOne({ _id: id })).deletedCount > 0;
  }
}
