/**
 * The delivery-leader lease port: which bridge instance delivers (runs the outbox worker and holds session-bound chat
 * connections) when several share one database (src/services/leader.ts, docs/architecture.md "Several instances").
 *
 * The lease is a chain of insert-only documents, one per epoch (`_id: "leader:<epoch>"`, epochs 1, 2, 3, … with no
 * gap). Taking the lease is inserting the next epoch's document: a unique-`_id` insert is atomic on MongoDB and on the
 * embedded FerretDB alike, so exactly one instance wins an epoch. Only the winner ever writes its document afterwards
 * (its heartbeat, its release), by `_id`. Nothing relies on a conditional update, which FerretDB does not make atomic.
 *
 * Query shapes: every read and write is exactly one `_id` (reads, renewals, releases) or an insert of a natural `_id`.
 */
import { methodsOf } from './methods';

export interface LeaderLease {
  epoch: number;
  /** Who holds it: host, PID namespace, process id and a random part (src/services/leader-holder.ts). */
  holder: string;
  /** The holder's heartbeat counter: others see it change while the holder lives (no clock is compared across hosts). */
  beat: number;
  /** Set by a holder stopping cleanly (SIGTERM): the next instance takes over at once instead of waiting for the silence. */
  released: boolean;
  takenAt: Date;
}

export interface LeaseStore {
  /** The lease of this epoch (`_id` `leader:<epoch>`), or null when no instance took that epoch. */
  readLease(epoch: number): Promise<LeaderLease | null>;
  /** Inserts the lease of `epoch` (beat 0, not released): true for the one caller that inserted it, false when it exists. */
  takeLease(epoch: number, holder: string): Promise<boolean>;
  /** The holder's heartbeat on its own lease, by `_id`. */
  renewLease(epoch: number, beat: number): Promise<void>;
  /** The holder gives the lease up (clean stop), by `_id`. */
  releaseLease(epoch: number): Promise<void>;
}

export const LEASE_STORE_METHODS = methodsOf<LeaseStore>({
  readLease: true,
  takeLease: true,
  renewLease: true,
  releaseLease: true,
});

export const leaseId = (epoch: number): string => `leader:${epoch}`;
