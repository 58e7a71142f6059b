/**
 * `bulkWrite` in commands of at most BULK_WRITE_CHUNK operations, sent one after another.
 *
 * Why: the embedded FerretDB (v1.24, SQLite) never answers an `update` command of 100 statements or more: measured
 * here, 99 `_id`-keyed updates in one bulkWrite took 167 ms on an idle machine and 100 got no answer within 30 s,
 * with or without upsert, ordered or not (docs/architecture.md, "What the embedded database does differently").
 * Meta sends up to 1,000 statuses in one webhook, so a batch of statuses hung its ingest job until the lease expired.
 * MongoDB takes any size; chunks of 50 cost it a few more round trips for the largest batches only.
 */
export const BULK_WRITE_CHUNK = 50;

/** Calls `write` with the operations in chunks of at most BULK_WRITE_CHUNK, one chunk after another. */
export async function bulkWriteChunked<Op>(ops: Op[], write: (chunk: Op[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ops.length; i += BULK_WRITE_CHUNK) await write(ops.slice(i, i + BULK_WRITE_CHUNK));
}
