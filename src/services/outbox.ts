/**
 * Drains the persisted outbox. A lane (one conversation on one target) runs one job at a time, oldest first;
 * different lanes run in parallel. Retryable failures are rescheduled with backoff (or the server's
 * Retry-After); permanent ones are recorded and handed to `onPermanent`. Jobs survive a SIGKILL: a job is
 * only marked done after its effect, and `running` jobs of a dead process go back to pending at start.
 * One worker per database: claims are made sequentially by this loop (FerretDB, the embedded default,
 * does not make concurrent conditional updates atomic the way MongoDB does).
 */
import PQueue from 'p-queue';
import { DeliveryError } from '../domain/errors';
import type { OutboxJob } from '../domain/records';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';

export interface OutboxOptions {
  concurrency: number;
  maxAttempts: number;
  pollMs?: number;
  leaseMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long finished jobs are kept as the dedupe record: past Meta's 7-day webhook retry window. */
  keepDoneMs?: number;
}

const HOUR = 3600_000;

export interface OutboxHooks {
  run(job: OutboxJob): Promise<void>;
  onPermanent(job: OutboxJob, error: Error): Promise<void>;
  onResult?(job: OutboxJob, result: 'done' | 'retry' | 'failed'): void;
}

const FAR_FUTURE = new Date(8.64e15);
const WAKE_DEBOUNCE_MS = 5;

export function backoffMs(attempt: number, base: number, max: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), max);
  const exp = Math.min(base * 2 ** (attempt - 1), max);
  return Math.round(exp / 2 + (Math.random() * exp) / 2); // jitter keeps many lanes from retrying in lockstep
}

export class OutboxWorker {
  private readonly queue: PQueue;
  private readonly activeLanes = new Set<string>();
  private timer?: NodeJS.Timeout;
  private purgeTimer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private ticking = false;
  private wakeScheduled = false;
  private tickAgain = false;
  private stopped = true;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly base: number;
  private readonly max: number;

  constructor(
    private readonly store: Store,
    private readonly hooks: OutboxHooks,
    private readonly log: Logger,
    private readonly opts: OutboxOptions,
  ) {
    this.queue = new PQueue({ concurrency: opts.concurrency });
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.base = opts.baseBackoffMs ?? 1000;
    this.max = opts.maxBackoffMs ?? 5 * 60_000;
  }

  async start(): Promise<void> {
    // Single instance: whatever was running belonged to a process that is gone.
    const released = await this.store.releaseStaleJobs(FAR_FUTURE);
    if (released) this.log.warn({ released }, 'jobs interrupted by the last shutdown are queued again');
    this.stopped = false;
    this.wake();
    const keep = this.opts.keepDoneMs ?? 8 * 24 * HOUR;
    const purge = () =>
      void this.store.purgeDoneJobs(new Date(Date.now() - keep)).then(
        (n) => n && this.log.info({ purged: n }, 'old delivery records purged'),
        (err) => this.log.warn({ err }, 'purging old delivery records failed'),
      );
    purge();
    this.purgeTimer = setInterval(purge, HOUR);
    this.purgeTimer.unref();
  }

  /** Look for work now (called after an ingest, so a new message does not wait for the next poll). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    clearTimeout(this.timer);
    // A burst of webhooks wakes the worker once, not once per request: each poll reads the outbox.
    this.timer = setTimeout(() => {
      this.wakeScheduled = false;
      void this.tick();
    }, WAKE_DEBOUNCE_MS);
  }

  /** Stops taking jobs and waits for the poll and the jobs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.purgeTimer);
    await this.current;
    await this.queue.onIdle();
  }

  private tick(): Promise<void> {
    this.current = this.poll();
    return this.current;
  }

  private async poll(): Promise<void> {
    this.ticking = true;
    try {
      await this.dispatch();
    } catch (err) {
      this.log.error({ err }, 'outbox poll failed; trying again');
    } finally {
      this.ticking = false;
      if (!this.stopped) {
        const delay = this.tickAgain ? 0 : this.pollMs;
        this.tickAgain = false;
        this.timer = setTimeout(() => void this.tick(), delay);
      }
    }
  }

  private async dispatch(): Promise<void> {
    const jobs = await this.store.pendingJobs(500);
    const seen = new Set<string>();
    const now = Date.now();
    for (const job of jobs) {
      if (this.stopped) return;
      // Only the oldest pending job of a lane may run: a later one waits even if the head is backing off.
      if (seen.has(job.lane)) continue;
      seen.add(job.lane);
      if (this.activeLanes.has(job.lane) || job.nextAttemptAt.getTime() > now) continue;
      if (!(await this.store.claimJob(job._id, new Date(now + this.leaseMs)))) continue;
      this.activeLanes.add(job.lane);
      void this.queue.add(() => this.execute(job)).finally(() => {
        this.activeLanes.delete(job.lane);
        this.wake();
      });
    }
  }

  private async execute(job: OutboxJob): Promise<void> {
    const attempts = job.attempts + 1;
    try {
      await this.hooks.run(job);
      await this.store.completeJob(job._id);
      this.hooks.onResult?.(job, 'done');
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      // Anything that is not a typed permanent error (network, database hiccup, bug) is retried: never lose a delivery silently.
      const retryable = !(error instanceof DeliveryError) || error.retryable;
      const reason = error instanceof DeliveryError ? `${error.explanation.code}: ${error.explanation.meaning}` : error.message;
      if (retryable && attempts < this.opts.maxAttempts) {
        const wait = backoffMs(attempts, this.base, this.max, error instanceof DeliveryError ? error.retryAfterMs : undefined);
        this.log.warn({ job: job._id, kind: job.kind, attempts, waitMs: wait }, `delivery failed, retrying: ${reason}`);
        await this.store.rescheduleJob(job._id, attempts, new Date(Date.now() + wait), reason);
        this.hooks.onResult?.(job, 'retry');
        return;
      }
      const final = retryable ? `gave up after ${attempts} attempts: ${reason}` : reason;
      // A refusal the platform explained (closed window, bad number) is routine; anything else is an error.
      const level = error instanceof DeliveryError && !retryable ? 'warn' : 'error';
      this.log[level]({ job: job._id, kind: job.kind, attempts }, `delivery failed for good: ${final}`);
      await this.store.failJob(job._id, attempts, final);
      this.hooks.onResult?.(job, 'failed');
      try {
        await this.hooks.onPermanent(job, error);
      } catch (hookErr) {
        this.log.error({ err: hookErr, job: job._id }, 'could not record a permanent failure');
      }
    }
  }
}
