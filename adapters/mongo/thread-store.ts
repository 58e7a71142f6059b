/**
 * Thread links: the thread of a conversation on a platform, found both ways by `_id`. The link itself is keyed by
 * the thread (`${platform}:${channelId}:${threadId}`: an agent's reply finds its conversation in one lookup); a key
 * document `${conversationId}:${platform}` points to it for the delivery path (a query on `conversationId` would
 * scan on FerretDB).
 */
import type { ChatPlatform } from '../../src/domain/platform';
import type { ThreadLinkRecord } from '../../src/domain/records';
import { isDuplicateKey } from './duplicates';
import type { Models } from './models';

const keyId = (conversationId: string, platform: ChatPlatform) => `${conversationId}:${platform}`;

export class ThreadStore {
  constructor(private readonly m: Models) {}

  async find(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> {
    const key = await this.m.threadLinkKeys.findById(keyId(conversationId, platform)).lean();
    return key ? this.m.threadLinks.findById(key.linkId).lean() : null;
  }

  findByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null> {
    return this.m.threadLinks.findById(`${platform}:${channelId}:${threadId}`).lean();
  }

  async save(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord> {
    const record = { ...link, _id: `${link.platform}:${link.channelId}:${link.threadId}` };
    try {
      // The unique index on (conversationId, platform) refuses a second thread; the key is written after the link.
      await this.m.threadLinks.create(record);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = (await this.find(link.conversationId, link.platform)) ?? (await this.repairKey(link.conversationId, link.platform));
      if (!existing) throw err;
      return existing;
    }
    await this.writeKey(record);
    return record;
  }

  /**
   * A link whose key was never written (a crash between the two writes): found by the one query here that is not by
   * `_id`, run only after a collision, and its key written so it never runs again for this conversation.
   */
  private async repairKey(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> {
    const orphan = await this.m.threadLinks.findOne({ conversationId, platform }).lean();
    if (orphan) await this.writeKey(orphan);
    return orphan;
  }

  private async writeKey(link: ThreadLinkRecord): Promise<void> {
    try {
      await this.m.threadLinkKeys.updateOne({ _id: keyId(link.conversationId, link.platform) }, { $set: { linkId: link._id } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async markMentioned(linkId: string, at: Date): Promise<void> {
    await this.m.threadLinks.updateOne({ _id: linkId }, { $set: { lastMentionAt: at } });
  }

  /** Start-up, once per database: keys for links stored before the keys existed (a scan, never on a hot path). */
  async migrateKeys(): Promise<void> {
    const links = await this.m.threadLinks.find({}, { conversationId: 1, platform: 1 }).lean();
    if (!links.length) return;
    await this.m.threadLinkKeys.bulkWrite(
      links.map((l) => ({ updateOne: { filter: { _id: keyId(l.conversationId, l.platform) }, update: { $setOnInsert: { linkId: l._id } }, upsert: true } })),
      { ordered: false },
    );
  }
}
