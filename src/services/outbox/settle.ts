/**
 * Records an outbox job's outcome (done, rescheduled, parked, failed), retrying until the database takes it. The
 * worker keeps the job's lane held meanwhile, so order holds and the job is not run again; the process never ends on
 * a database error. Only a stop gives up, leaving the job `running`: the next start queues it again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboxJob } from '../../domain/records';
import type { Logger } from '../../logger';
import { backoffMs } from './backoff';

/** Writes are retried at most this far apart while the database is away. */
const SETTLE_MAX_WAIT_MS = 10_000;

export interface SettleContext {
  log: Logger;
  stopped(): boolean;
  /** Aborted at stop: a wait between two tries ends at once. */
  signal: AbortSignal;
  baseMs: number;
}

export async function settleWrite(ctx: SettleContext, job: OutboxJob, what: string, write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      if (attempt > 1) ctx.log.info({ job: job._id, attempts: attempt }, `outbox job ${what}: recorded after the database came back`);
      return;
    } catch (err) {
      if (ctx.stopped()) {
        ctx.log.warn({ err, job: job._id }, `could not ${what} the job before stopping; the next start runs it again`);
        return;
      }
      const level = attempt === 1 ? 'error' : 'debug';
      ctx.log[level]({ err, job: job._id, attempt }, `could not ${what} the job (database unreachable?); retrying`);
      await sleep(backoffMs(attempt, ctx.baseMs, SETTLE_MAX_WAIT_MS), undefined, { signal: ctx.signal }).catch(() => undefined);
    }
  }
}
