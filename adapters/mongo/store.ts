/**
 * The Store port over mongoose, kept to what both MongoDB and FerretDB (the embedded default) support.
 * One file per record kind (conversation-store, thread-store, message-store, job-store); this class delegates.
 *
 * Query shapes allowed on a hot path (webhook ack, ingest, outbox claim and delivery, statuses, thread lookups,
 * agent replies), because FerretDB pushes down only a filter that is exactly one `_id` equality and scans the whole
 * collection for anything else (docs of mongodb-in-tests), while MongoDB answers `_id` from its always-present index:
 *  1. find / update / delete / findAndModify whose filter is exactly `{ _id: <value> }` (several of them in parallel
 *     when a batch needs several keys: never `{ _id: { $in } }`, which FerretDB scans);
 *  2. insert / insertMany of documents with natural `_id`s (a duplicate is a redelivery: a no-op);
 *  3. bulkWrite whose every operation is keyed by `{ _id }` alone (a batch of statuses);
 *  4. the one exception: the outbox worker's poll (`{state: 'pending'}` by seq) and its stale-lease release scan
 *     `outbox`, which holds live jobs only (finished ones move to `outbox_done`), so it stays small with age.
 * Lookups by another field go through a key document whose `_id` is that field (customer_keys, thread_link_keys,
 * chat_messages, wamids). Off the hot paths (start-up migrations, hourly purge, template and bulk-send lists,
 * metrics counts) other filters are used; each says so. Rank checks and claims are read-then-write in code under
 * in-process keyed locks: one bridge process per database (FerretDB's conditional updates are not atomic anyway).
 */
