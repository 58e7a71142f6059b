/**
 * The outbox port (src/domain/store/outbox.ts) over mongoose: live jobs in `outbox` (pending, running, failed), finished ones in `outbox_done` as the dedupe record.
 * Enqueue checks each key by its own `_id` in `outbox_done` and inserts the new jobs with one unordered insert;
 * claims, completions and reschedules are by `_id`. Only the worker's poll and the stale-lease release query
 * `outbox` by state: it holds live work only, so it stays small however long the bridge has run.
 *
 * Recovery paths (parking a delivery that needs a person, resuming it, stuck-lane alert marks, the operator's requeue)
 * run rarely (a park, a probe every minute, an operator's command), so apart from `_id` updates their filters may scan
 * the outbox, which stays small (above). They write through the driver's collection: `parked` and `stuckAlertedAt`
 * are not in the outbox schema the store helper maintains, and the schema is not strict anyway.
 */
import { InsertBatcher } from './insert-batcher';
import type { NewJob, OutboxJob, ParkedInfo } from '../../src/domain/records';
import { PARKED_UNTIL, type EnqueueOptions, type OutboxStore } from '../../src/domain/store';
import type { Models } from './models';

/** Increasing within the process and across restarts (it starts from the clock), so lanes keep insertion order. */
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  return lastSeq;
}

export class MongoOutboxStore implements OutboxStore {
  /** Jobs enqueued and completed at the same moment (webhooks acknowledged together, parallel deliveries) share commands. */
  private readonly jobInserts: InsertBatcher;
  private readonly doneInserts: InsertBatcher;

  constructor(private readonly m: Models) {
    this.jobInserts = new InsertBatcher((docs) => m.outbox.collection.insertMany(docs, { ordered: false }));
    this.doneInserts = new InsertBatcher((docs) => m.doneJobs.insertMany(docs, { ordered: false }));
  }

  async enqueue(jobs: NewJob[], options: EnqueueOptions = {}): Promise<void> {
    const byKey = new Map<string, NewJob>();
    for (const job of jobs) if (!byKey.has(job.dedupeKey)) byKey.set(job.dedupeKey, job);
    let fresh = [...byKey.values()];
    if (!fresh.length) return;
    if (options.checkDone !== false) {
      // One `_id` lookup per key, in parallel: `{_id: {$in}}` would scan all of outbox_done on FerretDB.
      const done = await Promise.all(fresh.map((j) => this.m.doneJobs.findById(j.dedupeKey, { _id: 1 }).lean()));
      fresh = fresh.filter((_, i) => !done[i]); // delivered already (a redelivered webhook)
      if (!fresh.length) return;
    }
    const now = new Date();
    // `notBefore` only when set: the driver would store an undefined one as null, which `$exists: false` (the poll) misses.
    const docs = fresh.map(({ delayMs, notBefore, ...job }) => ({
      ...job,
      ...(notBefore ? { notBefore } : {}),
      _id: job.dedupeKey,
      seq: nextSeq(),
      state: 'pending',
      attempts: 0,
      // A delayed job (NewJob.delayMs) is a durable timer: due later, by the same clock the worker reads.
      nextAttemptAt: delayMs ? new Date(now.getTime() + delayMs) : now,
      ...(delayMs ? { timer: true } : {}),
      createdAt: now,
    }));
    // The dedupe key is the _id: enqueueing the same delivery twice is a no-op (inserts by `_id` are atomic on both engines).
    await this.jobInserts.insertAll(docs);
  }

  pendingJobs(limit: number, dueBy?: Date): Promise<OutboxJob[]> {
    // A scan of live work only (see the header). Timers and scheduled jobs not due yet are left out (the port says why).
    const timers = { $or: [{ timer: { $ne: true as const } }, { nextAttemptAt: { $lte: new Date() } }] };
    const scheduled = { $or: [{ notBefore: { $exists: false } }, { notBefore: { $lte: dueBy ?? new Date() } }] };
    return this.m.outbox
      .find({ state: 'pending' as const, $and: [timers, scheduled] })
      .sort({ seq: 1 })
      .limit(limit)
      .lean();
  }

