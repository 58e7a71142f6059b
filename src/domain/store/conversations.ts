/**
 * The conversations port: one conversation per customer and business number, the key that finds it again from a
 * business-scoped user id, and the link from a conversation to its thread on each chat platform.
 *
 * Query shapes it relies on (every one on a hot path: ingest, delivery, agent replies): lookups and writes by one
 * natural `_id`. A conversation is `${accountId}:${waId ?? userId}`; a customer known by both ids has a key document
 * `${accountId}:${userId}`; a thread link is `${platform}:${channelId}:${threadId}` with a key document
 * `${conversationId}:${platform}` for the delivery path. Another field is never queried (adapters/mongo/store.ts says
 * why; adapters/mongo/conversation-store.ts has the one exception, after a collision).
 */
import type { ChatPlatform } from '../chat';
import type { ConversationLifecycle, ConversationRecord, Participant, ThreadLinkRecord } from '../records';
import type { CustomerRef } from '../whatsapp';
import { methodsOf } from './methods';

export interface ConversationStore {
  /**
   * The conversation of a customer who has just written: found or created, customer fields given are stored, and
   * `lastInboundAt` only moves forward (a late webhook never shortens the 24-hour window). Concurrent calls for one
   * customer create one conversation. A customer with neither a wa_id nor a user id is refused (rejects).
   */
  conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord>;
  /**
   * The conversation a company-initiated send (a template) goes into: found or created, and `lastInboundAt` left
   * untouched, since the customer has not written (the 24-hour window stays closed).
   */
  conversationForOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  /** Adds or refreshes the agent among the participants (one entry per platform and user); `lastAgentReplyAt` only moves forward. No-op for an unknown conversation. */
  recordAgentReply(conversationId: string, participant: Participant): Promise<void>;

  /**
   * Writes the lifecycle fields given (services/lifecycle/): a value sets the field, `null` removes it, an absent key
   * leaves it. One write by `_id`; the last writer wins (claims race only between people, and the card shows the result).
   * No-op for an unknown conversation.
   */
  updateLifecycle(conversationId: string, patch: ConversationLifecycle): Promise<void>;
  /** Adds a person among the participants (`/wa add`) unless they are one already; `lastAgentReplyAt` is left as it is. */
  addParticipant(conversationId: string, participant: Participant): Promise<void>;

  /** The current thread of a conversation on a platform (never a retired one). */
  findThreadLink(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null>;
  findThreadLinkByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null>;
  /** One link per conversation and platform. Returns the stored link: the given one, or the one that was there first. */
  saveThreadLink(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord>;
  markMentioned(linkId: string, at: Date): Promise<void>;
  /** Records the digest of the card last shown in the thread (ThreadLinkRecord.cardShown) and its root message. */
  markCardShown(linkId: string, card: { digest: string; rootMessageId?: string }): Promise<void>;
  /**
   * The conversation's thread on this platform is no longer its current one (`retiredAt` set): `findThreadLink` answers
   * null, so the next delivery opens a new thread; the old thread is still found by `findThreadLinkByThread`, with the
   * conversation's id. No-op when there is no current thread.
   */
  retireThreadLink(conversationId: string, platform: ChatPlatform, at: Date): Promise<void>;
}

export const CONVERSATION_STORE_METHODS = methodsOf<ConversationStore>({
  conversationForInbound: true,
  conversationForOutbound: true,
  getConversation: true,
  recordAgentReply: true,
  findThreadLink: true,
  findThreadLinkByThread: true,
  saveThreadLink: true,
  markMentioned: true,
  updateLifecycle: true,
  addParticipant: true,
  markCardShown: true,
  retireThreadLink: true,
});
