/**
 * Reading a time range in pages, for operator commands (replay, export): records ordered by time then `_id`, the page
 * after the last one seen (a keyset, not an offset: a page costs the same however deep it is, and records written
 * meanwhile neither repeat nor shift the pages). Each page is one bounded query (`limit`).
 */
export interface TimePage {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** The last record of the previous page (its time and `_id`); omitted for the first page. */
  after?: { at: Date; id: string };
  limit: number;
}

/** Every record of the range, page by page (`read` is the store's page query; `key` gives a record's time and id). */
export async function* allPages<T>(
  range: { from: Date; to: Date },
  limit: number,
  read: (page: TimePage) => Promise<T[]>,
  key: (record: T) => { at: Date; id: string },
): AsyncGenerator<T[]> {
  let after: TimePage['after'];
  for (;;) {
    const page = await read({ ...range, after, limit });
    if (page.length) yield page;
    if (page.length < limit) return;
    after = key(page[page.length - 1]!);
  }
}
