/**
 * The lookups port (src/domain/store/lookups.ts) over mongoose: bounded queries for `/wa find`, `/wa history` and
 * `/wa failed`. None is `_id`-only, so each scans its collection on FerretDB; they run only when a person asks (the
 * port's header says why that is accepted). Regular expressions are built from escaped input only.
 */
import type { ConversationRecord, MessageRecord } from '../../src/domain/records';
import type { ConversationSearch, LookupStore } from '../../src/domain/store';
import type { Models } from './models';

/** `text` matched literally inside a regular expression. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class MongoLookupStore implements LookupStore {
  constructor(private readonly m: Models) {}

  async searchConversations(q: ConversationSearch): Promise<ConversationRecord[]> {
    const either: object[] = [];
    if (q.digits) either.push({ 'customer.waId': { $regex: literal(q.digits) } });
    if (q.name) either.push({ 'customer.name': { $regex: literal(q.name), $options: 'i' } });
    if (!either.length || !q.accountIds.length) return [];
    return this.m.conversations
      .find({ accountId: { $in: q.accountIds }, $or: either })
      .sort({ lastInboundAt: -1, _id: 1 })
      .limit(q.limit)
      .lean();
  }

  async recentMessages(conversationId: string, limit: number): Promise<MessageRecord[]> {
    return this.m.messages.find({ conversationId }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean();
  }

  async failedMessages(q: { accountIds: string[]; limit: number }): Promise<MessageRecord[]> {
    if (!q.accountIds.length) return [];
    // A conversation's `_id` starts with its account's phone number id (`${accountId}:${waId}`).
    const prefix = `^(?:${q.accountIds.map(literal).join('|')}):`;
    return this.m.messages
      .find({ state: 'failed', conversationId: { $regex: prefix } })
      .sort({ stateAt: -1, _id: 1 })
      .limit(q.limit)
      .lean();
  }
}
