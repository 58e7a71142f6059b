/** Conversations and the key that finds one from a business-scoped user id: every lookup and write by `_id`. */
import type { ConversationRecord, Participant } from '../../src/domain/records';
import type { CustomerRef } from '../../src/domain/whatsapp';
import { ignoreDuplicate, isDuplicateKey } from './duplicates';
import { KeyedLock } from './keyed-lock';
import type { Models } from './models';

const customerKeyId = (accountId: string, userId: string) => `${accountId}:${userId}`;

export class ConversationStore {
  private readonly lock = new KeyedLock();

  constructor(private readonly m: Models) {}

  forInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    return this.upsert(accountId, customer, at, { $max: { lastInboundAt: at } });
  }

  forOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
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
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { upsert: true, new: true }).lean())!;
      } catch (err) {
        // Another process inserted it first: update the winner's document.
        if (!isDuplicateKey(err)) throw err;
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { new: true }).lean())!;
      }
    });
    const [record] = await Promise.all([conversation, key]);
    return record;
  }

  private async idFor(accountId: string, customer: CustomerRef): Promise<string> {
    if (customer.waId) return `${accountId}:${customer.waId}`;
    if (!customer.userId) throw new Error('a customer needs a wa_id or a user_id');
    const known = await this.m.customerKeys.findById(customerKeyId(accountId, customer.userId)).lean();
    return known?.conversationId ?? `${accountId}:${customer.userId}`;
  }

  get(id: string): Promise<ConversationRecord | null> {
    return this.m.conversations.findById(id).lean();
  }

  async recordAgentReply(conversationId: string, participant: Participant): Promise<void> {
    await this.lock.run(conversationId, async () => {
      const conv = await this.m.conversations.findById(conversationId).lean();
      if (!conv) return;
      // Older documents (and some servers' upserts of an empty array) may lack the field.
      const others = (conv.participants ?? []).filter((p) => !(p.platform === participant.platform && p.userId === participant.userId));
      await this.m.conversations.updateOne(
        { _id: conversationId },
        { $set: { participants: [...others, participant] }, $max: { lastAgentReplyAt: participant.lastReplyAt } },
      );
    });
  }

  /** Start-up, once per database: keys for conversations stored before the keys existed (a scan, never on a hot path). */
  async migrateKeys(): Promise<void> {
    const known = await this.m.conversations
      .find({ 'customer.userId': { $exists: true }, 'customer.waId': { $exists: true } }, { accountId: 1, customer: 1 })
      .lean();
    if (!known.length) return;
    await this.m.customerKeys.bulkWrite(
      known.map((c) => ({
        updateOne: { filter: { _id: customerKeyId(c.accountId, c.customer.userId!) }, update: { $setOnInsert: { conversationId: c._id } }, upsert: true },
      })),
      { ordered: false },
    );
  }
}
