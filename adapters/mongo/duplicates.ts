/** Duplicate-key errors: how natural `_id`s make a second insert of the same thing a no-op. */

/** Code 11000 on both MongoDB and FerretDB (FerretDB gives no keyPattern / keyValue: docs/architecture.md, "What the embedded database does differently"). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/**
 * An unordered bulk insert whose only failures are duplicates: everything else was written, and the duplicates
 * were there already (a redelivery). The driver reports them as `writeErrors` on a MongoBulkWriteError.
 */
export function onlyDuplicates(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const writeErrors = (err as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (!list.length) return isDuplicateKey(err);
  return list.every((e: { code?: number; err?: { code?: number } }) => (e.code ?? e.err?.code) === 11000);
}

/** For `.catch`: a concurrent upsert of the same `_id` lost the race to insert (FerretDB reports it); the winner wrote it. */
export function ignoreDuplicate(err: unknown): undefined {
  if (!isDuplicateKey(err)) throw err;
  return undefined;
}
