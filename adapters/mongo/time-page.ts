/**
 * The filter and sort of one page of a time range (src/domain/store/pages.ts) on a date field: in `[from, to)` and
 * after the previous page's last record (a later time, or the same time and a greater `_id`), sorted by both.
 */
import type { TimePage } from '../../src/domain/store';

export function timePageQuery(field: string, page: TimePage): { filter: Record<string, unknown>; sort: Record<string, 1> } {
  const range = { [field]: { $gte: page.from, $lt: page.to } };
  const after = page.after;
  const filter = after ? { ...range, $or: [{ [field]: { $gt: after.at } }, { [field]: after.at, _id: { $gt: after.id } }] } : range;
  return { filter, sort: { [field]: 1, _id: 1 } };
}
