/**
 * Webhook acknowledgements before background database work (issue 9 point 3: ack p50 ≤ 50 ms at 20 senders).
 *
 * Why: on the embedded FerretDB every write waits for SQLite's one write lock, so an acknowledgement's two inserts
 * queue behind whatever the outbox worker has in flight (up to OUTBOX_CONCURRENCY jobs, each a dozen commands). At 20
 * senders the median ack was then about 20 ÷ the whole pipeline's rate (196 ms measured, README "Benchmark"), though
 * the ack itself costs two commands. So while a webhook is waiting for its writes, the worker's store calls go through
 * a gate of `slots` at a time (one by default): the acks' commands meet at most that many of the worker's in the
 * database's queue. Bounded: the gate always lets `slots` calls through, so delivery slows during a burst but never
 * stops, and it is open whenever no webhook is waiting. Durability is unchanged: an ack still waits for its own writes.
 *
 * The worker marks its work with `background(...)` (an AsyncLocalStorage context, inherited by everything its poll and
 * its jobs start); `gatedStore` wraps the store so that only calls made in that context wait.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class AckPriority {
  private acksWaiting = 0;
  private inFlight = 0;
  private readonly queued: Array<() => void> = [];
  private readonly context = new AsyncLocalStorage<true>();

  constructor(private readonly slots = 1) {}

  /** Runs an acknowledgement's writes: background work yields while it waits. */
  async foreground<T>(work: () => Promise<T>): Promise<T> {
    this.acksWaiting++;
    try {
      return await work();
    } finally {
      this.acksWaiting--;
      if (!this.acksWaiting) this.drain();
    }
  }

  /** Runs `work` (and whatever it starts) as background work: its gated store calls yield to acknowledgements. */
  background<T>(work: () => T): T {
    return this.context.run(true, work);
  }

  /** A store call: at once unless it is background work while an acknowledgement waits; then `slots` at a time. */
  async gate<T>(call: () => Promise<T>): Promise<T> {
    if (!this.context.getStore()) return call();
    // A waiter's slot is taken for it by `drain` (so nothing overtakes it between the hand-over and its start).
    if (this.acksWaiting && this.inFlight >= this.slots) await new Promise<void>((resolve) => this.queued.push(resolve));
    else this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      this.drain();
    }
  }

  /** Background calls waiting for the gate (tests). */
  waiting(): number {
    return this.queued.length;
  }

  private drain(): void {
    // Open (no ack waiting): everyone queued goes; otherwise up to `slots` in flight.
    while (this.queued.length && (!this.acksWaiting || this.inFlight < this.slots)) {
      this.inFlight++;
      this.queued.shift()!();
    }
  }
}

/** The store (or any object of async methods) with every method call going through `priority.gate`. */
export function gatedStore<T extends object>(store: T, priority: AckPriority): T {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => priority.gate(() => Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)));
    },
  });
}
