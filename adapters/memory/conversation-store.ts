/**
 * The conversations port (src/domain/store/conversations.ts) in memory: the same natural keys as the Mongo one
 * (adapters/mongo/conversation-store.ts), in maps. Every method completes in one synchronous step, so concurrent
 * calls cannot interleave inside one.
 */
import type { ChatPlatform } from '../../src/domain/platform';
import type { ConversationLifecycle, ConversationRecord, Participant, ThreadLinkRecord } from '../../src/domain/records';
import type { ConversationStore } from '../../src/domain/store';
import type { CustomerRef } from '../../src/domain/whatsapp';
import { copy, later } from './records';

export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, ConversationRecord>();
  /** `${accountId}:${userId}` → conversation id, for customers known by both ids. */
  private readonly customerKeys = new Map<string, string>();
  /** By thread: `${platform}:${channelId}:${threadId}`. */
  private readonly links = new Map<string, ThreadLinkRecord>();
  /** `${conversationId}:${platform}` → link id. */
  private readonly linkKeys = new Map<string, string>();

  /** Every conversation, as stored (for the lookups port in memory: adapters/memory/lookup-store.ts). */
  all(): Iterable<ConversationRecord> {
    return this.conversations.values();
  }

  async conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    return this.upsert(accountId, customer, at, true);
  }

  async conversationForOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    return this.upsert(accountId, customer, at, false);
  }

  private upsert(accountId: string, customer: CustomerRef, given: Date, inbound: boolean): ConversationRecord {
    const at = new Date(given);
    const id = this.idFor(accountId, customer);
    const conv = this.conversations.get(id) ?? { _id: id, accountId, customer: {}, createdAt: at, participants: [] };
    if (customer.waId) conv.customer.waId = customer.waId;
    if (customer.userId) conv.customer.userId = customer.userId;
    if (customer.name) conv.customer.name = customer.name;
    if (inbound) conv.lastInboundAt = later(conv.lastInboundAt, at);
    this.conversations.set(id, conv);
    if (customer.waId && customer.userId) this.customerKeys.set(`${accountId}:${customer.userId}`, id);
    return copy(conv);
  }

  private idFor(accountId: string, customer: CustomerRef): string {
    if (customer.waId) return `${accountId}:${customer.waId}`;
    if (!customer.userId) throw new Error('a customer needs a wa_id or a user_id');
    return this.customerKeys.get(`${accountId}:${customer.userId}`) ?? `${accountId}:${customer.userId}`;
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const conv = this.conversations.get(id);
    return conv ? copy(conv) : null;
  }

  async recordAgentReply(conversationId: string, participant: Participant): Promise<void> {
    const conv = this.conversations.get(conversationId);
    if (!conv) return;
    const others = conv.participants.filter((p) => !(p.platform === participant.platform && p.userId === participant.userId));
    conv.participants = [...others, copy(participant)];
    conv.lastAgentReplyAt = later(conv.lastAgentReplyAt, new Date(participant.lastReplyAt));
  }

  async updateLifecycle(conversationId: string, patch: ConversationLifecycle): Promise<void> {
    const conv = this.conversations.get(conversationId) as unknown as Record<string, unknown> | undefined;
    if (!conv) return;
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete conv[key];
      else if (value !== undefined) conv[key] = copy(value);
    }
  }

  async addParticipant(conversationId: string, participant: Participant): Promise<void> {
    const conv = this.conversations.get(conversationId);
    if (!conv || conv.participants.some((p) => p.platform === participant.platform && p.userId === participant.userId)) return;
    conv.participants = [...conv.participants, copy(participant)];
  }

  async markCardShown(linkId: string, card: { digest: string; rootMessageId?: string }): Promise<void> {
    const link = this.links.get(linkId);
    if (!link) return;
    link.cardShown = card.digest;
    if (card.rootMessageId) link.rootMessageId = card.rootMessageId;
  }

  async retireThreadLink(conversationId: string, platform: ChatPlatform, at: Date): Promise<void> {
    const key = `${conversationId}:${platform}`;
    const link = this.links.get(this.linkKeys.get(key) ?? '');
    if (link) link.retiredAt = copy(at);
    this.linkKeys.delete(key);
  }

  async findThreadLink(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> {
    return this.linkOf(conversationId, platform);
  }

  private linkOf(conversationId: string, platform: ChatPlatform): ThreadLinkRecord | null {
    const id = this.linkKeys.get(`${conversationId}:${platform}`);
    return id ? this.findById(id) : null;
  }

  async findThreadLinkByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null> {
    return this.findById(`${platform}:${channelId}:${threadId}`);
  }

  private findById(id: string): ThreadLinkRecord | null {
    const link = this.links.get(id);
    return link ? copy(link) : null;
  }

  async saveThreadLink(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord> {
    // No await before the write: concurrent saves cannot both find no link.
    const existing = this.linkOf(link.conversationId, link.platform);
    if (existing) return existing;
    const record: ThreadLinkRecord = { ...copy(link), _id: `${link.platform}:${link.channelId}:${link.threadId}` };
    // The same thread already linked to another conversation: refused, as the Mongo store's duplicate `_id` is.
    if (this.links.has(record._id)) throw new Error(`thread ${record._id} is linked to another conversation`);
    this.links.set(record._id, record);
    this.linkKeys.set(`${link.conversationId}:${link.platform}`, record._id);
    return copy(record);
  }

  async markMentioned(linkId: string, at: Date): Promise<void> {
    const link = this.links.get(linkId);
    if (link) link.lastMentionAt = copy(at);
  }
}
