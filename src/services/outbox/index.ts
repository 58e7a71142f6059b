/** The outbox: durable, ordered delivery (worker.ts) with backoff, parking, stuck alerts and their gauges. */
export { backoffMs } from './backoff';
export { OutboxWorker } from './worker';
export type { OutboxHooks, OutboxOptions, JobResult } from './worker-contract';
export type { ParkedSummary } from './parking';
export { parkTarget, jobPlatform } from './targets';
export { OutboxNotices } from './notices';
export { createEnqueue, type Enqueue } from './enqueue';
export { JobRegistry, type JobHandlers } from './registry';
export { registerLeaderGauges, registerOutboxGauges } from './gauges';
export { requeue, registerRequeueCommand } from './requeue';
