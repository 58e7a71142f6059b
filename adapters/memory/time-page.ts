/** One page of a time range (src/domain/store/pages.ts) over records in memory, with MongoDB's order (time, then `_id`). */
import type { TimePage } from '../../src/domain/store';
import { byString } from './records';

export function timePage<T>(records: Iterable<T>, page: TimePage, key: (r: T) => { at: Date; id: string }): T[] {
  const after = page.after;
  return [...records]
    .filter((r) => {
      const { at, id } = key(r);
      const t = at.getTime();
      if (t < page.from.getTime() || t >= page.to.getTime()) return false;
      return !after || t > after.at.getTime() || (t === after.at.getTime() && byString(id, after.id) > 0);
    })
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka.at.getTime() - kb.at.getTime() || byString(ka.id, kb.id);
    })
    .slice(0, page.limit);
}
