/**
 * The bulk-sends port: one template sent to many numbers, and each recipient's outcome. Recipients' outcomes are
 * records of their own (`${bulkId}:${phone}`), written by `_id`: they arrive concurrently, and one document updated
 * from many writers loses some on FerretDB (docs/architecture.md, "What the embedded database does differently"). Off the hot path: `/wa template` with several
 * numbers, its progress, and the resume at start-up (`unfinishedBulks` filters by state: few records).
 */
import type { BulkRecord, BulkResult } from '../records';
import { methodsOf } from './methods';

export interface BulkSendStore {
  /** Stores a new bulk send with the outcomes it already has; rejects when one with this `_id` exists. */
  createBulk(bulk: BulkRecord): Promise<void>;
  /** The bulk send with every recipient's outcome, keyed `p<digits>`. */
  getBulk(id: string): Promise<BulkRecord | null>;
  /** Bulk sends not finished yet (`enqueuing`, `running`), oldest first: to resume after a restart. */
  unfinishedBulks(): Promise<BulkRecord[]>;
  /** Sets the given fields (`undefined` ones ignored); no-op for an unknown id. */
  updateBulk(id: string, set: Partial<Pick<BulkRecord, 'state' | 'progressMessageId' | 'doneAt'>>): Promise<void>;
  /** Records (or replaces) one recipient's outcome. */
  setBulkResult(id: string, phone: string, result: BulkResult): Promise<void>;
}

export const BULK_SEND_STORE_METHODS = methodsOf<BulkSendStore>({
  createBulk: true,
  getBulk: true,
  unfinishedBulks: true,
  updateBulk: true,
  setBulkResult: true,
});
