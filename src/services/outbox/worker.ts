/**
 * Drains the persisted outbox. A lane (one conversation on one target) runs one job at a time, oldest first;
 * different lanes run in parallel. Nothing is ever given up while it can still succeed:
 * - a retryable failure (network, 5xx, 429, a database error) is rescheduled with capped backoff, for as long as it
 *   takes; a server's Retry-After is honoured and does not count as an attempt. A lane failing for longer than
 *   `stuckAlertMs` raises one alert (stuck.ts);
 * - a failure that needs a person parks the job (parking.ts): it stays the pending head of its lane, so order holds,
 *   until a probe or the platform's own event shows the fix and the target's parked jobs resume;
 * - only a permanent refusal (a closed 24-hour window, a number not on WhatsApp) is recorded as failed.
 * A scheduled job (`notBefore`) is out of the poll until due. Database errors never escape: outcomes are written until
 * they land (settle.ts), expired leases are released periodically. Jobs survive a SIGKILL: a job is only marked done
 * after its effect. One worker per database: only the delivery leader runs it (src/services/leader.ts; `mayClaim`
 * closes as soon as the lease may have passed on); claims are sequential (FerretDB's conditional updates are not atomic).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import PQueue from 'p-queue';
import { DeliveryError } from '../../domain/errors';
import type { OutboxJob, ParkedInfo } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import { backoffMs } from './backoff';
import { Chores, purgeDone, releaseExpired } from './chores';
import { LaneTracker } from './lanes';
import { Parking, type ParkedSummary } from './parking';
import { settleWrite } from './settle';
import { StuckLanes } from './stuck';
import type { OutboxHooks, OutboxOptions } from './worker-contract';

const HOUR = 3600_000;

const FAR_FUTURE = new Date(8.64e15);
const WAKE_DEBOUNCE_MS = 5;
export class OutboxWorker {
  private readonly queue: PQueue;
  private readonly lanes = new LaneTracker();
  private timer?: NodeJS.Timeout;
  private readonly chores = new Chores();
  private current?: Promise<void>;
  private ticking = false;
  private wakeScheduled = false;
  private tickAgain = false;
  private stopped = true;
  private readonly stopping = new AbortController();
  /**
   * The job whose handler the current code runs for: what it enqueues is found by the poll that follows the job
   * (dispatch wakes then). A callback the job left behind (a socket opened lazily) sees `running: false` later.
   */
  private readonly inJob = new AsyncLocalStorage<{ running: boolean }>();
  /** Set while polls fail (the database is away): logged once at error, then quietly until it works again. */
  private pollFailingSince?: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly base: number;
  private readonly max: number;
  readonly parking: Parking;
  readonly stuck: StuckLanes;

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
    this.parking = new Parking(store, log, () => this.wake(), hooks.onParked);
    this.stuck = new StuckLanes(store, log, opts.stuckAlertMs ?? 15 * 60_000, hooks.onStuck);
  }

  async start(): Promise<void> {
    // Run by the delivery leader only: whatever is running belonged to a previous leader, gone or deposed.
    const released = await this.store.releaseStaleJobs(FAR_FUTURE);
    if (released) this.log.warn({ released }, 'jobs interrupted by the last shutdown are queued again');
    this.stopped = false;
    this.wake();
    const purge = () => this.chores.run(purgeDone(this.store, this.log, this.opts.keepDoneMs ?? 8 * 24 * HOUR));
    purge();
    // Parked jobs left by the last run are probed at once: a fix made while the bridge was down resumes them now.
    this.probeParked();
    this.chores.every(HOUR, purge);
    this.chores.every(this.opts.probeMs ?? 60_000, () => this.probeParked());
    this.chores.every(this.opts.releaseMs ?? Math.min(this.leaseMs, 60_000), () => this.chores.run(releaseExpired(this.store, this.log, () => this.wake())));
  }

  /**
   * Look for work now (enqueue.ts calls it after persisting jobs, so new work does not wait for the next poll). A wake
   * from inside a running job is dropped: the job's end wakes the worker anyway, and a poll while it runs would only
   * read the outbox once more (a whole-collection scan on FerretDB) to find the job's lane still busy.
   */
  wake(): void {
    if (this.stopped || this.inJob.getStore()?.running) return;
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

  /** Try one parked job per target now (all targets, or those of one platform): the platform says access changed. */
  probeParked(platform?: string): void {
    if (this.stopped) return;
    this.chores.run(
      this.parking.probe(platform).catch((err: unknown) => this.log.warn({ err }, 'probing parked deliveries failed; trying again at the next probe')),
    );
  }

  /** What is parked and why (readiness, metrics); from memory, so it answers while the database is away. */
  parked(): ParkedSummary[] {
    return this.parking.list();
  }

  /** Stops taking jobs and waits for the poll and the jobs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearTimeout(this.timer);
    this.chores.stop();
    await this.current;
    await this.queue.onIdle();
    // A purge, probe or lease release still running would otherwise meet a closed connection after stop().
    await this.chores.settled();
  }

  private tick(): Promise<void> {
    this.current = this.hooks.background ? this.hooks.background(() => this.poll()) : this.poll();
    return this.current;
  }

  private async poll(): Promise<void> {
    this.ticking = true;
    try {
      await this.dispatch();
      if (this.pollFailingSince !== undefined) {
        this.log.info({ downMs: Date.now() - this.pollFailingSince }, 'outbox reachable again; delivering');
        this.pollFailingSince = undefined;
      }
    } catch (err) {
      if (this.pollFailingSince === undefined) {
        this.pollFailingSince = Date.now();
        this.log.error({ err }, 'outbox poll failed (database unreachable?); retrying until it works');
      } else this.log.debug({ err }, 'outbox poll failed again');
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
    if (!this.mayClaim()) return;
    const mark = this.lanes.mark();
    const jobs = await this.store.pendingJobs(500, this.opts.now?.() ?? new Date());
    const seen = new Set<string>();
    const heads: OutboxJob[] = [];
    const now = Date.now();
    for (const job of jobs) {
      if (this.stopped) return;
      // Only the oldest pending job of a lane may run: a later one waits even if the head is backing off or parked.
      if (seen.has(job.lane)) continue;
      seen.add(job.lane);
      heads.push(job);
      // A head that finished while this poll read (parked, backing off) is missing from it: the next job is not the head.
      if (!this.lanes.mayStart(job.lane, mark) || job.nextAttemptAt.getTime() > now) continue;
      this.lanes.started(job.lane);
      this.queue
        .add(() => this.claimAndExecute(job, now))
        .catch((err: unknown) => this.log.error({ err, job: job._id }, 'outbox job crashed; it runs again'))
        .finally(() => {
          this.lanes.finished(job.lane);
          this.wake(); // the poll it triggers reads the lane afresh
        });
    }
    this.lanes.forget(mark);
    this.stuck.observe(heads, now, this.lanes.running);
  }

  private async claimAndExecute(job: OutboxJob, now: number): Promise<void> {
    let claimed: boolean;
    // Stopping: a job queued but not started stays pending for the next start (or instance); only those in flight finish.
    if (this.stopped || !this.mayClaim()) return; // or the lease lapsed since the poll: the next leader runs it
    try {
      claimed = await this.store.claimJob(job._id, new Date(now + this.leaseMs));
    } catch (err) {
      // The claim may have landed before the answer was lost: put the job back as it was, so it is not left
      // `running` until its lease expires.
      this.log.warn({ err, job: job._id }, 'claiming a job failed; it is put back and tried again');
      await this.settle(job, 'put back', () => this.store.rescheduleJob(job._id, job.attempts, job.nextAttemptAt, job.lastError ?? ''));
      return;
    }
    if (claimed) await this.execute(job);
  }

  private async execute(job: OutboxJob): Promise<void> {
    const running = { running: true };
    try {
      await this.inJob.run(running, () => this.hooks.run(job));
    } catch (err) {
      return this.onFailure(job, err instanceof Error ? err : new Error(String(err)));
    } finally {
      running.running = false;
    }
    await this.settle(job, 'record as delivered', () => this.store.completeJob(job._id));
    this.hooks.onResult?.(job, 'done');
    this.stuck.delivered(job);
    // A delivery on a parked target proves it is fixed (a probe, or the head of another lane): release the rest.
    const target = job.parked?.target ?? (this.parking.list().length ? this.hooks.parkTarget(job).key : undefined);
    if (target && (job.parked || this.parking.has(target))) {
      await this.parking.resume(target).catch((err: unknown) => this.log.warn({ err, target }, 'resuming parked deliveries failed; the next probe does it'));
    }
  }

  private async onFailure(job: OutboxJob, error: Error): Promise<void> {
    // Anything that is not a typed error (network, database, bug) is retried: never lose a delivery silently.
    const kind = error instanceof DeliveryError ? error.kind : 'retryable';
    const reason = error instanceof DeliveryError ? `${error.explanation.code}: ${error.explanation.meaning}` : error.message;
    if (kind === 'needs_person' && error instanceof DeliveryError) return this.park(job, error, reason);
    if (kind === 'retryable') {
      // A server that said how long to wait is obeyed, and that wait is not an attempt: the budget is for failures.
      const honoured = error instanceof DeliveryError && error.retryAfterMs !== undefined;
      const attempts = honoured ? job.attempts : job.attempts + 1;
      const wait = backoffMs(attempts, this.base, this.max, honoured ? (error as DeliveryError).retryAfterMs : undefined);
      this.log.warn({ job: job._id, kind: job.kind, attempts, waitMs: wait }, `delivery failed, retrying: ${reason}`);
      await this.settle(job, 'reschedule', () => this.store.rescheduleJob(job._id, attempts, new Date(Date.now() + wait), reason));
      this.hooks.onResult?.(job, 'retry');
      return;
    }
    const attempts = job.attempts + 1;
    // A refusal the platform explained (closed window, bad number) is routine; anything else is an error.
    this.log.warn({ job: job._id, kind: job.kind, attempts }, `delivery refused for good: ${reason}`);
    await this.settle(job, 'record as failed', () => this.store.failJob(job._id, attempts, reason));
    this.hooks.onResult?.(job, 'failed');
    try {
      await this.hooks.onPermanent(job, error);
    } catch (hookErr) {
      this.log.error({ err: hookErr, job: job._id }, 'could not record a permanent failure');
    }
  }

  private async park(job: OutboxJob, error: DeliveryError, reason: string): Promise<void> {
    const target = this.hooks.parkTarget(job, error.platform);
    const parked: ParkedInfo = job.parked
      ? {
          ...job.parked,
          code: error.explanation.code,
          meaning: error.explanation.meaning,
          action: error.explanation.action,
          key: error.explanation.key,
          detail: error.explanation.detail,
        }
      : { target: target.key, label: target.label, platform: error.platform, ...error.explanation, since: new Date() };
    await this.settle(job, 'park', () => this.store.parkJob(job._id, job.attempts + 1, parked, reason));
    this.hooks.onResult?.(job, 'parked');
    await this.parking.parked(job, parked);
  }

  private mayClaim(): boolean {
    return this.hooks.mayClaim?.() ?? true;
  }

  private settle(job: OutboxJob, what: string, write: () => Promise<unknown>): Promise<void> {
    return settleWrite({ log: this.log, stopped: () => this.stopped, signal: this.stopping.signal, baseMs: this.base }, job, what, write);
  }
}
