/**
 * The persistence port. adapters/mongo implements it; the contract tests run it against a real server.
 * Hot paths rely only on lookups and writes by `_id` and on bulk writes of `_id`-keyed operations (the allowed
 * query shapes and why are listed in adapters/mongo/store.ts).
 */
import type { ChatPlatform } from './platform';
import type { TemplateRecord } from './templates';
import type {
  BulkRecord,
  BulkResult,
  ConversationRecord,
  MessageRecord,
  NewJob,
  OutboxJob,
  ParkedInfo,
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

export interface EnqueueOptions {
  /**
   * `false`: do not consult the record of finished jobs. For jobs that are cheap and harmless to run again (ingest:
   * every write it makes is deduplicated by a natural key), so the webhook is acknowledged after one write.
   */
  checkDone?: boolean;
}

export interface Store {
  ping(): Promise<void>;
  saveRawWebhook(source: string, rawBody: string): Promise<void>;

  conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord>;
  /**
   * The conversation a company-initiated send (a template) goes into: found or created, and `lastInboundAt` left
   * untouched, since the customer has not written (the 24-hour window stays closed).
   */
  conversationForOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord>;
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
  /** Records where a message was posted; the chat message is then found again by `findMessageByChatMessage`. */
  addMirror(id: string, location: ChatLocation): Promise<void>;
  /** The message the bridge posted as this chat message (Slack channel + ts; Discord parent channel + snowflake). */
  findMessageByChatMessage(platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null>;

  /** Monotonic: applied only when the new status ranks above the stored one. */
  applyStatus(update: StatusUpdate): Promise<StatusApplied>;
  /** `applyStatus` for a batch, in order (one result per update): read by `_id`, written with one bulk write. */
  applyStatuses(updates: StatusUpdate[]): Promise<StatusApplied[]>;
  /** Record which message a wamid belongs to; returns a status that arrived before (if any). */
  linkWamid(wamid: string, messageId: string): Promise<{ status?: DeliveryStatus; error?: WhatsAppErrorInfo }>;

  /** Idempotent by `dedupeKey` (the job's `_id`): a key pending, running, failed or (unless `checkDone: false`) done is skipped. */
  enqueue(jobs: NewJob[], options?: EnqueueOptions): Promise<void>;
  pendingJobs(limit: number): Promise<OutboxJob[]>;
  claimJob(id: string, leaseUntil: Date): Promise<boolean>;
  completeJob(id: string): Promise<void>;
  rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  failJob(id: string, attempts: number, error: string): Promise<void>;
  /** Jobs left `running` by a process that died go back to `pending`. */
  releaseStaleJobs(now: Date): Promise<number>;
  countJobs(state: OutboxJob['state']): Promise<number>;
  purgeDoneJobs(olderThan: Date): Promise<number>;

  /** Templates of a WhatsApp Business Account (every name × language). */
  listTemplates(wabaId: string): Promise<TemplateRecord[]>;
  /** Inserts or replaces by `_id`. */
  saveTemplate(template: TemplateRecord): Promise<void>;
  updateTemplate(id: string, set: Partial<Omit<TemplateRecord, '_id' | 'wabaId' | 'name' | 'language'>>): Promise<void>;
  deleteTemplates(ids: string[]): Promise<number>;

  createBulk(bulk: BulkRecord): Promise<void>;
  getBulk(id: string): Promise<BulkRecord | null>;
  /** Bulk sends not finished yet (to resume after a restart). */
  unfinishedBulks(): Promise<BulkRecord[]>;
  updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void>;
  setBulkResult(id: string, phone: string, result: BulkResult): Promise<void>;

  // --- Outbox recovery: parking, stuck alerts, requeue (adapters/mongo/outbox-recovery.ts). Rare paths, not hot:
  // apart from `_id` updates they filter on other fields (a scan on FerretDB), run at most once per probe interval
  // or per operator command, over the outbox's live jobs only (finished jobs are in another collection).
  /** The job stays `pending` (its lane held behind it) with a far `nextAttemptAt` until resumed. */
  parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void>;
  /** Every parked job, oldest first. */
  listParkedJobs(limit: number): Promise<OutboxJob[]>;
  /** Parked jobs of this target become due now (their `parked` mark removed); returns how many. */
  resumeParkedJobs(target: string): Promise<number>;
  markStuckAlerted(id: string, at: Date): Promise<void>;
  /** Failed and parked jobs (of one conversation, or all) become pending and due now, attempts reset; returns them. */
  requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]>;
}
