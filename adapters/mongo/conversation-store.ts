/**
 * The conversations port (src/domain/store/conversations.ts) over mongoose: conversations, the key that finds one from
 * a business-scoped user id, and thread links found both ways. Every lookup and write is by `_id`.
 *
 * Thread links: the link itself is keyed by the thread (`${platform}:${channelId}:${threadId}`: an agent's reply
 * finds its conversation in one lookup); a key document `${conversationId}:${platform}` points to it for the delivery
 * path (a query on `conversationId` would scan on FerretDB).
 */
import { bulkWriteChunked } from './bulk-write';
import type { ChatPlatform } from '../../src/domain/platform';
import type { ConversationLifecycle, ConversationRecord, Participant, ThreadLinkRecord } from '../../src/domain/records';
import type { ConversationStore } from '../../src/domain/store';
import type { CustomerRef } from '../../src/domain/whatsapp';
import { ignoreDuplicate, isDuplicateKey } from './duplicates';
import { KeyedLock } from './keyed-lock';
import type { Models } from './models';

const customerKeyId = (accountId: string, userId: string) => `${accountId}:${userId}`;
const linkKeyId = (conversationId: string, platform: ChatPlatform) => `${conversationId}:${platform}`;

/**
 * Participants are stored as one field per person, `participantsByKey.<platform>:<userId>`, so that recording a reply
 * or adding a person is one `$set` of that person's own path: two instances recording two agents at once cannot
 * overwrite each other's entry, as the read-then-write of a whole list did (MongoDB applies each update to one document
 * atomically; docs/operations.md "Scaling out"). Documents written before keep their `participants` list, read beside
 * the fields (a field wins over the list's entry for the same person).
 */
type StoredConversation = ConversationRecord & { participantsByKey?: Record<string, Participant> };

const personKey = (p: Pick<Participant, 'platform' | 'userId'>) => `${p.platform}:${p.userId}`;
/** A field name MongoDB accepts: no `.` (a path separator) nor `$` (an operator); `%` is escaped so names stay unique. */
const participantPath = (p: Pick<Participant, 'platform' | 'userId'>) =>
  `participantsByKey.${personKey(p).replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`;

/**
 * `participants` as the port types it (always a list, one entry per person): the older list (FerretDB's upsert does
 * not store the empty list of `$setOnInsert`, and older documents may lack it) merged with the per-person fields.
 */
const withParticipants = ({ participantsByKey, ...conv }: StoredConversation): ConversationRecord => {
  const byPerson = new Map<string, Participant>();
  for (const p of [...(conv.participants ?? []), ...Object.values(participantsByKey ?? {})]) byPerson.set(personKey(p), p);
  return { ...conv, participants: [...byPerson.values()] };
};

export class MongoConversationStore implements ConversationStore {
  private readonly lock = new KeyedLock();

  constructor(private readonly m: Models) {}

  conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    return this.upsert(accountId, customer, at, { $max: { lastInboundAt: at } });
  }

  conversationForOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    // No lastInboundAt: the customer has not written, so the 24-hour window stays as it was (closed for a new one).
    return this.upsert(accountId, customer, at, {});
  }

  private async upsert(accountId: string, customer: CustomerRef, at: Date, window: { $max?: { lastInboundAt: Date } }): Promise<ConversationRecord> {
    const _id = await this.idFor(accountId, customer);
    const set: Record<string, string> = {};
    if (customer.waId) set['customer.waId'] = customer.waId;
    if (customer.userId) set['customer.userId'] = customer.userId;
    if (customer.name) set['customer.name'] = customer.name;
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...window, $setOnInsert: { accountId, createdAt: at, participants: [] } };
    // Only a customer known by both ids needs the key: one known by the user id alone has it in the conversation's `_id`.
    const key =
      customer.waId && customer.userId
        ? this.m.customerKeys
            .updateOne({ _id: customerKeyId(accountId, customer.userId) }, { $set: { conversationId: _id } }, { upsert: true })
            .exec()
            .catch(ignoreDuplicate)
        : undefined;
    const conversation = this.lock.run(_id, async () => {
      try {
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'after' }).lean())!;
      } catch (err) {
        // Another process inserted it first: update the winner's document.
        if (!isDuplicateKey(err)) throw err;
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { returnDocument: 'after' }).lean())!;
      }
    });
    const [record] = await Promise.all([conversation, key]);
    return withParticipants(record);
  }

  private async idFor(accountId: string, customer: CustomerRef): Promise<string> {
    if (customer.waId) return `${accountId}:${customer.waId}`;
    if (!customer.userId) throw new Error('a customer needs a wa_id or a user_id');
    const known = await this.m.customerKeys.findById(customerKeyId(accountId, customer.userId)).lean();
    return known?.conversationId ?? `${accountId}:${customer.userId}`;
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const conv = await this.m.conversations.findById(id).lean();
    return conv && withParticipants(conv);
  }

  async recordAgentReply(conversationId: string, participant: Participant): Promise<void> {
    // The lock orders this process's writes to the document (FerretDB does not make concurrent updates of one document
    // atomic); across instances the per-person path is what keeps both agents (see participantPath).
    await this.lock.run(conversationId, () =>
      this.m.conversations.updateOne(
        { _id: conversationId },
        { $set: { [participantPath(participant)]: participant }, $max: { lastAgentReplyAt: participant.lastReplyAt } },
      ),
    );
  }

  async updateLifecycle(conversationId: string, patch: ConversationLifecycle): Promise<void> {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, ''> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) $unset[key] = '';
      else if (value !== undefined) $set[key] = value;
    }
    if (!Object.keys($set).length && !Object.keys($unset).length) return;
    await this.lock.run(conversationId, () =>
      this.m.conversations.updateOne(
        { _id: conversationId },
        { ...(Object.keys($set).length ? { $set } : {}), ...(Object.keys($unset).length ? { $unset } : {}) },
      ),
    );
  }

  async addParticipant(conversationId: string, participant: Participant): Promise<void> {
    await this.lock.run(conversationId, async () => {
      const conv = await this.getConversation(conversationId);
      if (!conv || conv.participants.some((p) => personKey(p) === personKey(participant))) return;
      await this.m.conversations.updateOne({ _id: conversationId }, { $set: { [participantPath(participant)]: participant } });
    });
  }

  async markCardShown(linkId: string, card: { digest: string; rootMessageId?: string }): Promise<void> {
    await this.m.threadLinks.updateOne(
      { _id: linkId },
      { $set: { cardShown: card.digest, ...(card.rootMessageId ? { rootMessageId: card.rootMessageId } : {}) } },
    );
  }

  /**
   * The retired link keeps its `_id` (the old thread still finds the conversation) but its stored `conversationId`
   * becomes unique to it (`retiredFrom` keeps the real one), so the unique (conversationId, platform) index admits the
   * new thread's link; the key document goes, so the delivery path opens a new thread.
   */
  async retireThreadLink(conversationId: string, platform: ChatPlatform, at: Date): Promise<void> {
    const link = await this.findThreadLink(conversationId, platform);
    if (!link) return;
    await this.m.threadLinks.updateOne(
      { _id: link._id },
      { $set: { retiredAt: at, retiredFrom: conversationId, conversationId: `${conversationId}#retired:${at.getTime()}` } },
    );
    await this.m.threadLinkKeys.deleteOne({ _id: linkKeyId(conversationId, platform) });
  }

  async findThreadLink(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> {
    const key = await this.m.threadLinkKeys.findById(linkKeyId(conversationId, platform)).lean();
    return key ? this.m.threadLinks.findById(key.linkId).lean() : null;
  }

  async findThreadLinkByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null> {
    const link = await this.m.threadLinks.findById(`${platform}:${channelId}:${threadId}`).lean();
    if (!link) return null;
    const { retiredFrom, ...rest } = link as ThreadLinkRecord & { retiredFrom?: string };
    return retiredFrom ? { ...rest, conversationId: retiredFrom } : rest;
  }

  async saveThreadLink(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord> {
    const record = { ...link, _id: `${link.platform}:${link.channelId}:${link.threadId}` };
    try {
      // The unique index on (conversationId, platform) refuses a second thread; the key is written after the link.
      await this.m.threadLinks.create(record);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = (await this.findThreadLink(link.conversationId, link.platform)) ?? (await this.repairKey(link.conversationId, link.platform));
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
      await this.m.threadLinkKeys.updateOne({ _id: linkKeyId(link.conversationId, link.platform) }, { $set: { linkId: link._id } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async markMentioned(linkId: string, at: Date): Promise<void> {
    await this.m.threadLinks.updateOne({ _id: linkId }, { $set: { lastMentionAt: at } });
  }

  /** Start-up, once per database: key documents for records stored before the keys existed (scans, never on a hot path). */
  async migrateKeys(): Promise<void> {
    await this.migrateCustomerKeys();
    await this.migrateLinkKeys();
  }

  private async migrateCustomerKeys(): Promise<void> {
    const known = await this.m.conversations
      .find({ 'customer.userId': { $exists: true }, 'customer.waId': { $exists: true } }, { accountId: 1, customer: 1 })
      .lean();
    if (!known.length) return;
    await bulkWriteChunked(
      known.map((c) => ({
        updateOne: { filter: { _id: customerKeyId(c.accountId, c.customer.userId!) }, update: { $setOnInsert: { conversationId: c._id } }, upsert: true },
      })),
      (ops) => this.m.customerKeys.bulkWrite(ops, { ordered: false }),
    );
  }

  private async migrateLinkKeys(): Promise<void> {
    const links = await this.m.threadLinks.find({}, { conversationId: 1, platform: 1 }).lean();
    if (!links.length) return;
    await bulkWriteChunked(
      links.map((l) => ({
        updateOne: { filter: { _id: linkKeyId(l.conversationId, l.platform) }, update: { $setOnInsert: { linkId: l._id } }, upsert: true },
      })),
      (ops) => this.m.threadLinkKeys.bulkWrite(ops, { ordered: false }),
    );
  }
}
