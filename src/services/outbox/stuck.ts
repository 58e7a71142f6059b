/**
 * Lanes whose head keeps failing. The outbox never gives up on a retryable failure, so a conversation can wait for
 * a long time (a Slack outage, a rate limit that does not end): past a threshold that must be said out loud, once per
 * incident (the head job carries `stuckAlertedAt`), not on every retry: an error log, a gauge, and a notice where
 * people read (the hook posts it into the account's channels).
 */
import type { OutboxJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';

export class StuckLanes {
  /** Failing lane heads at the last poll: lane → when its head was created (and whether it is past the threshold). */
  private failing = new Map<string, { createdAt: number; stuck: boolean }>();
  /** Alerts raised by this process (the mark in the database may not have landed yet). */
  private readonly alerted = new Set<string>();
  /** When the oldest pending lane head seen at the last poll was created (parked and backing-off heads included). */
  private oldestPending?: number;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly thresholdMs: number,
    private readonly onStuck?: (job: OutboxJob, waitedMs: number) => Promise<void>,
  ) {}

  /** Lanes failing for longer than the threshold, at the last poll (parked lanes are counted as parked instead). */
  count(): number {
    let n = 0;
    for (const f of this.failing.values()) if (f.stuck) n += 1;
    return n;
  }

  /** Age of the oldest job at the head of a lane that is failing (0 when none is), at the last poll. */
  oldestFailingSeconds(now = Date.now()): number {
    let oldest = now;
    for (const f of this.failing.values()) oldest = Math.min(oldest, f.createdAt);
    return Math.round((now - oldest) / 1000);
  }

  /** Age of the oldest job waiting at the head of a lane (0 when none is), at the last poll: the outbox's backlog. */
  oldestPendingSeconds(now = Date.now()): number {
    return this.oldestPending === undefined ? 0 : Math.max(0, Math.round((now - this.oldestPending) / 1000));
  }

  /**
   * Called with every pending lane head the worker saw in a poll. A lane running right now is not among them: it keeps
   * its state from the poll before (a failing head that is being retried is still failing).
   */
  observe(heads: OutboxJob[], now: number, running: ReadonlySet<string>): void {
    const next = new Map<string, { createdAt: number; stuck: boolean }>();
    for (const [lane, f] of this.failing) if (running.has(lane)) next.set(lane, f);
    let oldest: number | undefined;
    for (const job of heads) {
      const created = new Date(job.createdAt).getTime();
      if (oldest === undefined || created < oldest) oldest = created;
    }
    this.oldestPending = oldest;
    for (const job of heads) {
      if (job.parked || !job.lastError) continue;
      const createdAt = new Date(job.createdAt).getTime();
      const stuck = now - createdAt >= this.thresholdMs;
      next.set(job.lane, { createdAt, stuck });
      if (!stuck || job.stuckAlertedAt || this.alerted.has(job._id)) continue;
      this.alerted.add(job._id);
      void this.alert(job, now - createdAt);
    }
    this.failing = next;
  }

  /** The head was delivered: its incident is over. */
  delivered(job: OutboxJob): void {
    this.failing.delete(job.lane);
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

/** "12 minutes", "40 seconds": how long, in words (English for the logs; an agent's notice passes its language). */
export function duration(ms: number, lang: Language = DEFAULT_LANGUAGE): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 1) return t(lang, 'time.minutes', { count: minutes });
  return t(lang, 'time.seconds', { count: Math.max(1, Math.round(ms / 1000)) });
}
