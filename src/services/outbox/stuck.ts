/**
 * Lanes whose head keeps failing. The outbox never gives up on a retryable failure, so a conversation can wait for
 * a long time (a Slack outage, a rate limit that does not end): past a threshold that must be said out loud, once per
 * incident (the head job carries `stuckAlertedAt`), not on every retry: an error log, a gauge, and a notice where
 * people read (the hook posts it into the account's channels).
 */
import type { OutboxJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';

export class StuckLanes {
  private stuckLanes = 0;
  private oldestFailingMs = 0;
  /** Alerts raised by this process (the mark in the database may not have landed yet). */
  private readonly alerted = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly thresholdMs: number,
    private readonly onStuck?: (job: OutboxJob, waitedMs: number) => Promise<void>,
  ) {}

  /** Lanes failing for longer than the threshold, at the last poll (parked lanes are counted as parked instead). */
  count(): number {
    return this.stuckLanes;
  }

  /** Age of the oldest job at the head of a lane that is failing (0 when none is), at the last poll. */
  oldestFailingSeconds(): number {
    return Math.round(this.oldestFailingMs / 1000);
  }

  /** Called with every lane head the worker saw in a poll. */
  observe(heads: OutboxJob[], now: number): void {
    let stuck = 0;
    let oldest = 0;
    for (const job of heads) {
      if (job.parked || !job.lastError) continue;
      const age = now - new Date(job.createdAt).getTime();
      oldest = Math.max(oldest, age);
      if (age < this.thresholdMs) continue;
      stuck += 1;
      if (job.stuckAlertedAt || this.alerted.has(job._id)) continue;
      this.alerted.add(job._id);
      void this.alert(job, age);
    }
    this.stuckLanes = stuck;
    this.oldestFailingMs = oldest;
  }

  /** The head was delivered: its incident is over. */
  delivered(job: OutboxJob): void {
    if (!this.alerted.delete(job._id) && !job.stuckAlertedAt) return;
    this.log.info({ lane: job.lane, job: job._id }, 'a stuck conversation is delivering again');
  }

  private async alert(job: OutboxJob, waitedMs: number): Promise<void> {
    this.log.error(
      { lane: job.lane, job: job._id, kind: job.kind, waitedMs, attempts: job.attempts },
      `deliveries of a conversation have been stuck for ${duration(waitedMs)}: ${job.lastError}. The bridge keeps retrying them in order`,
    );
    try {
      await this.store.markStuckAlerted(job._id, new Date());
      await this.onStuck?.(job, waitedMs);
    } catch (err) {
      this.log.warn({ err, job: job._id }, 'could not record or announce the stuck conversation');
    }
  }
}

/** "12 minutes", "40 seconds": how long, in words. */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
