/** Duplicate-key errors: how natural `_id`s make a second insert of the same thing a no-op. */

/** Code 11000 on both MongoDB and FerretDB (FerretDB gives no keyPattern / keyValue: docs/architecture.md, "What the embedded database does differently"). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/** One document's failure in an unordered bulk write, as the driver reports it (`index` is its place in the batch). */
export interface WriteErrorLike {
  index: number;
  code?: number;
  err?: { code?: number };
}

/** The per-document errors of a failed bulk write (`writeErrors` of a MongoBulkWriteError); empty if the command itself failed. */
export function writeErrorsOf(err: unknown): WriteErrorLike[] {
  if (typeof err !== 'object' || err === null) return [];
  const raw = (err as { writeErrors?: unknown }).writeErrors;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as WriteErrorLike[];
}

export const isDuplicateWrite = (e: WriteErrorLike) => (e.code ?? e.err?.code) === 11000;

/**
 * An unordered bulk insert whose only failures are duplicates: everything else was written, and the duplicates
 * were there already (a redelivery).
 */
export function onlyDuplicates(err: unknown): boolean {
  const list = writeErrorsOf(err);
  if (!list.length) return isDuplicateKey(err);
  return list.every(isDuplicateWrite);
}

/** For `.catch`: a concurrent upsert of the same `_id` lost the race to insert (FerretDB reports it); the winner wrote it. */
export function ignoreDuplicate(err: unknown): undefined {
  if (!isDuplicateKey(err)) throw err;
  return undefined;
}
