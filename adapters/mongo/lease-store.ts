/**
 * The delivery-leader lease port (src/domain/store/leases.ts) over the driver's `leader_leases` collection: one
 * insert-only document per epoch, each read and written by its `_id` alone (FerretDB pushes that down; MongoDB answers
 * it from the `_id` index). Writes ask for `w: 'majority'`: on a replica set a lease acknowledged by the primary alone
 * could be rolled back by a failover, and two instances would then both believe they won the same epoch.
 */
import type { Collection, Connection } from 'mongoose';
import { leaseId, type LeaderLease, type LeaseStore } from '../../src/domain/store';
import { isDuplicateKey } from './duplicates';

interface LeaseDoc extends LeaderLease {
  _id: string;
}

const MAJORITY = { writeConcern: { w: 'majority' as const } };

export class MongoLeaseStore implements LeaseStore {
  private readonly leases: Collection<LeaseDoc>;

  constructor(conn: Connection) {
    this.leases = conn.collection<LeaseDoc>('leader_leases');
  }

  async readLease(epoch: number): Promise<LeaderLease | null> {
    const doc = await this.leases.findOne({ _id: leaseId(epoch) });
    if (!doc) return null;
    return { epoch: doc.epoch, holder: doc.holder, beat: doc.beat, released: doc.released === true, takenAt: doc.takenAt };
  }

  async takeLease(epoch: number, holder: string): Promise<boolean> {
    try {
      await this.leases.insertOne({ _id: leaseId(epoch), epoch, holder, beat: 0, released: false, takenAt: new Date() }, MAJORITY);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false; // another instance took this epoch first
      throw err;
    }
  }

  async renewLease(epoch: number, beat: number): Promise<void> {
    await this.leases.updateOne({ _id: leaseId(epoch) }, { $set: { beat } }, MAJORITY);
  }

  async releaseLease(epoch: number): Promise<void> {
    await this.leases.updateOne({ _id: leaseId(epoch) }, { $set: { released: true } }, MAJORITY);
  }
}
