/**
 * The messages port (src/domain/store/messages.ts) in memory: messages, the pointer from a chat post to its message,
 * and one record per wamid (its message, status, rank and error), as in adapters/mongo/message-store.ts. Each method
 * completes in one synchronous step, so a batch of statuses is applied atomically.
 */
import type { ChatPlatform } from '../../src/domain/platform';
import type { ChatLocation, MessageRecord, WamidRecord } from '../../src/domain/records';
import type { MessageStore, StatusApplied, TimePage } from '../../src/domain/store';
import { STATUS_RANK, type DeliveryStatus, type StatusUpdate, type WhatsAppErrorInfo } from '../../src/domain/whatsapp';
import { applySet, copy } from './records';
import { timePage } from './time-page';

const sameLocation = (a: ChatLocation, b: ChatLocation) =>
  a.platform === b.platform && a.channelId === b.channelId && a.threadId === b.threadId && a.messageId === b.messageId;

export class MemoryMessageStore implements MessageStore {
  private readonly messages = new Map<string, MessageRecord>();
  /** `${platform}:${channelId}:${chatMessageId}` → message id. */
  private readonly chatMessages = new Map<string, string>();
  private readonly wamids = new Map<string, WamidRecord>();

  /** Every message, as stored (for the lookups port in memory: adapters/memory/lookup-store.ts). */
  all(): Iterable<MessageRecord> {
    return this.messages.values();
  }

  async insertMessage(message: MessageRecord): Promise<boolean> {
    if (this.messages.has(message._id)) return false;
    this.messages.set(message._id, copy(message));
    return true;
  }

  async getMessage(id: string): Promise<MessageRecord | null> {
    const message = this.messages.get(id);
    return message ? copy(message) : null;
  }

  async findMessageByWamid(wamid: string): Promise<MessageRecord | null> {
    // A customer's message is `wa:<wamid>`; one the bridge sent is named by its wamid record.
    const messageId = this.messages.has(`wa:${wamid}`) ? `wa:${wamid}` : this.wamids.get(wamid)?.messageId;
    return messageId ? this.getMessage(messageId) : null;
  }

  async updateMessage(id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void> {
    const message = this.messages.get(id);
    if (message) applySet(message as unknown as Record<string, unknown>, set);
  }

  async addMirror(id: string, location: ChatLocation): Promise<void> {
    const message = this.messages.get(id);
    if (message && !message.mirrors.some((m) => sameLocation(m, location))) message.mirrors.push(copy(location));
    // Written even for an unknown message, as the Mongo store's pointer upsert is (it then finds nothing).
    this.chatMessages.set(`${location.platform}:${location.channelId}:${location.messageId}`, id);
  }

  async findMessageByChatMessage(platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null> {
    const id = this.chatMessages.get(`${platform}:${channelId}:${chatMessageId}`);
    return id ? this.getMessage(id) : null;
  }

  async applyStatus(update: StatusUpdate): Promise<StatusApplied> {
    return (await this.applyStatuses([update]))[0]!;
  }

  async applyStatuses(updates: StatusUpdate[]): Promise<StatusApplied[]> {
    return updates.map((u): StatusApplied => {
      const before = this.wamids.get(u.wamid) ?? { _id: u.wamid, rank: 0 };
      const rank = STATUS_RANK[u.status];
      if (rank <= before.rank) return { applied: false };
      const after: WamidRecord = { ...before, status: u.status, rank, at: new Date(u.at), ...(u.error ? { error: copy(u.error) } : {}) };
      this.wamids.set(u.wamid, after);
      return { applied: true, previous: before.status, messageId: before.messageId };
    });
  }

  async linkWamid(wamid: string, messageId: string): Promise<{ status?: DeliveryStatus; error?: WhatsAppErrorInfo }> {
    const record = this.wamids.get(wamid) ?? { _id: wamid, rank: 0 };
    this.wamids.set(wamid, { ...record, messageId });
    return { status: record.status, error: record.error ? copy(record.error) : undefined };
  }

  async messagesCreated(page: TimePage): Promise<MessageRecord[]> {
    return timePage(this.messages.values(), page, (m) => ({ at: m.createdAt, id: m._id })).map(copy);
  }
}
