/**
 * What one webhook event may look like before the bridge keeps it: a sane timestamp, a bounded depth and size.
 * An event outside these bounds is quarantined (normalize.ts) instead of failing its whole batch: before
 * issue 9, a status with timestamp "1e20" became an Invalid Date that the database refused, and every
 * redelivery of that webhook answered 500, so its siblings were never delivered.
 */

/**
 * Meta's timestamps are Unix seconds as a decimal string ("1504902988"). Anything else (exponents, fractions,
 * 14 digits) is not a time Meta sent. The upper bound is fixed rather than "now + skew" so that a server clock
 * that is wrong never quarantines real messages; year 2100 is far beyond any real event.
 */
const MAX_UNIX_SECONDS = 4_102_444_800; // 2100-01-01T00:00:00Z

export function unixSeconds(ts: string): Date | undefined {
  if (!/^\d{1,10}$/.test(ts)) return undefined;
  const n = Number(ts);
  return n > 0 && n < MAX_UNIX_SECONDS ? new Date(n * 1000) : undefined;
}

/**
 * Account-event values (and Meta's `errors` objects) are stored as they came: MongoDB refuses documents nested
 * deeper than 100 levels and larger than 16 MB. Meta's own account events are a few levels deep and under 2 KB;
 * these bounds leave a wide margin and keep the stored documents small.
 */
export const MAX_VALUE_DEPTH = 20;
export const MAX_VALUE_BYTES = 64 * 1024;

/** Why a value cannot be kept as it is, or undefined when it can. Iterative: a hostile depth never overflows the stack. */
export function valueProblem(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_VALUE_DEPTH) return `nested deeper than ${MAX_VALUE_DEPTH} levels`;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return 'cannot be serialised';
  }
  return size > MAX_VALUE_BYTES ? `larger than ${MAX_VALUE_BYTES} bytes (${size})` : undefined;
}

/** The quarantine keeps the raw event, cut at this size (the whole webhook is kept in the raw log anyway). */
export const MAX_QUARANTINED_BYTES = 256 * 1024;

/** The stored form of a quarantined event: its reason and its raw form, cut at MAX_QUARANTINED_BYTES. */
export function quarantineRecord(q: { code: string; reason: string; event: unknown }): string {
  let text: string | undefined;
  try {
    text = JSON.stringify({ code: q.code, reason: q.reason, event: q.event });
  } catch {
    // Nested beyond what JSON.stringify can walk: the whole webhook is still in the raw log.
  }
  if (text !== undefined && text.length <= MAX_QUARANTINED_BYTES) return text;
  let event = '[could not be serialised]';
  try {
    event = (JSON.stringify(q.event) ?? '').slice(0, MAX_QUARANTINED_BYTES);
  } catch {
    /* kept as the marker above */
  }
  return JSON.stringify({ code: q.code, reason: q.reason, truncated: true, event });
}
