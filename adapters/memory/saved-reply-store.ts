/** The saved-replies port (src/domain/store/saved-replies.ts) in memory: one record per `${scope}:${name}`. */
import type { SavedReplyRecord, SavedReplyStore } from '../../src/domain/store';
import { byString, copy } from './records';

export class MemorySavedReplyStore implements SavedReplyStore {
  private readonly replies = new Map<string, SavedReplyRecord>();

  async saveReply(reply: SavedReplyRecord): Promise<'created' | 'replaced'> {
    const existed = this.replies.has(reply._id);
    this.replies.set(reply._id, copy(reply));
    return existed ? 'replaced' : 'created';
  }

  async getReply(id: string): Promise<SavedReplyRecord | null> {
    const reply = this.replies.get(id);
    return reply ? copy(reply) : null;
  }

  async listReplies(scope: string): Promise<SavedReplyRecord[]> {
    return [...this.replies.values()]
      .filter((r) => r.scope === scope)
      .sort((a, b) => byString(a.name, b.name))
      .map(copy);
  }

  async deleteReply(id: string): Promise<boolean> {
    return this.replies.delete(id);
  }
}
