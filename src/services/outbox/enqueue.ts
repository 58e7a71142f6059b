/**
 * Enqueueing wakes the worker: every stage hands the jobs it implies to this one function, which persists them (the
 * outbox is the only way anything is delivered, so a crash after this loses nothing) and then wakes the worker, so new
 * work does not wait for the next poll. Jobs a running job enqueues are picked up by the poll that follows it
 * (OutboxWorker.wake ignores wakes from inside a job).
 */
import type { NewJob } from '../../domain/records';
import type { EnqueueOptions, Store } from '../../domain/store';

export interface Enqueue {
  (jobs: NewJob[], options?: EnqueueOptions): Promise<void>;
  /** Wakes the worker without new jobs: jobs the store already holds became runnable (`/wa requeue`). */
  wake(): void;
}

export interface Wakeable {
  wake(): void;
}

/**
 * `worker` is read at each call: the composition root builds the stages (which enqueue) before the worker (which
 * runs them), so it is attached afterwards.
 */
export function createEnqueue(store: Pick<Store, 'enqueue'>, worker: () => Wakeable | undefined): Enqueue {
  const wake = () => worker()?.wake();
  const enqueue = async (jobs: NewJob[], options?: EnqueueOptions) => {
    if (!jobs.length) return;
    await store.enqueue(jobs, options);
    wake();
  };
  return Object.assign(enqueue, { wake });
}
