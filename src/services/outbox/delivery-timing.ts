/**
 * When what a job delivers reached the bridge, for `whatsapp_bridge_delivery_duration_seconds` (received → posted or
 * sent). A job's own `createdAt` is that moment for jobs enqueued as the event arrives (an agent's reply, a webhook's
 * `ingest` job), but a customer's post is enqueued later, by the `ingest` job that decodes the webhook. So jobs enqueued
 * while a job runs inherit its origin: tracked in memory by job id (= its dedupe key, services/routing.ts), dropped when
 * the job ends; after a restart (or beyond the cap) a job falls back to its own `createdAt`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OutboxJob } from '../../domain/records';
import type { Enqueue } from './enqueue';

/** Origins kept at most (a backlog larger than this times some jobs from their own creation instead). */
const MAX_TRACKED = 50_000;

export class DeliveryTiming {
  private readonly origins = new Map<string, number>();
  private readonly current = new AsyncLocalStorage<number>();

  /** Runs a job's handler with its origin in context, so what it enqueues inherits it. */
  within<T>(job: OutboxJob, run: () => Promise<T>): Promise<T> {
    return this.current.run(this.origin(job), run);
  }

  /** `enqueue`, recording the origin of jobs enqueued from inside a running job. */
  track(enqueue: Enqueue): Enqueue {
    const tracked = async (...args: Parameters<Enqueue>) => {
      const origin = this.current.getStore();
      if (origin !== undefined) {
        for (const job of args[0]) {
          if (this.origins.size >= MAX_TRACKED) this.origins.delete(this.origins.keys().next().value!);
          if (!this.origins.has(job.dedupeKey)) this.origins.set(job.dedupeKey, origin);
        }
      }
      await enqueue(...args);
    };
    return Object.assign(tracked, { wake: enqueue.wake });
  }

  /** The job ended (delivered or failed for good): seconds since what it carried was received. */
  finished(job: OutboxJob, now = Date.now()): number {
    const origin = this.origin(job);
    this.origins.delete(job._id);
    return Math.max(0, (now - origin) / 1000);
  }

  private origin(job: OutboxJob): number {
    return this.origins.get(job._id) ?? new Date(job.createdAt).getTime();
  }
}
