/**
 * The worker's periodic chores (purging old delivery records, releasing expired leases, probing parked jobs): run on
 * intervals that do not keep the process alive, each task tracked so that stop() waits for it instead of letting it
 * meet a closed database connection.
 */
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';

/** Finished jobs older than `keepMs` go (they are the dedupe record until then). */
export function purgeDone(store: Pick<Store, 'purgeDoneJobs'>, log: Logger, keepMs: number): Promise<unknown> {
  return store.purgeDoneJobs(new Date(Date.now() - keepMs)).then(
    (n) => n && log.info({ purged: n }, 'old delivery records purged'),
    (err) => log.warn({ err }, 'purging old delivery records failed'),
  );
}

/**
 * `running` jobs whose lease expired go back to pending. A lease outlives its job only when recording the outcome
 * failed for good (stop) or a claim's answer was lost: jobs of lanes running here are skipped by dispatch anyway, so
 * releasing them early cannot run one twice.
 */
export function releaseExpired(store: Pick<Store, 'releaseStaleJobs'>, log: Logger, wake: () => void): Promise<unknown> {
  return store.releaseStaleJobs(new Date()).then(
    (n) => {
      if (n) {
        log.warn({ released: n }, 'jobs whose lease expired are queued again');
        wake();
      }
    },
    (err: unknown) => log.warn({ err }, 'releasing expired leases failed; trying again later'),
  );
}
export class Chores {
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly tasks = new Set<Promise<unknown>>();

  /** Tracks a task whose failure it already logs. */
  run(task: Promise<unknown>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  every(ms: number, run: () => void): void {
    const i = setInterval(run, ms);
    i.unref();
    this.intervals.push(i);
  }

  /** No new rounds. */
  stop(): void {
    for (const i of this.intervals) clearInterval(i);
  }

  /** Resolves when the tasks running now have ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.tasks]);
  }
}
