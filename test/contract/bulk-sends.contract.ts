/** The bulk-sends port's contract (src/domain/store/bulk-sends.ts). */
import type { BulkRecord } from '../../src/domain/records';
import { BULK_SEND_STORE_METHODS } from '../../src/domain/store/bulk-sends';
import { describePort, type StoreBackend } from './backends';

const bulk = (id: string, extra: Partial<BulkRecord> = {}): BulkRecord => ({
  _id: id,
  accountId: '111',
  template: { name: 'hello_world', language: 'en_US' },
  createdBy: { platform: 'slack', userId: 'U1', name: 'Ann' },
  channel: { platform: 'slack', channelId: 'C1' },
  createdAt: new Date(1_700_000_000_000),
  recipients: [
    { phone: '4915100000001', args: [] },
    { phone: '4915100000002', args: ['Jo'] },
  ],
  results: {},
  refused: [{ input: '12', reason: 'not a phone number' }],
  state: 'enqueuing',
  ...extra,
});

export function bulkSendsContract(backend: StoreBackend): void {
  describePort('bulk sends', BULK_SEND_STORE_METHODS, backend, (store) => {
    test('a bulk send reads back as created, with the outcomes it had', async () => {
      const at = new Date(1_700_000_001_000);
      const created = bulk('b1', { results: { p4915100000001: { state: 'refused', reason: 'opted out', at } } });
      await store().createBulk(created);
      expect(await store().getBulk('b1')).toEqual(created);
      expect(await store().getBulk('b-unknown')).toBeNull();
    });

    test('a second bulk send with the same id is refused and the first kept', async () => {
      await store().createBulk(bulk('b2'));
      await expect(store().createBulk(bulk('b2', { accountId: '222' }))).rejects.toThrow();
      expect((await store().getBulk('b2'))?.accountId).toBe('111');
    });

    test('each recipient’s outcome is recorded and replaced whole', async () => {
      await store().createBulk(bulk('b3'));
      const at = new Date(1_700_000_002_000);
      await store().setBulkResult('b3', '4915100000001', { state: 'failed', reason: 'template paused', at });
      await store().setBulkResult('b3', '4915100000002', { state: 'pending' });
      await store().setBulkResult('b3', '4915100000002', { state: 'sent', wamid: 'wamid.B3', at });
      await store().setBulkResult('b3', '4915100000001', { state: 'sent', wamid: 'wamid.B1', at });
      expect((await store().getBulk('b3'))?.results).toEqual({
        p4915100000001: { state: 'sent', wamid: 'wamid.B1', at },
        p4915100000002: { state: 'sent', wamid: 'wamid.B3', at },
      });
    });

    test('outcomes recorded at once are all kept', async () => {
      await store().createBulk(bulk('b4'));
      const phones = Array.from({ length: 12 }, (_, i) => `49151000001${String(i).padStart(2, '0')}`);
      await Promise.all(phones.map((phone) => store().setBulkResult('b4', phone, { state: 'sent', wamid: `wamid.${phone}` })));
      expect(Object.keys((await store().getBulk('b4'))!.results).sort()).toEqual(phones.map((p) => `p${p}`));
    });

    test('an update sets state, progress message and end time; an unknown bulk is not created', async () => {
      await store().createBulk(bulk('b5'));
      await store().updateBulk('b5', { state: 'running' });
      await store().updateBulk('b5', { progressMessageId: '1700000000.000100' });
      const doneAt = new Date(1_700_000_009_000);
      await store().updateBulk('b5', { state: 'done', doneAt, progressMessageId: undefined });
      expect(await store().getBulk('b5')).toEqual({ ...bulk('b5'), state: 'done', progressMessageId: '1700000000.000100', doneAt });
      await store().updateBulk('b-none', { state: 'done' });
      expect(await store().getBulk('b-none')).toBeNull();
    });

    test('unfinished bulk sends are the enqueuing and running ones, oldest first, with their outcomes', async () => {
      await store().createBulk(bulk('late', { createdAt: new Date(1_700_000_300_000), state: 'running' }));
      await store().createBulk(bulk('done', { createdAt: new Date(1_700_000_100_000), state: 'done' }));
      await store().createBulk(bulk('early', { createdAt: new Date(1_700_000_200_000) }));
      await store().setBulkResult('late', '4915100000001', { state: 'sent', wamid: 'wamid.L' });
      const open = await store().unfinishedBulks();
      expect(open.map((b) => b._id)).toEqual(['early', 'late']);
      expect(open[1]!.results).toEqual({ p4915100000001: { state: 'sent', wamid: 'wamid.L' } });
      await store().updateBulk('early', { state: 'done' });
      expect((await store().unfinishedBulks()).map((b) => b._id)).toEqual(['late']);
    });
  });
}
