/**
 * Deadlines around database calls on the HTTP routes. While the database is down mongoose buffers commands
 * (bufferCommands, adapters/mongo/connection.ts) for up to 10 s; a route must not wait that long: Meta retries a
 * webhook answered 503, and a probe or a scrape that hangs is worse than one that says "unknown".
 */
import { BridgeError, ErrorCode } from '../domain/errors';

export class DeadlineExceeded extends BridgeError {
  override name = 'DeadlineExceeded';
  readonly code = ErrorCode.DeadlineExceeded;
}

/**
 * `work`, or a DeadlineExceeded after `ms`. The late outcome of `work` is observed (never an unhandled
 * rejection); the call itself is not cancelled, which is harmless for what the routes do (idempotent writes, reads).
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what = 'the database'): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface OutageGuard {
  /** After this long without an answer, start asking the database whether it answers at all. */
  probeAfterMs: number;
  /** How long a probe may take; no answer in time counts as "down". */
  probeTimeoutMs: number;
  /** Upper bound whatever the probes say (the database answers pings but this write is stuck). */
  maxMs: number;
  /** A cheap round trip (a ping): resolves when the database answers. */
  probe: () => Promise<unknown>;
}

/**
 * Waits for `work` while the database is known to answer; gives up (DeadlineExceeded) as soon as a probe goes
 * unanswered, or after `maxMs`. Why not one flat 1-second deadline: a database that is only slow (a busy
 * embedded FerretDB) would then turn every slow webhook into a 503 and a redelivery, adding load where it hurts;
 * a dead one answers no ping, and is detected within probeAfterMs + probeTimeoutMs.
 */
export async function unlessDatabaseDown<T>(work: Promise<T>, g: OutageGuard): Promise<T> {
  work.catch(() => undefined);
  let settled = false;
  const watch = (async (): Promise<never> => {
    await sleep(g.probeAfterMs);
    while (!settled) {
      const answered = await withDeadline(g.probe(), g.probeTimeoutMs).then(
        () => true,
        () => false,
      );
      if (settled) break;
      if (!answered) throw new DeadlineExceeded(`the database did not answer a ping within ${g.probeTimeoutMs} ms`);
      await sleep(g.probeTimeoutMs);
    }
    return new Promise<never>(() => undefined);
  })();
  watch.catch(() => undefined);
  try {
    return await withDeadline(Promise.race([work, watch]), g.maxMs);
  } finally {
    settled = true;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
