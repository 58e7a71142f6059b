/** What the outbox worker (worker.ts) is configured with, and what it asks of the bridge that runs it. */
import type { DeliveryError } from '../../domain/errors';
import type { OutboxJob, ParkedInfo } from '../../domain/records';

export interface OutboxOptions {
  concurrency: number;
  pollMs?: number;
  leaseMs?: number;
  baseBackoffMs?: number;
  /** Cap of the wait between attempts (a few minutes: a platform back from an outage is used again soon). */
  maxBackoffMs?: number;
  /** How long finished jobs are kept as the dedupe record: past Meta's 7-day webhook retry window. */
  keepDoneMs?: number;
  /** A lane whose head has been failing this long raises the stuck alert (OUTBOX_STUCK_ALERT_MINUTES). */
  stuckAlertMs?: number;
  /** How often one parked job per target is tried again (OUTBOX_PARKED_PROBE_SECONDS). */
  probeMs?: number;
  /** How often `running` jobs whose lease expired go back to pending. */
  releaseMs?: number;
  now?: () => Date; // the bridge's clock, the one scheduled jobs' `notBefore` is in (tests set it)
}

export type JobResult = 'done' | 'retry' | 'parked' | 'failed';

export interface OutboxHooks {
  run(job: OutboxJob): Promise<void>;
  onPermanent(job: OutboxJob, error: Error): Promise<void>;
  onResult?(job: OutboxJob, result: JobResult): void;
  /**
   * What a job needs on `platform` (a channel, a number): a needs-a-person failure parks the job on it, and one fix
   * there releases every job parked on it. `platform` defaults to the one the job delivers to.
   */
  parkTarget(job: OutboxJob, platform?: DeliveryError['platform']): { key: string; label: string };
  /** A new parking incident (first job parked on a target): tell people where they can read it. */
  onParked?(job: OutboxJob, parked: ParkedInfo): Promise<void>;
  /** A lane has been failing longer than the threshold (once per incident). */
  onStuck?(job: OutboxJob, waitedMs: number): Promise<void>;
  /** Whether this instance may claim a job now (it holds the delivery lease); always, when not given. */
  mayClaim?(): boolean;
  background?<T>(work: () => T): T; // runs polls and jobs so their store calls yield to waiting webhooks (ack-priority.ts)
}
