/**
 * The lookups port: what agents ask about past conversations (`/wa find`, `/wa history`, `/wa failed`,
 * src/services/agent-tools/). Read-only, over the conversations and messages the other ports write.
 *
 * Query shapes: none of these is `_id`-only, so each scans its collection on the embedded FerretDB (docs/architecture.md,
 * "What the embedded database does differently": 6 ms at 50 documents, ~570 ms at 50k). That is accepted because they
 * run only when a person types the command, never on a message's path, and each returns at most `limit` records.
 * On MongoDB, `recentMessages` uses the `{conversationId, createdAt}` index; the two others scan (an index on `state`
 * would cost every status write on the hot path for a rare command).
 */
import type { ConversationRecord, MessageRecord } from '../records';
import { methodsOf } from './methods';

export interface ConversationSearch {
  /** Only conversations of these numbers (phone number ids). */
  accountIds: string[];
  /** Digits the customer's wa_id contains. */
  digits?: string;
  /** Text the customer's name contains, letter case ignored. */
  name?: string;
  limit: number;
}

export interface LookupStore {
  /** Matches on `digits` or `name` (either), the customer who wrote last first (never-written ones last). */
  searchConversations(q: ConversationSearch): Promise<ConversationRecord[]>;
  /** A conversation's last `limit` messages, newest first (ties by `_id`). */
  recentMessages(conversationId: string, limit: number): Promise<MessageRecord[]>;
  /** Messages in state `failed` of these numbers' conversations, the latest failure first, at most `limit`. */
  failedMessages(q: { accountIds: string[]; limit: number }): Promise<MessageRecord[]>;
}

export const LOOKUP_STORE_METHODS = methodsOf<LookupStore>({
  searchConversations: true,
  recentMessages: true,
  failedMessages: true,
});
