/**
 * services/leader.ts on the in-memory lease store (the Mongo one passes the same port contract, test/contract/): who
 * leads, takeover on release and on silence, a deposed leader, and a database outage not mistaken for a dead leader.
 * The lease lasts 400 ms here; tests wait for states, not for time.
 */
import { MemoryLeaseStore } from '../../../../adapters/memory/lease-store';
import type { LeaseStore } from '../../../../src/domain/store';
import { createLogger } from '../../../../src/logger';
import { Leadership } from '../../../../src/services/leader';
import { eventually } from '../../../support/harness';

const TTL = 400;
const log = createLogger('silent');
const running: Leadership[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((l) => l.stop()));
});

function instance(store: LeaseStore, events: string[] = []) {
  const l = new Leadership(store, log, { onLead: async (e) => void events.push(`lead ${e}`), onDeposed: (e) => void events.push(`deposed by ${e}`) }, TTL);
  running.push(l);
  return { l, events };
}

/** A store whose calls fail while `down` is set (a database outage). */
function flaky(store: LeaseStore) {
  const state = { down: false };
  const fail = async (): Promise<never> => Promise.reject(new Error('database unreachable'));
  const wrapped: LeaseStore = {
    readLease: (e) => (state.down ? fail() : store.readLease(e)),
    takeLease: (e, h) => (state.down ? fail() : store.takeLease(e, h)),
    renewLease: (e, b) => (state.down ? fail() : store.renewLease(e, b)),
    releaseLease: (e) => (state.down ? fail() : store.releaseLease(e)),
  };
  return { store: wrapped, state };
}

test('the first instance leads before start() resolves; the second follows', async () => {
  const store = new MemoryLeaseStore();
  const a = instance(store);
  const b = instance(store);
  await a.l.start();
  await b.l.start();
  expect([a.l.isLeader(), a.l.holds(), b.l.isLeader()]).toEqual([true, true, false]);
  expect(a.events).toEqual(['lead 1']);
  expect(await store.readLease(1)).toEqual(expect.objectContaining({ holder: a.l.holder, released: false }));
});

test('a released lease is taken by a follower at its next check, with the next epoch', async () => {
  const store = new MemoryLeaseStore();
  const a = instance(store);
  const b = instance(store);
  await a.l.start();
  await b.l.start();
  await a.l.stop();
  await a.l.release();
  expect(a.l.isLeader()).toBe(false);
  await eventually(() => expect(b.events).toEqual(['lead 2']), 5_000);
  expect(b.l.currentEpoch()).toBe(2);
});

test('a leader that goes silent (killed) is replaced once its heartbeat has not moved for the lease time', async () => {
  const store = new MemoryLeaseStore();
  const a = instance(store);
  const b = instance(store);
  await a.l.start();
  await b.l.start();
  await eventually(async () => expect((await store.readLease(1))?.beat).toBeGreaterThan(1), 5_000); // a renews
  expect(b.l.isLeader()).toBe(false);
  await a.l.stop(); // no release: as after SIGKILL
  await eventually(() => expect(b.events).toEqual(['lead 2']), 5_000);
});

test('a leader that finds a higher epoch is deposed once and stops claiming', async () => {
  const store = new MemoryLeaseStore();
  const a = instance(store);
  await a.l.start();
  await store.takeLease(2, 'someone-else');
  await eventually(() => expect(a.events).toEqual(['lead 1', 'deposed by 2']), 5_000);
  expect([a.l.isLeader(), a.l.holds()]).toEqual([false, false]);
});

test('a leader that cannot reach the database stops claiming, and claims again once its heartbeat lands', async () => {
  const { store, state } = flaky(new MemoryLeaseStore());
  const a = instance(store);
  await a.l.start();
  state.down = true;
  await eventually(() => expect(a.l.holds()).toBe(false), 5_000);
  expect(a.l.isLeader()).toBe(true);
  state.down = false;
  await eventually(() => expect(a.l.holds()).toBe(true), 5_000);
  expect(a.events).toEqual(['lead 1']);
});

test('a follower does not count a database outage as the leader’s silence', async () => {
  const memory = new MemoryLeaseStore();
  const { store, state } = flaky(memory);
  let reads = 0;
  const counted: LeaseStore = { ...store, readLease: (e) => (reads++, store.readLease(e)) };
  let clock = 0; // the follower's clock, moved by hand
  const leader = instance(memory);
  const follower = new Leadership(counted, log, { onLead: async () => void events.push('lead'), onDeposed: () => undefined }, TTL, () => clock);
  const events: string[] = [];
  running.push(follower);
  await leader.l.start();
  await follower.start();
  await leader.l.stop(); // the leader is silent from now on
  state.down = true;
  clock += 10 * TTL; // an outage far longer than the lease, seen by the follower as failed reads
  const before = reads;
  await eventually(() => expect(reads).toBeGreaterThan(before + 1), 5_000);
  state.down = false;
  const back = reads;
  await eventually(() => expect(reads).toBeGreaterThan(back + 2), 5_000); // good reads again
  expect(events).toEqual([]); // the silence is counted from the first good read, not from before the outage
  clock += TTL;
  await eventually(() => expect(events).toEqual(['lead']), 5_000);
});
