/** The delivery-leader lease port's contract (src/domain/store/leases.ts): insert-only epochs, written by their holder. */
import { LEASE_STORE_METHODS } from '../../src/domain/store/leases';
import { describePort, type StoreBackend } from './backends';

export function leasesContract(backend: StoreBackend): void {
  describePort('leases', LEASE_STORE_METHODS, backend, (store) => {
    test('an epoch no instance took reads as null', async () => {
      expect(await store().readLease(1)).toBeNull();
    });

    test('the first to take an epoch wins it; a second take of the same epoch is refused and changes nothing', async () => {
      expect(await store().takeLease(1, 'host-a:1:aa')).toBe(true);
      expect(await store().takeLease(1, 'host-b:2:bb')).toBe(false);
      expect(await store().readLease(1)).toEqual(
        expect.objectContaining({ epoch: 1, holder: 'host-a:1:aa', beat: 0, released: false, takenAt: expect.any(Date) }),
      );
      expect(await store().takeLease(2, 'host-b:2:bb')).toBe(true);
      expect((await store().readLease(2))?.holder).toBe('host-b:2:bb');
    });

    test('of many concurrent takes of one epoch, exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store().takeLease(1, `host-${i}`)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store().readLease(1))?.holder).toBe(`host-${results.indexOf(true)}`);
    });

    test('the holder renews its heartbeat counter and releases its lease', async () => {
      await store().takeLease(1, 'host-a');
      await store().renewLease(1, 1);
      await store().renewLease(1, 2);
      expect(await store().readLease(1)).toEqual(expect.objectContaining({ beat: 2, released: false }));
      await store().releaseLease(1);
      expect(await store().readLease(1)).toEqual(expect.objectContaining({ beat: 2, released: true, holder: 'host-a' }));
    });
  });
}
