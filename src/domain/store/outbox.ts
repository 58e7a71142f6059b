/**
 * The outbox port: durable deliveries (jobs) in ordered lanes, the record of finished ones that dedupes a redelivered
 * webhook, and the recovery paths (parking a job that needs a person, stuck-lane alerts, the operator's requeue).
 *
 * Query shapes it relies on. Hot paths: enqueue reads each dedupe key by its own `_id` among finished jobs and inserts
 * the new jobs in one command; claims, completions, reschedules and failures are by `_id`. The worker's poll
 * (`pendingJobs`) and the lease release filter by state, over live jobs only (finished ones are kept apart), so they
 * stay small however long the bridge has run. Recovery paths (park lists, resume, requeue, counts, the hourly purge)
 * run at most once per probe interval or operator command and may filter on other fields.
 */
import type { NewJob, OutboxJob, ParkedInfo } from '../records';
import { methodsOf } from './methods';

export interface EnqueueOptions {
  /**
   * `false`: do not consult the record of finished jobs. For jobs that are cheap and harmless to run again (ingest:
   * every write it makes is deduplicated by a natural key), so the webhook is acknowledged after one write.
   */
  checkDone?: boolean;
}

/** `nextAttemptAt` of a parked job: due "never" until resumed (the largest date JavaScript and BSON hold). */
export const PARKED_UNTIL = new Date(8.64e15);

export interface OutboxStore {
  /**
   * Idempotent by `dedupeKey` (the job's `_id`): a key pending, running, failed or (unless `checkDone: false`) done is
   * skipped, and so is a repeat within the batch (the first one wins). New jobs are `pending`, due now, 0 attempts,
   * with a `seq` above every earlier job's (lanes keep insertion order).
   */
  enqueue(jobs: NewJob[], options?: EnqueueOptions): Promise<void>;
  /**
   * Pending jobs (due or not, parked ones included) by `seq`, at most `limit`; a timer (enqueued with `delayMs`) only
   * once it is due, so waiting timers never fill the worker's page (each is alone in its lane: nothing waits behind it).
   * Jobs scheduled later than `dueBy` (the bridge's clock; default now) are left out too (`notBefore`), for the same reason.
   */
  pendingJobs(limit: number, dueBy?: Date): Promise<OutboxJob[]>;
  /** `pending` → `running` with a lease; false when the job is not pending (claimed already, failed, finished, unknown). */
  claimJob(id: string, leaseUntil: Date): Promise<boolean>;
  /** The job leaves the live jobs and its key is recorded as done (first completion time kept). */
  completeJob(id: string): Promise<void>;
  /** Back to `pending`, due at `nextAttemptAt`, with the attempt count and the reason; the lease is dropped. */
  rescheduleJob(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  /** `failed` (kept live, so its key stays taken and `requeueJobs` finds it), with the attempt count and the reason. */
  failJob(id: string, attempts: number, error: string): Promise<void>;
  /** Jobs left `running` by a process that died (lease before `now`) go back to `pending`; returns how many. */
  releaseStaleJobs(now: Date): Promise<number>;
  /** Live jobs in this state; `done`: finished jobs still recorded. */
  countJobs(state: OutboxJob['state']): Promise<number>;
  /** Forgets finished jobs completed before `olderThan` (their keys can be enqueued again); returns how many. */
  purgeDoneJobs(olderThan: Date): Promise<number>;

  /** The job stays `pending` (its lane held behind it) with `nextAttemptAt` `PARKED_UNTIL` until resumed; the lease is dropped. */
  parkJob(id: string, attempts: number, parked: ParkedInfo, error: string): Promise<void>;
  /** Every parked job, oldest (`seq`) first, at most `limit`. */
  listParkedJobs(limit: number): Promise<OutboxJob[]>;
  /** Parked jobs of this target become due now (their `parked` mark removed); returns how many. */
  resumeParkedJobs(target: string): Promise<number>;
  markStuckAlerted(id: string, at: Date): Promise<void>;
  /**
   * Failed and parked jobs (of one conversation: `payload.conversationId`, or all) become pending and due now, attempts
   * reset, their `parked`, lease and stuck-alert marks removed. Returns them as they were, oldest first.
   */
  requeueJobs(scope: { conversationId?: string }): Promise<OutboxJob[]>;
}

export const OUTBOX_STORE_METHODS = methodsOf<OutboxStore>({
  enqueue: true,
  pendingJobs: true,
  claimJob: true,
  completeJob: true,
  rescheduleJob: true,
  failJob: true,
  releaseStaleJobs: true,
  countJobs: true,
  purgeDoneJobs: true,
  parkJob: true,
  listParkedJobs: true,
  resumeParkedJobs: true,
  markStuckAlerted: true,
  requeueJobs: true,
});
