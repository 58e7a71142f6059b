/** The delivery-leader lease port (src/domain/store/leases.ts) in memory: one record per epoch, inserted once. */
import type { LeaderLease, LeaseStore } from '../../src/domain/store';

export class MemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<number, LeaderLease>();

  async readLease(epoch: number): Promise<LeaderLease | null> {
    const lease = this.leases.get(epoch);
    return lease ? { ...lease } : null;
  }

  async takeLease(epoch: number, holder: string): Promise<boolean> {
    if (this.leases.has(epoch)) return false;
    this.leases.set(epoch, { epoch, holder, beat: 0, released: false, takenAt: new Date() });
    return true;
  }

  async renewLease(epoch: number, beat: number): Promise<void> {
    const lease = this.leases.get(epoch);
    if (lease) lease.beat = beat;
  }

  async releaseLease(epoch: number): Promise<void> {
    const lease = this.leases.get(epoch);
    if (lease) lease.released = true;
  }
}
