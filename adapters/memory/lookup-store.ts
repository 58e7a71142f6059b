/**
 * The lookups port (src/domain/store/lookups.ts) in memory: the same filters and orders as adapters/mongo/lookup-store.ts
 * over the records the in-memory conversations and messages ports hold (MongoDB sorts a missing date below any date).
 */
import type { ConversationRecord, MessageRecord } from '../../src/domain/records';
import type { ConversationSearch, LookupStore } from '../../src/domain/store';
import type { MemoryConversationStore } from './conversation-store';
import type { MemoryMessageStore } from './message-store';
import { byString, copy } from './records';

const time = (d: Date | undefined): number => (d ? d.getTime() : -Infinity);

export class MemoryLookupStore implements LookupStore {
  constructor(
    private readonly conversations: MemoryConversationStore,
    private readonly messages: MemoryMessageStore,
  ) {}

  async searchConversations(q: ConversationSearch): Promise<ConversationRecord[]> {
    if (!q.digits && !q.name) return [];
    const name = q.name?.toLowerCase();
    return [...this.conversations.all()]
      .filter((c) => q.accountIds.includes(c.accountId))
      .filter((c) => (q.digits && c.customer.waId?.includes(q.digits)) || (name && c.customer.name?.toLowerCase().includes(name)))
      .sort((a, b) => time(b.lastInboundAt) - time(a.lastInboundAt) || byString(a._id, b._id))
      .slice(0, q.limit)
      .map(copy);
  }

  async recentMessages(conversationId: string, limit: number): Promise<MessageRecord[]> {
    return [...this.messages.all()]
      .filter((m) => m.conversationId === conversationId)
      .sort((a, b) => time(b.createdAt) - time(a.createdAt) || byString(b._id, a._id))
      .slice(0, limit)
      .map(copy);
  }

  async failedMessages(q: { accountIds: string[]; limit: number }): Promise<MessageRecord[]> {
    return [...this.messages.all()]
      .filter((m) => m.state === 'failed' && q.accountIds.some((a) => m.conversationId.startsWith(`${a}:`)))
      .sort((a, b) => time(b.stateAt) - time(a.stateAt) || byString(a._id, b._id))
      .slice(0, q.limit)
      .map(copy);
  }
}
