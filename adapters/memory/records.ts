/** What every in-memory port does alike: records kept as copies, and MongoDB's `$set` applied to a plain object. */

/**
 * A deep copy (Dates stay Dates): a record handed in or out never aliases the stored one, so a caller editing what it
 * got changes nothing stored, as with a database.
 */
export const copy = <T>(value: T): T => structuredClone(value);

/**
 * MongoDB's `$set` as the Mongo ports use it through mongoose: a key may be a dotted path (`'shownStatus.slack'`) that
 * sets one nested field, creating the objects on the way; a key whose value is `undefined` is dropped (mongoose strips
 * undefined values from updates).
 */
export function applySet(target: Record<string, unknown>, set: object): void {
  for (const [path, value] of Object.entries(set)) {
    if (value === undefined) continue;
    const keys = path.split('.');
    let node = target;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = copy(value);
  }
}

/** The later of two dates (MongoDB's `$max`), `undefined` only when both are. */
export function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** Binary string order, as MongoDB sorts strings (not the locale's). */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
