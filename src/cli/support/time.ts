/**
 * Points in time on the command line: an ISO 8601 date (`2026-05-01`, `2026-05-01T08:00:00Z`) or a duration back from
 * now (`90s`, `30m`, `2h`, `7d`, `2w`).
 */
import { UsageError } from '../command';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+)(s|m|h|d|w)$/;
/** A date, optionally with a time and a zone (what `Date` parses reliably: ISO 8601's extended format). */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseTime(value: string, option: string, now: Date): Date {
  const duration = DURATION.exec(value);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!]!);
  const at = ISO.test(value) ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw new UsageError(`--${option} '${value}' is neither an ISO date (2026-05-01 or 2026-05-01T08:00:00Z) nor a duration (30m, 2h, 7d)`);
  return at;
}

/** `from` and `to` in order, or a UsageError naming both options. */
export function checkRange(from: Date, to: Date, fromOption: string, toOption: string): void {
  if (from.getTime() >= to.getTime()) throw new UsageError(`--${fromOption} must be before --${toOption}`);
}
