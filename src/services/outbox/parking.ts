/**
 * Deliveries waiting for a person (the bot not in the channel, a missing permission or scope, an expired token).
 * A parked job stays the pending head of its lane with a far `nextAttemptAt`, so nothing behind it overtakes it.
 * Jobs are grouped by target (what one fix releases: a channel, a WhatsApp number). Every probe interval, and at once
 * when the platform says access changed (Slack `member_joined_channel` for the bot, Discord permission updates), the
 * oldest parked job of each target is made due; when it (or any job on that target) is delivered, the target's other
 * parked jobs resume. The summary is kept in memory, so readiness and metrics answer while the database is away.
 */
import type { OutboxJob, ParkedInfo } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';

export interface ParkedSummary {
  target: string;
  label: string;
  platform: ParkedInfo['platform'];
  code: string;
  reason: string;
  action: string;
  since: Date;
  jobs: number;
}

/** A due date further than this is a parked job's "never" (backoff is minutes). */
const PARKED_AFTER_MS = 365 * 24 * 3600_000;
const MAX_LISTED = 5000;

export class Parking {
  private summary = new Map<string, ParkedSummary>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly wake: () => void,
    private readonly onNewIncident?: (job: OutboxJob, parked: ParkedInfo) => Promise<void>,
  ) {}

  list(): ParkedSummary[] {
    return [...this.summary.values()];
  }

  jobCount(): number {
    let n = 0;
    for (const s of this.summary.values()) n += s.jobs;
    return n;
  }

  /** Whether deliveries are parked on this target. */
  has(target: string): boolean {
    return this.summary.has(target);
  }

  /** A job was parked (or parked again after a failed probe). */
  async parked(job: OutboxJob, info: ParkedInfo): Promise<void> {
    const known = this.summary.get(info.target);
    const again = Boolean(job.parked);
    if (known) {
      if (!again) known.jobs += 1;
      Object.assign(known, { code: info.code, reason: info.meaning, action: info.action });
    } else {
      this.summary.set(info.target, {
        target: info.target,
        label: info.label,
        platform: info.platform,
        code: info.code,
        reason: info.meaning,
        action: info.action,
        since: info.since,
        jobs: 1,
      });
    }
    if (again) {
      this.log.warn({ job: job._id, target: info.target, code: info.code }, `still paused: ${info.meaning}; what to do: ${info.action}`);
      return;
    }
    this.log.error(
      { job: job._id, kind: job.kind, target: info.target, code: info.code },
      `delivery paused (${info.label}): ${info.meaning}; what to do: ${info.action}. It resumes by itself once fixed (or run requeue)`,
    );
    if (known) return; // one notice per incident (target), not per job
    try {
      await this.onNewIncident?.(job, info);
    } catch (err) {
      this.log.warn({ err, target: info.target }, 'could not announce the paused deliveries');
    }
  }

  /** Reads what is parked and makes the oldest job of each target (of `platform`, or all) due now. */
  async probe(platform?: string): Promise<void> {
    const jobs = await this.store.listParkedJobs(MAX_LISTED);
    this.rebuild(jobs);
    const now = Date.now();
    const probed = new Set<string>();
    for (const job of jobs) {
      const target = job.parked!.target;
      if (probed.has(target) || (platform && job.parked!.platform !== platform)) continue;
      probed.add(target);
      // Already due (a probe in progress, or backing off after a retryable failure): leave it to the worker.
      if (job.nextAttemptAt.getTime() - now < PARKED_AFTER_MS) continue;
      this.log.info({ target, job: job._id }, 'probing a paused delivery');
      await this.store.rescheduleJob(job._id, job.attempts, new Date(), job.lastError ?? '');
    }
    if (probed.size) this.wake();
  }

  /** The target works again: every job parked on it becomes due now. */
  async resume(target: string): Promise<void> {
    const resumed = await this.store.resumeParkedJobs(target);
    const was = this.summary.get(target);
    this.summary.delete(target);
    this.log.info({ target, resumed }, `paused deliveries resume (${was?.label ?? target}): the problem is fixed`);
    this.wake();
  }

  private rebuild(jobs: OutboxJob[]): void {
    const next = new Map<string, ParkedSummary>();
    for (const job of jobs) {
      const p = job.parked!;
      const s = next.get(p.target);
      if (s) s.jobs += 1;
      else
        next.set(p.target, {
          target: p.target,
          label: p.label,
          platform: p.platform,
          code: p.code,
          reason: p.meaning,
          action: p.action,
          since: new Date(p.since),
          jobs: 1,
        });
    }
    this.summary = next;
  }
}
