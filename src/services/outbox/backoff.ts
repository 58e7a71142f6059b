/** How long a failed delivery waits before its next attempt. */

/**
 * Exponential from `base`, capped at `max` (a few minutes: a platform back from an outage is used again soon),
 * with jitter so many lanes do not retry in lockstep. A server's Retry-After wins (still capped).
 */
export function backoffMs(attempt: number, base: number, max: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), max);
  const exp = Math.min(base * 2 ** (Math.max(attempt, 1) - 1), max);
  return Math.round(exp / 2 + (Math.random() * exp) / 2);
}
