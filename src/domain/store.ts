/** The persistence port. adapters/mongo implements it; the contract tests run it against a real server. */
import type { ChatPlatform } from './chat';
import type {
  ConversationRecord,
  MessageRecord,
  NewJob,
  OutboxJob,
  Participant,
  ThreadLinkRecord,
  ChatLocation,
} from './records';
import type { CustomerRef, DeliveryStatus, StatusUpdate, WhatsAppErrorInfo } from './whatsapp';

export interface StatusApplied {
  applied: boolean;
  previous?: DeliveryStatus;
  messageId?: string;
}

export interface Store {
  ping(): Promise<void>;
  saveRawWebhook(source: string, rawBody: string): Promise<void>;

  conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  recordAgentReply(conversationId: string, participant: Participant): Promise<void>;

  findThreadLink(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null>;
  findThreadLinkByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null>;
  /** Returns the stored link: the given one, or the one that was there first. */
  saveThreadLink(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord>;
  markMentioned(linkId: string, at: Date): Promise<void>;

  /** False when a message with this `_id` exists already (a redelivery). */
  insertMessage(message: MessageRecord): Promise<boolean>;
  getMessage(id: string): Promise<MessageRecord | null>;
  findMessageByWamid(wamid: string): Promise<MessageRecord | null>;
  updateMessage(id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void>;
  addMirror(id: string, location: ChatLocation): Promise<void>;

  /** Monotonic: applied only when the new status ranks above the stored one. */
  applyStatus(update: StatusUpdate): Promise<StatusApplied>;
  /** Record which message a wamid belongs to; returns a status that arrived before (if any). */
  linkWamid(wamid: string, messageId: string): Promise<{ status?: DeliveryStatus; error?: WhatsAppErrorInfo }>;

  enqueue(jobs: NewJob[]): Promise<void>;
  pendingJobs(limit: number): Promise<OutboxJob[]>;
  claimJob(id: string, leaseUntil: Date): Promise<boolean>;
  completeJob(id: string): Promise<void>;
  rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  failJob(id: string, attempts: number, error: string): Promise<void>;
  /** Jobs left `running` by a process that died go back to `pending`. */
  releaseStaleJobs(now: Date): Promise<number>;
  countJobs(state: OutboxJob['state']): Promise<number>;
  purgeDoneJobs(olderThan: Date): Promise<number>;
}
