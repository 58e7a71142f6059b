/**
 * The messages port (src/domain/store/messages.ts) over mongoose: messages, the pointers that find them (a chat post → its message; a wamid → its message) and WhatsApp statuses.
 * Every read and write is by `_id`; a batch of statuses is read by `_id` in parallel and written with one insert (new
 * wamids) and one bulkWrite (known ones).
 */
import { bulkWriteChunked } from './bulk-write';
import { InsertBatcher } from './insert-batcher';
import type { AnyBulkWriteOperation } from 'mongoose';
import type { ChatPlatform } from '../../src/domain/platform';
import type { ChatLocation, MessageRecord, WamidRecord } from '../../src/domain/records';
import type { MessageStore, StatusApplied, TimePage } from '../../src/domain/store';
import { STATUS_RANK, type StatusUpdate } from '../../src/domain/whatsapp';
import { ignoreDuplicate, onlyDuplicates } from './duplicates';
import { KeyedLock } from './keyed-lock';
import type { Models } from './models';
import { timePageQuery } from './time-page';

function chatMessageKey(platform: ChatPlatform, channelId: string, chatMessageId: string): string {
  return `${platform}:${channelId}:${chatMessageId}`;
}

export class MongoMessageStore implements MessageStore {
  /** A message's state/failure and its mirrors are written by parallel jobs (send and post): one at a time, see KeyedLock. */
  private readonly messageLock = new KeyedLock();
  /** A wamid's rank is read, compared and written in code (FerretDB's conditional updates are not atomic): one batch at a time per wamid. */
  private readonly wamidLock = new KeyedLock();

  /** Concurrent deliveries' inserts share one command (group commit: insert-batcher.ts). */
  private readonly inserts: InsertBatcher;

  constructor(private readonly m: Models) {
    this.inserts = new InsertBatcher((docs) => m.messages.insertMany(docs, { ordered: false }));
  }

  insertMessage(message: MessageRecord): Promise<boolean> {
    return this.inserts.insert(message);
  }

  getMessage(id: string): Promise<MessageRecord | null> {
    return this.m.messages.findById(id).lean();
  }

  async findMessageByWamid(wamid: string): Promise<MessageRecord | null> {
    // A customer's message is `wa:<wamid>`; one the bridge sent is named by its wamid document (written when Meta accepted it).
    const [inbound, link] = await Promise.all([this.m.messages.findById(`wa:${wamid}`).lean(), this.m.wamids.findById(wamid).lean()]);
    if (inbound) return inbound;
    return link?.messageId ? this.getMessage(link.messageId) : null;
  }

  async updateMessage(id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void> {
    await this.messageLock.run(id, () => this.m.messages.updateOne({ _id: id }, { $set: set }));
  }

  async addMirror(id: string, location: ChatLocation): Promise<void> {
    // A natural key back to the message: reactions and edits on the post find it. Written first, so that a message
    // whose mirror is recorded is always found from its post (a reaction arriving between the two writes was lost).
    const _id = chatMessageKey(location.platform, location.channelId, location.messageId);
    await this.m.chatMessages
      .updateOne({ _id }, { $set: { messageId: id } }, { upsert: true })
      .exec()
      .catch(ignoreDuplicate);
    await this.messageLock.run(id, () => this.m.messages.updateOne({ _id: id }, { $addToSet: { mirrors: location } }));
  }

  async findMessageByChatMessage(platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null> {
    const pointer = await this.m.chatMessages.findById(chatMessageKey(platform, channelId, chatMessageId)).lean();
    return pointer ? this.getMessage(pointer.messageId) : null;
  }

  async applyStatus(update: StatusUpdate): Promise<StatusApplied> {
    return (await this.applyStatuses([update]))[0]!;
  }

  /**
   * Monotonic per wamid, in the order given: each wamid's document is read by `_id`, the ranks are compared here,
   * and every change is written with bulkWrites of `_id`-keyed upserts (chunked: bulk-write.ts).
   */
  async applyStatuses(updates: StatusUpdate[]): Promise<StatusApplied[]> {
    if (!updates.length) return [];
    const wamids = [...new Set(updates.map((u) => u.wamid))];
    return this.wamidLock.runAll(wamids, async () => {
      const docs = await Promise.all(wamids.map((w) => this.m.wamids.findById(w).lean()));
      const current = new Map<string, Pick<WamidRecord, 'status' | 'rank' | 'messageId'>>(wamids.map((w, i) => [w, docs[i] ?? { rank: 0 }]));
      const changed = new Map<string, Record<string, unknown>>();
      const results = updates.map((u): StatusApplied => {
        const before = current.get(u.wamid)!;
        const rank = STATUS_RANK[u.status];
        if (rank <= (before.rank ?? 0)) return { applied: false };
        current.set(u.wamid, { ...before, status: u.status, rank });
        changed.set(u.wamid, { ...changed.get(u.wamid), status: u.status, rank, at: u.at, ...(u.error ? { error: u.error } : {}) });
        return { applied: true, previous: before.status, messageId: before.messageId };
      });
      // Wamids seen for the first time are inserted (one insert), known ones updated (one bulkWrite, each op by `_id`).
      const known = new Set(wamids.filter((_, i) => docs[i]));
      const upserts = (list: [string, Record<string, unknown>][]): AnyBulkWriteOperation<WamidRecord>[] =>
        list.map(([_id, set]) => ({ updateOne: { filter: { _id }, update: { $set: set }, upsert: true } }));
      const fresh = [...changed].filter(([w]) => !known.has(w));
      const seen = [...changed].filter(([w]) => known.has(w));
      await Promise.all([
        fresh.length &&
          this.m.wamids.collection.insertMany(fresh.map(([_id, set]) => ({ _id, ...set })) as never[], { ordered: false }).catch(async (err: unknown) => {
            // Another writer created some meanwhile (only possible from another process): apply ours as upserts.
            if (!onlyDuplicates(err)) throw err;
            await bulkWriteChunked(upserts(fresh), (ops) => this.m.wamids.bulkWrite(ops, { ordered: false }));
          }),
        seen.length && bulkWriteChunked(upserts(seen), (ops) => this.m.wamids.bulkWrite(ops, { ordered: false })),
      ]);
      return results;
    });
  }

  linkWamid(wamid: string, messageId: string): Promise<Pick<WamidRecord, 'status' | 'error'>> {
    return this.wamidLock.run(wamid, async () => {
      const doc = await this.m.wamids
        .findOneAndUpdate({ _id: wamid }, { $set: { messageId }, $setOnInsert: { rank: 0 } }, { upsert: true, returnDocument: 'after' })
        .lean();
      return { status: doc?.status, error: doc?.error };
    });
  }

  /** The export command's page (off the hot paths): a time range on the `{createdAt, _id}` index (time-page.ts). */
  messagesCreated(page: TimePage): Promise<MessageRecord[]> {
    const { filter, sort } = timePageQuery('createdAt', page);
    return this.m.messages.find(filter).sort(sort).limit(page.limit).lean();
  }
}
