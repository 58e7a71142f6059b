/**
 * The outbox port (src/domain/store/outbox.ts) in memory: live jobs in one map, finished ones (their keys and when)
 * in another, as adapters/mongo/outbox-store.ts keeps `outbox` and `outbox_done`. Each method completes in one
 * synchronous step, so claims are atomic here (the Mongo store relies on one dispatch loop instead).
 */
import type { NewJob, OutboxJob, ParkedInfo } from '../../src/domain/records';
import { PARKED_UNTIL, type EnqueueOptions, type OutboxStore } from '../../src/domain/store';
import { copy } from './records';

export class MemoryOutboxStore implements OutboxStore {
  private readonly live = new Map<string, OutboxJob>();
  /** Dedupe key → when the job finished. */
  private readonly done = new Map<string, Date>();
  private lastSeq = 0;

  async enqueue(jobs: NewJob[], options: EnqueueOptions = {}): Promise<void> {
    const now = new Date();
    for (const job of jobs) {
      const key = job.dedupeKey;
      if (this.live.has(key) || (options.checkDone !== false && this.done.has(key))) continue;
      const { delayMs, ...rest } = copy(job);
      const due = delayMs ? new Date(now.getTime() + delayMs) : now;
      const record = { ...rest, _id: key, seq: ++this.lastSeq, state: 'pending', attempts: 0, nextAttemptAt: due, createdAt: now } as OutboxJob;
      if (delayMs) record.timer = true;
      this.live.set(key, record);
    }
  }

  private listed(filter: (job: OutboxJob) => boolean, limit = Infinity): OutboxJob[] {
    return [...this.live.values()]
      .filter(filter)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit)
      .map(copy);
  }

  async pendingJobs(limit: number, dueBy?: Date): Promise<OutboxJob[]> {
    const now = Date.now();
    const later = (j: OutboxJob) => !!j.notBefore && j.notBefore.getTime() > (dueBy?.getTime() ?? now);
    return this.listed((j) => j.state === 'pending' && (!j.timer || j.nextAttemptAt.getTime() <= now) && !later(j), limit);
  }

  async claimJob(id: string, leaseUntil: Date): Promise<boolean> {
    const job = this.live.get(id);
    if (job?.state !== 'pending') return false;
    Object.assign(job, { state: 'running', leaseUntil: new Date(leaseUntil) });
    return true;
  }

  async completeJob(id: string): Promise<void> {
    if (!this.done.has(id)) this.done.set(id, new Date());
    this.live.delete(id);
  }

  /** Sets fields on a live job and removes others; unknown ids are ignored (an update matching nothing). */
  private update(id: string, set: Partial<OutboxJob>, unset: (keyof OutboxJob)[] = []): void {
    const job = this.live.get(id);
    if (!job) return;
    Object.assign(job, copy(set));
    for (const key of unset) delete job[key];
  }

  async rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    this.update(id, { state: 'pending', attempts, nextAttemptAt, lastError: error }, ['leaseUntil']);
  }

  async failJob(id: string, attempts: number, error: string): Promise<void> {
    this.update(id, { state: 'failed', attempts, lastError: error }, ['leaseUntil']);
  }

  async releaseStaleJobs(now: Date): Promise<number> {
    const stale = [...this.live.values()].filter((j) => j.state === 'running' && j.leaseUntil && j.leaseUntil.getTime() < now.getTime());
    for (const job of stale) job.state = 'pending';
    return stale.length;
  }

  async countJobs(state: OutboxJob['state']): Promise<number> {
    return state === 'done' ? this.done.size : [...this.live.values()].filter((j) => j.state === state).length;
  }

  async purgeDoneJobs(olderThan: Date): Promise<number> {
    let purged = 0;
    for (const [key, at] of this.done)
      if (at.getTime() < olderThan.getTime()) {
        this.done.delete(key);
        purged++;
      }
    return purged;
  }

  async parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void> {
    this.update(id, { state: 'pending', attempts, nextAttemptAt: PARKED_UNTIL, lastError: error, parked }, ['leaseUntil']);
  }

  async listParkedJobs(limit: number): Promise<OutboxJob[]> {
    return this.listed((j) => j.state === 'pending' && j.parked !== undefined, limit);
  }

  async resumeParkedJobs(target: string): Promise<number> {
    const parked = this.listed((j) => j.state === 'pending' && j.parked?.target === target);
    const now = new Date();
    for (const job of parked) this.update(job._id, { nextAttemptAt: now }, ['parked']);
    return parked.length;
  }

  async markStuckAlerted(id: string, at: Date): Promise<void> {
    this.update(id, { stuckAlertedAt: at });
  }

  async requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]> {
    const stuck = (j: OutboxJob) => j.state === 'failed' || (j.state === 'pending' && j.parked !== undefined);
    const inScope = (j: OutboxJob) => !scope.conversationId || (j.payload as { conversationId?: string }).conversationId === scope.conversationId;
    const jobs = this.listed((j) => stuck(j) && inScope(j));
    const now = new Date();
    for (const job of jobs) this.update(job._id, { state: 'pending', attempts: 0, nextAttemptAt: now }, ['parked', 'leaseUntil', 'stuckAlertedAt']);
    return jobs;
  }
}