  async claimJob(id: string, leaseUntil: Date): Promise<boolean> {
    // Read, then write by `_id` (a `{_id, state}` filter scans on FerretDB, and is not atomic there anyway): claims are
    // made one at a time by the single dispatch loop of the one worker per database (src/services/outbox/worker.ts).
    const job = await this.m.outbox.findById(id, { state: 1 }).lean();
    if (job?.state !== 'pending') return false;
    const res = await this.m.outbox.updateOne({ _id: id }, { $set: { state: 'running', leaseUntil } });
    return res.modifiedCount === 1;
  }

  async completeJob(id: string): Promise<void> {
    // Recorded as done first: a crash in between leaves a running job that is re-run (handlers are idempotent).
    await this.doneInserts.insert({ _id: id, doneAt: new Date() });
    await this.m.outbox.deleteOne({ _id: id });
  }

  async rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.m.outbox.updateOne({ _id: id }, { $set: { state: 'pending', attempts, nextAttemptAt, lastError: error }, $unset: { leaseUntil: 1 } });
  }

  async failJob(id: string, attempts: number, error: string): Promise<void> {
    await this.m.outbox.updateOne({ _id: id }, { $set: { state: 'failed', attempts, lastError: error }, $unset: { leaseUntil: 1 } });
  }

  async releaseStaleJobs(now: Date): Promise<number> {
    const res = await this.m.outbox.updateMany({ state: 'running', leaseUntil: { $lt: now } }, { $set: { state: 'pending' } });
    return res.modifiedCount;
  }

  countJobs(state: OutboxJob['state']): Promise<number> {
    return state === 'done' ? this.m.doneJobs.countDocuments({}) : this.m.outbox.countDocuments({ state });
  }

  async purgeDoneJobs(olderThan: Date): Promise<number> {
    // Hourly, off the hot path. Kept a while as the dedupe record for webhook redeliveries (Meta retries for up to 7 days).
    const res = await this.m.doneJobs.deleteMany({ doneAt: { $lt: olderThan } });
    return res.deletedCount;
  }

  // Recovery paths (see the header): rare, not hot.
  async parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void> {
    await this.m.outbox.collection.updateOne(
      { _id: id as never },
      { $set: { state: 'pending', attempts, nextAttemptAt: PARKED_UNTIL, lastError: error, parked }, $unset: { leaseUntil: 1 } },
    );
  }

  listParkedJobs(limit: number): Promise<OutboxJob[]> {
    return this.m.outbox
      .find({ state: 'pending', parked: { $exists: true } })
      .sort({ seq: 1 })
      .limit(limit)
      .lean<OutboxJob[]>();
  }

  async resumeParkedJobs(target: string): Promise<number> {
    const res = await this.m.outbox.collection.updateMany(
      { state: 'pending', 'parked.target': target },
      { $set: { nextAttemptAt: new Date() }, $unset: { parked: 1 } },
    );
    return res.modifiedCount;
  }

  async markStuckAlerted(id: string, at: Date): Promise<void> {
    await this.m.outbox.collection.updateOne({ _id: id as never }, { $set: { stuckAlertedAt: at } });
  }

  async requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]> {
    const stuck = { $or: [{ state: 'failed' as const }, { state: 'pending' as const, parked: { $exists: true } }] };
    const filter = scope.conversationId ? { $and: [stuck, { 'payload.conversationId': scope.conversationId }] } : stuck;
    const jobs = await this.m.outbox.find(filter).sort({ seq: 1 }).lean<OutboxJob[]>();
    // One `_id` update per job: FerretDB pushes these down, and an operator's requeue is a handful of jobs.
    for (const job of jobs) {
      await this.m.outbox.collection.updateOne(
        { _id: job._id as never },
        { $set: { state: 'pending', attempts: 0, nextAttemptAt: new Date() }, $unset: { parked: 1, leaseUntil: 1, stuckAlertedAt: 1 } },
      );
    }
    return jobs;
  }
}