import { InsertBatcher } from './insert-batcher';
import type { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import type { ChatPlatform } from '../../src/domain/platform';
import type {
  BulkRecord,
  BulkResult,
  ChatLocation,
  ConversationRecord,
  MessageRecord,
  NewJob,
  OutboxJob,
  ParkedInfo,
  Participant,
  ThreadLinkRecord,
} from '../../src/domain/records';
import type { TemplateRecord } from '../../src/domain/templates';
import type { EnqueueOptions, StatusApplied, Store } from '../../src/domain/store';
import type { CustomerRef, StatusUpdate } from '../../src/domain/whatsapp';
import { ConversationStore } from './conversation-store';
import { JobStore } from './job-store';
import { MessageStore } from './message-store';
import * as recovery from './outbox-recovery';
import { ensureIndexes, registerModels, type Models } from './models';
import { ThreadStore } from './thread-store';

/** Keys for records stored before the key documents existed: written once per database at start-up. */
const KEYS_MIGRATION = 'natural-keys-v1';

export class MongoStore implements Store {
  private readonly conversations: ConversationStore;
  private readonly threads: ThreadStore;
  private readonly messages: MessageStore;
  private readonly jobs: JobStore;
  private readonly rawInserts: InsertBatcher;

  private constructor(
    private readonly conn: Connection,
    private readonly m: Models,
  ) {
    this.conversations = new ConversationStore(m);
    this.threads = new ThreadStore(m);
    this.messages = new MessageStore(m);
    this.jobs = new JobStore(m);
    this.rawInserts = new InsertBatcher((docs) => m.rawWebhooks.insertMany(docs, { ordered: false }));
  }

  static async open(conn: Connection): Promise<MongoStore> {
    const models = registerModels(conn);
    await ensureIndexes(models);
    const store = new MongoStore(conn, models);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    if (await this.m.migrations.findById(KEYS_MIGRATION).lean()) return;
    await this.conversations.migrateKeys();
    await this.threads.migrateKeys();
    await this.m.migrations.updateOne({ _id: KEYS_MIGRATION }, { $set: { doneAt: new Date() } }, { upsert: true });
  }

  async ping(): Promise<void> {
    if (!this.conn.db) throw new Error('database not connected');
    await this.conn.db.command({ ping: 1 });
  }

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    // Meta offers no history API: the raw payload is our only record. Keyed by content, so a redelivery is one row.
    // Webhooks acknowledged at the same moment share one insert (group commit: insert-batcher.ts).
    const _id = createHash('sha256').update(rawBody).digest('hex');
    await this.rawInserts.insert({ _id, source, body: rawBody, receivedAt: new Date() });
  }

  conversationForInbound = (accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> =>
    this.conversations.forInbound(accountId, customer, at);
  conversationForOutbound = (accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> =>
    this.conversations.forOutbound(accountId, customer, at);
  getConversation = (id: string): Promise<ConversationRecord | null> => this.conversations.get(id);
  recordAgentReply = (conversationId: string, participant: Participant): Promise<void> => this.conversations.recordAgentReply(conversationId, participant);

  findThreadLink = (conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> => this.threads.find(conversationId, platform);
  findThreadLinkByThread = (platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null> =>
    this.threads.findByThread(platform, channelId, threadId);
  saveThreadLink = (link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord> => this.threads.save(link);
  markMentioned = (linkId: string, at: Date): Promise<void> => this.threads.markMentioned(linkId, at);

  insertMessage = (message: MessageRecord): Promise<boolean> => this.messages.insert(message);
  getMessage = (id: string): Promise<MessageRecord | null> => this.messages.get(id);
  findMessageByWamid = (wamid: string): Promise<MessageRecord | null> => this.messages.findByWamid(wamid);
  updateMessage = (id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void> => this.messages.update(id, set);
  addMirror = (id: string, location: ChatLocation): Promise<void> => this.messages.addMirror(id, location);
  findMessageByChatMessage = (platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null> =>
    this.messages.findByChatMessage(platform, channelId, chatMessageId);

  applyStatus = async (update: StatusUpdate): Promise<StatusApplied> => (await this.messages.applyStatuses([update]))[0]!;
  applyStatuses = (updates: StatusUpdate[]): Promise<StatusApplied[]> => this.messages.applyStatuses(updates);
  linkWamid = (wamid: string, messageId: string) => this.messages.linkWamid(wamid, messageId);

  enqueue = (jobs: NewJob[], options?: EnqueueOptions): Promise<void> => this.jobs.enqueue(jobs, options);
  pendingJobs = (limit: number): Promise<OutboxJob[]> => this.jobs.pendingJobs(limit);
  claimJob = (id: string, leaseUntil: Date): Promise<boolean> => this.jobs.claimJob(id, leaseUntil);
  completeJob = (id: string): Promise<void> => this.jobs.completeJob(id);
  rescheduleJob = (id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> =>
    this.jobs.rescheduleJob(id, attempts, nextAttemptAt, error);
  failJob = (id: string, attempts: number, error: string): Promise<void> => this.jobs.failJob(id, attempts, error);
  releaseStaleJobs = (now: Date): Promise<number> => this.jobs.releaseStaleJobs(now);
  countJobs = (state: OutboxJob['state']): Promise<number> => this.jobs.countJobs(state);
  purgeDoneJobs = (olderThan: Date): Promise<number> => this.jobs.purgeDoneJobs(olderThan);

  // Templates and bulk sends: command and start-up paths, not per message (listTemplates and a bulk's results query
  // by wabaId / bulkId: small collections, one document per template or recipient).
  async listTemplates(wabaId: string): Promise<TemplateRecord[]> {
    return this.m.templates.find({ wabaId }).sort({ name: 1, language: 1 }).lean();
  }

  async saveTemplate(template: TemplateRecord): Promise<void> {
    await this.m.templates.replaceOne({ _id: template._id }, template, { upsert: true });
  }

  async updateTemplate(id: string, set: Partial<Omit<TemplateRecord, '_id' | 'wabaId' | 'name' | 'language'>>): Promise<void> {
    await this.m.templates.updateOne({ _id: id }, { $set: set });
  }

  async deleteTemplates(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const res = await this.m.templates.deleteMany({ _id: { $in: ids } });
    return res.deletedCount;
  }

  async createBulk(bulk: BulkRecord): Promise<void> {
    const { results, ...doc } = bulk;
    await this.m.bulks.create(doc);
    for (const [key, r] of Object.entries(results)) await this.setBulkResult(bulk._id, key.replace(/^p/, ''), r);
  }

  private async withResults(bulk: Omit<BulkRecord, 'results'> | null): Promise<BulkRecord | null> {
    if (!bulk) return null;
    const docs = await this.m.bulkResults.find({ bulkId: bulk._id }).lean();
    const results = Object.fromEntries(
      docs.map(({ phone, state, reason, wamid, at }) => [
        `p${phone}`,
        { state, ...(reason ? { reason } : {}), ...(wamid ? { wamid } : {}), ...(at ? { at } : {}) },
      ]),
    );
    return { ...bulk, results };
  }

  async getBulk(id: string): Promise<BulkRecord | null> {
    return this.withResults(await this.m.bulks.findById(id).lean());
  }

  async unfinishedBulks(): Promise<BulkRecord[]> {
    const open = await this.m.bulks
      .find({ state: { $in: ['enqueuing', 'running'] } })
      .sort({ createdAt: 1 })
      .lean();
    return Promise.all(open.map(async (b) => (await this.withResults(b))!));
  }

  async updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void> {
    await this.m.bulks.updateOne({ _id: id }, { $set: set });
  }

  async setBulkResult(id: string, phone: string, result: BulkResult): Promise<void> {
    await this.m.bulkResults.replaceOne({ _id: `${id}:${phone}` }, { _id: `${id}:${phone}`, bulkId: id, phone, ...result }, { upsert: true });
  }

  // Outbox recovery (parking, stuck alerts, requeue): see outbox-recovery.ts.
  parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void> {
    return recovery.parkJob(this.m.outbox, id, attempts, parked, error);
  }
  listParkedJobs(limit: number): Promise<OutboxJob[]> {
    return recovery.listParkedJobs(this.m.outbox, limit);
  }
  resumeParkedJobs(target: string): Promise<number> {
    return recovery.resumeParkedJobs(this.m.outbox, target);
  }
  markStuckAlerted(id: string, at: Date): Promise<void> {
    return recovery.markStuckAlerted(this.m.outbox, id, at);
  }
  requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]> {
    return recovery.requeueJobs(this.m.outbox, scope);
  }
}
