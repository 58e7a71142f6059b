/**
 * Group commit for inserts of natural-`_id` documents: concurrent callers share one unordered `insertMany`.
 *
 * Why: the embedded FerretDB (SQLite) serialises every write behind one lock and commits each command on its own, so
 * twenty webhooks acknowledged at once queue forty single inserts (docs/architecture.md, "What the embedded database
 * does differently"). One command per batch turns that queue into one commit. Nothing waits for a timer: the first insert goes out
 * at once, and whatever arrives while a batch is in flight goes out together when it returns, so a lone caller pays
 * no extra latency and a busy one pays at most one batch. On MongoDB the same batching saves round trips.
 *
 * Each caller learns its own outcome: inserted, a duplicate `_id` (a redelivery: the store's no-op), or the error of
 * its own document; when the whole command fails, each document is tried alone so that each caller gets its own error.
 */
import type { Document } from 'mongodb';
import { isDuplicateWrite, writeErrorsOf } from './duplicates';

/** An unordered insert of many documents: a collection's, or a mongoose model's (which casts them to its schema first). */
export type InsertMany = (docs: Document[]) => Promise<unknown>;

/** Large enough to absorb any burst the HTTP server admits at once; small enough to keep one command well under 16 MB. */
const MAX_BATCH_DOCS = 500;

interface Waiting {
  doc: Document;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

export class InsertBatcher {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly insertMany: InsertMany) {}

  /** Inserts one document; resolves false when its `_id` is stored already. */
  insert(doc: Document): Promise<boolean> {
    return this.insertAll([doc]).then(([inserted]) => inserted!);
  }

  /** Inserts documents (one outcome each, in order) in one command, or with everyone else's when one is in flight. */
  insertAll(docs: Document[]): Promise<boolean[]> {
    const outcomes = docs.map((doc) => new Promise<boolean>((resolve, reject) => this.waiting.push({ doc, resolve, reject })));
    if (!this.flushing) void this.flush();
    return Promise.all(outcomes);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH_DOCS);
        await this.write(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      await this.insertMany(batch.map((w) => w.doc));
      for (const w of batch) w.resolve(true);
    } catch (err) {
      const list = writeErrorsOf(err);
      if (!list.length) {
        // No per-document outcome (the database is away, or one document was refused before the write): each goes
        // alone, so one bad document never takes its batch partners down with it, again and again on every retry.
        if (batch.length > 1) await Promise.all(batch.map((w) => this.write([w])));
        else batch[0]!.reject(err);
        return;
      }
      const errors = new Map(list.map((e) => [e.index, e]));
      batch.forEach((w, i) => {
        const e = errors.get(i);
        if (!e) w.resolve(true);
        else if (isDuplicateWrite(e)) w.resolve(false);
        else w.reject(Object.assign(new Error(`insert of ${String(w.doc._id)} failed (code ${e.code ?? e.err?.code})`), { code: e.code, cause: err }));
      });
    }
  }
}
