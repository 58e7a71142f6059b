/** The Store port over mongoose. Kept to what both MongoDB and FerretDB (used in tests) support. */
import type { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import type { ChatPlatform } from '../../src/domain/chat';
import type { BulkRecord, BulkResult, ChatLocation, ConversationRecord, MessageRecord, NewJob, OutboxJob, ParkedInfo, Participant, ThreadLinkRecord } from '../../src/domain/records';
import type { TemplateRecord } from '../../src/domain/templates';
import type { StatusApplied, Store } from '../../src/domain/store';
import { STATUS_RANK, type CustomerRef, type StatusUpdate } from '../../src/domain/whatsapp';
import { KeyedLock } from './keyed-lock';
import * as recovery from './outbox-recovery';
import { ensureIndexes, registerModels, type Models } from './models';

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

function chatMessageKey(platform: ChatPlatform, channelId: string, chatMessageId: string): string {
  return `${platform}:${channelId}:${chatMessageId}`;
}

/** Increasing within the process and across restarts (it starts from the clock), so lanes keep insertion order. */
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

export class MongoStore implements Store {
  private readonly conversationLock = new KeyedLock();
  /** A message's state/failure and its mirrors are written by parallel jobs (send and post): one at a time, see KeyedLock. */
  private readonly messageLock = new KeyedLock();

  private constructor(
    private readonly conn: Connection,
    private readonly m: Models,
  ) {}

  static async open(conn: Connection): Promise<MongoStore> {
    const models = registerModels(conn);
    await ensureIndexes(models);
    return new MongoStore(conn, models);
  }

  async ping(): Promise<void> {
    if (!this.conn.db) throw new Error('database not connected');
    await this.conn.db.command({ ping: 1 });
  }

  async saveRawWebhook(source: string, rawBody: string): Promise<void> {
    // Meta offers no history API: the raw payload is our only record. Keyed by content, so a redelivery is one row.
    const _id = createHash('sha256').update(rawBody).digest('hex');
    try {
      await this.m.rawWebhooks.create({ _id, source, body: rawBody, receivedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async conversationForInbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    return this.upsertConversation(accountId, customer, at, { $max: { lastInboundAt: at } });
  }

  async conversationForOutbound(accountId: string, customer: CustomerRef, at: Date): Promise<ConversationRecord> {
    // No lastInboundAt: the customer has not written, so the 24-hour window stays as it was (closed for a new one).
    return this.upsertConversation(accountId, customer, at, {});
  }

  private async upsertConversation(accountId: string, customer: CustomerRef, at: Date, window: { $max?: { lastInboundAt: Date } }): Promise<ConversationRecord> {
    const _id = await this.conversationIdFor(accountId, customer);
    const set: Record<string, string> = {};
    if (customer.waId) set['customer.waId'] = customer.waId;
    if (customer.userId) set['customer.userId'] = customer.userId;
    if (customer.name) set['customer.name'] = customer.name;
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...window, $setOnInsert: { accountId, createdAt: at, participants: [] } };
    return this.conversationLock.run(_id, async () => {
      try {
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { upsert: true, new: true }).lean())!;
      } catch (err) {
        // Another process inserted it first: update the winner's document.
        if (!isDuplicateKey(err)) throw err;
        return (await this.m.conversations.findOneAndUpdate({ _id }, update, { new: true }).lean())!;
      }
    });
  }

  private async conversationIdFor(accountId: string, customer: CustomerRef): Promise<string> {
    if (customer.waId) return `${accountId}:${customer.waId}`;
    if (!customer.userId) throw new Error('a customer needs a wa_id or a user_id');
    const known = await this.m.conversations.findOne({ accountId, 'customer.userId': customer.userId }, { _id: 1 }).lean();
    return known?._id ?? `${accountId}:${customer.userId}`;
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    return this.m.conversations.findById(id).lean();
  }

  async recordAgentReply(conversationId: string, participant: Participant): Promise<void> {
    await this.conversationLock.run(conversationId, async () => {
      const conv = await this.m.conversations.findById(conversationId).lean();
      if (!conv) return;
      // Older documents (and some servers' upserts of an empty array) may lack the field.
      const others = (conv.participants ?? []).filter((p) => !(p.platform === participant.platform && p.userId === participant.userId));
      await this.m.conversations.updateOne(
        { _id: conversationId },
        { $set: { participants: [...others, participant] }, $max: { lastAgentReplyAt: participant.lastReplyAt } },
      );
    });
  }

  async findThreadLink(conversationId: string, platform: ChatPlatform): Promise<ThreadLinkRecord | null> {
    return this.m.threadLinks.findOne({ conversationId, platform }).lean();
  }

  async findThreadLinkByThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ThreadLinkRecord | null> {
    return this.m.threadLinks.findById(`${platform}:${channelId}:${threadId}`).lean();
  }

  async saveThreadLink(link: Omit<ThreadLinkRecord, '_id'>): Promise<ThreadLinkRecord> {
    const record = { ...link, _id: `${link.platform}:${link.channelId}:${link.threadId}` };
    try {
      await this.m.threadLinks.create(record);
      return record;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.findThreadLink(link.conversationId, link.platform);
      if (!existing) throw err;
      return existing;
    }
  }

  async markMentioned(linkId: string, at: Date): Promise<void> {
    await this.m.threadLinks.updateOne({ _id: linkId }, { $set: { lastMentionAt: at } });
  }

  async insertMessage(message: MessageRecord): Promise<boolean> {
    try {
      await this.m.messages.create(message);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async getMessage(id: string): Promise<MessageRecord | null> {
    return this.m.messages.findById(id).lean();
  }

  async findMessageByWamid(wamid: string): Promise<MessageRecord | null> {
    return (await this.m.messages.findById(`wa:${wamid}`).lean()) ?? this.m.messages.findOne({ wamid }).lean();
  }

  async updateMessage(id: string, set: Partial<Omit<MessageRecord, '_id'>>): Promise<void> {
    await this.messageLock.run(id, () => this.m.messages.updateOne({ _id: id }, { $set: set }));
  }

  async addMirror(id: string, location: ChatLocation): Promise<void> {
    await this.messageLock.run(id, () => this.m.messages.updateOne({ _id: id }, { $addToSet: { mirrors: location } }));
    // A natural key back to the message (FerretDB only pushes `_id` lookups down): reactions on the post find it.
    const _id = chatMessageKey(location.platform, location.channelId, location.messageId);
    await this.m.chatMessages.updateOne({ _id }, { $set: { messageId: id } }, { upsert: true });
  }

  async findMessageByChatMessage(platform: ChatPlatform, channelId: string, chatMessageId: string): Promise<MessageRecord | null> {
    const pointer = await this.m.chatMessages.findById(chatMessageKey(platform, channelId, chatMessageId)).lean();
    return pointer ? this.getMessage(pointer.messageId) : null;
  }

  async applyStatus(update: StatusUpdate): Promise<StatusApplied> {
    const rank = STATUS_RANK[update.status];
    const set = { status: update.status, rank, at: update.at, ...(update.error ? { error: update.error } : {}) };
    try {
      // Matches only a lower rank; if the stored rank is higher the upsert collides on _id: not applied.
      const before = await this.m.wamids
        .findOneAndUpdate({ _id: update.wamid, rank: { $lt: rank } }, { $set: set }, { upsert: true, new: false })
        .lean();
      return { applied: true, previous: before?.status, messageId: before?.messageId };
    } catch (err) {
      if (isDuplicateKey(err)) return { applied: false };
      throw err;
    }
  }

  async linkWamid(wamid: string, messageId: string) {
    const doc = await this.m.wamids
      .findOneAndUpdate({ _id: wamid }, { $set: { messageId }, $setOnInsert: { rank: 0 } }, { upsert: true, new: true })
      .lean();
    return { status: doc?.status, error: doc?.error };
  }

  async enqueue(jobs: NewJob[]): Promise<void> {
    const now = new Date();
    const done = new Set((await this.m.doneJobs.find({ _id: { $in: jobs.map((j) => j.dedupeKey) } }, { _id: 1 }).lean()).map((d) => d._id));
    for (const job of jobs) {
      if (done.has(job.dedupeKey)) continue; // delivered already (a redelivered webhook)
      const doc = { ...job, seq: nextSeq(), state: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now };
      try {
        // The dedupe key is the _id: enqueueing the same delivery twice is a no-op.
        await this.m.outbox.updateOne({ _id: job.dedupeKey }, { $setOnInsert: doc }, { upsert: true });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }

  async pendingJobs(limit: number): Promise<OutboxJob[]> {
    return this.m.outbox.find({ state: 'pending' }).sort({ seq: 1 }).limit(limit).lean();
  }

  async claimJob(id: string, leaseUntil: Date): Promise<boolean> {
    const res = await this.m.outbox.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'running', leaseUntil } });
    return res.modifiedCount === 1;
  }

  async completeJob(id: string): Promise<void> {
    // Recorded as done first: a crash in between leaves a running job that is re-run (handlers are idempotent).
    try {
      await this.m.doneJobs.create({ _id: id, doneAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    await this.m.outbox.deleteOne({ _id: id });
  }

  async rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.m.outbox.updateOne(
      { _id: id },
      { $set: { state: 'pending', attempts, nextAttemptAt, lastError: error }, $unset: { leaseUntil: 1 } },
    );
  }

  async failJob(id: string, attempts: number, error: string): Promise<void> {
    await this.m.outbox.updateOne({ _id: id }, { $set: { state: 'failed', attempts, lastError: error }, $unset: { leaseUntil: 1 } });
  }

  async releaseStaleJobs(now: Date): Promise<number> {
    const res = await this.m.outbox.updateMany({ state: 'running', leaseUntil: { $lt: now } }, { $set: { state: 'pending' } });
    return res.modifiedCount;
  }

  async countJobs(state: OutboxJob['state']): Promise<number> {
    return state === 'done' ? this.m.doneJobs.countDocuments({}) : this.m.outbox.countDocuments({ state });
  }

  async purgeDoneJobs(olderThan: Date): Promise<number> {
    // Kept a while as the dedupe record for webhook redeliveries (Meta retries for up to 7 days).
    const res = await this.m.doneJobs.deleteMany({ doneAt: { $lt: olderThan } });
    return res.deletedCount;
  }

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
    const results = Object.fromEntries(docs.map(({ phone, state, reason, wamid, at }) => [`p${phone}`, { state, ...(reason ? { reason } : {}), ...(wamid ? { wamid } : {}), ...(at ? { at } : {}) }]));
    return { ...bulk, results };
  }

  async getBulk(id: string): Promise<BulkRecord | null> {
    return this.withResults(await this.m.bulks.findById(id).lean());
  }

  async unfinishedBulks(): Promise<BulkRecord[]> {
    const open = await this.m.bulks.find({ state: { $in: ['enqueuing', 'running'] } }).sort({ createdAt: 1 }).lean();
    return Promise.all(open.map(async (b) => (await this.withResults(b))!));
  }

  async updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void> {
    await this.m.bulks.updateOne({ _id: id }, { $set: set });
  }

  async setBulkResult(id: string, phone: string, result: BulkResult): Promise<void> {
    await this.m.bulkResults.replaceOne({ _id: `${id}:${phone}` }, { _id: `${id}:${phone}`, bulkId: id, phone, ...result }, { upsert: true });
  }

  // Outbox recovery (parking, stuck alerts, requeue): see outbox-recovery.ts.
  parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void> { return recovery.parkJob(this.m.outbox, id, attempts, parked, error); }
  listParkedJobs(limit: number): Promise<OutboxJob[]> { return recovery.listParkedJobs(this.m.outbox, limit); }
  resumeParkedJobs(target: string): Promise<number> { return recovery.resumeParkedJobs(this.m.outbox, target); }
  markStuckAlerted(id: string, at: Date): Promise<void> { return recovery.markStuckAlerted(this.m.outbox, id, at); }
  requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]> { return recovery.requeueJobs(this.m.outbox, scope); }
}
