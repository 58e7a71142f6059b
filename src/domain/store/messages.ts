/**
 * The messages port: customers' and agents' messages, where the bridge posted them (mirrors, and the pointer from a
 * chat post back to its message), and WhatsApp delivery statuses per wamid.
 *
 * Query shapes it relies on (hot paths: ingest, delivery, statuses, reactions): lookups and writes by one natural
 * `_id` (a customer's message `wa:<wamid>`, an agent's `${platform}:${channelId}:${messageId}`, a pointer
 * `${platform}:${channelId}:${chatMessageId}`, a wamid document by the wamid); a batch of statuses is read by `_id`
 * (in parallel) and written with one bulk write of `_id`-keyed operations. Off the hot paths, `messagesCreated` reads a
 * time range in bounded pages for `npm run admin -- export` (pages.ts; MongoDB uses the `{createdAt, _id}` index,
 * FerretDB scans once per page).
 */
import type { ChatPlatform } from '../chat';
import type { ChatLocation, MessageRecord } from '../records';
import type { DeliveryStatus, StatusUpdate, WhatsAppErrorInfo } from '../whatsapp';
import { methodsOf } from './methods';
import type { TimePage } from './pages';

export interface StatusApplied {
  applied: boolean;
  previous?: DeliveryStatus;
  messageId?: string;
}

export interface MessageStore {
  /** False when a message with this `_id` exists already (a redelivery): the stored one is left as it was. */
  insertMessage(message: MessageRecord): Promise<boolean>;
  getMessage(id: string): Promise<MessageRecord | null>;
  /** A customer's message by its own wamid, or the message the bridge sent under this wamid (see `linkWamid`). */
  findMessageByWamid(wamid: string): Promise<MessageRecord | null>;
  /**
   * Sets the given fields (MongoDB `$set`): a key may be a dotted path (`'shownStatus.slack'`) that sets one nested
   * field and keeps its siblings; a key whose value is `undefined` is ignored. No-op for an unknown id (never creates).
   */
  updateMessage(id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void>;
  /** Records where a message was posted (once per location); the chat message is then found again by `findMessageByChatMessage`. */
  addMirror(id: string, location: ChatLocation): Promise<void>;
  /** The message the bridge posted as this chat message (Slack channel + ts; Discord parent channel + snowflake). */
  findMessageByChatMessage(platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null>;

  /** Monotonic: applied only when the new status ranks above the stored one (`STATUS_RANK`; `failed` is final). */
  applyStatus(update: StatusUpdate): Promise<StatusApplied>;
  /** `applyStatus` for a batch, in order (one result per update): read by `_id`, written with one bulk write. */
  applyStatuses(updates: StatusUpdate[]): Promise<StatusApplied[]>;
  /** Record which message a wamid belongs to; returns a status that arrived before (if any), with its error. */
  linkWamid(wamid: string, messageId: string): Promise<{ status?: DeliveryStatus; error?: WhatsAppErrorInfo }>;
  /** Messages created in `[from, to)`, by `createdAt` then `_id`, the page after `after`, at most `limit` (operator export). */
  messagesCreated(page: TimePage): Promise<MessageRecord[]>;
}

export const MESSAGE_STORE_METHODS = methodsOf<MessageStore>({
  insertMessage: true,
  getMessage: true,
  findMessageByWamid: true,
  updateMessage: true,
  addMirror: true,
  findMessageByChatMessage: true,
  applyStatus: true,
  applyStatuses: true,
  linkWamid: true,
  messagesCreated: true,
});
