/**
 * The outbox's recovery paths: parking a delivery that needs a person, resuming it, stuck-lane alert marks and the
 * operator's requeue. Functions over the mongoose model, delegated to by MongoStore (the Store port's last block).
 * These run rarely (a park, a probe every minute, an operator's command), so apart from `_id` updates their filters
 * may scan the outbox; the outbox holds only live jobs (finished ones move to `outbox_done`), so it stays small.
 * They write through the driver's collection: `parked` and `stuckAlertedAt` are not in the outbox schema the store
 * helper maintains, and the schema is not strict anyway.
 */
import type { Model } from 'mongoose';
import type { OutboxJob, ParkedInfo } from '../../src/domain/records';

/** Parked jobs are due "never" until resumed; still `pending`, so the lane stays ordered behind them. */
const FAR_FUTURE = new Date(8.64e15);

export async function parkJob(outbox: Model<OutboxJob>, id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void> {
  await outbox.collection.updateOne(
    { _id: id as never },
    { $set: { state: 'pending', attempts, nextAttemptAt: FAR_FUTURE, lastError: error, parked }, $unset: { leaseUntil: 1 } },
  );
}

export async function listParkedJobs(outbox: Model<OutboxJob>, limit: number): Promise<OutboxJob[]> {
  return outbox
    .find({ state: 'pending', parked: { $exists: true } })
    .sort({ seq: 1 })
    .limit(limit)
    .lean<OutboxJob[]>();
}

export async function resumeParkedJobs(outbox: Model<OutboxJob>, target: string): Promise<number> {
  const res = await outbox.collection.updateMany({ state: 'pending', 'parked.target': target }, { $set: { nextAttemptAt: new Date() }, $unset: { parked: 1 } });
  return res.modifiedCount;
}

export async function markStuckAlerted(outbox: Model<OutboxJob>, id: string, at: Date): Promise<void> {
  await outbox.collection.updateOne({ _id: id as never }, { $set: { stuckAlertedAt: at } });
}

export async function requeueJobs(outbox: Model<OutboxJob>, scope: { conversationId?: string }): Promise<OutboxJob[]> {
  const stuck = { $or: [{ state: 'failed' }, { state: 'pending', parked: { $exists: true } }] };
  const filter = scope.conversationId ? { $and: [stuck, { 'payload.conversationId': scope.conversationId }] } : stuck;
  const jobs = await outbox.find(filter).sort({ seq: 1 }).lean<OutboxJob[]>();
  // One `_id` update per job: FerretDB pushes these down, and an operator's requeue is a handful of jobs.
  for (const job of jobs) {
    await outbox.collection.updateOne(
      { _id: job._id as never },
      { $set: { state: 'pending', attempts: 0, nextAttemptAt: new Date() }, $unset: { parked: 1, leaseUntil: 1, stuckAlertedAt: 1 } },
    );
  }
  return jobs;
}
