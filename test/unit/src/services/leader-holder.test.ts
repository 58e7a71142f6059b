/**
 * services/leader-holder.ts: a lease holder is taken for dead only when it certainly is (same host, same PID
 * namespace, no such process); a restarted bridge then delivers at once instead of waiting the lease's silence.
 */
import { spawnSync } from 'node:child_process';
import { MemoryLeaseStore } from '../../../../adapters/memory/lease-store';
import { createLogger } from '../../../../src/logger';
import { Leadership } from '../../../../src/services/leader';
import { holderId, holderIsGone } from '../../../../src/services/leader-holder';

const here = { host: 'bridge-1', pidNamespace: '4026531836' };
const none = () => false;
const all = () => true;

test('a holder on this host and PID namespace whose process is gone is dead', () => {
  expect(holderIsGone('bridge-1:4026531836:4242:abc123', here, none)).toBe(true);
});

test('anything less certain is not: a live PID, another host, another namespace, no namespace, our own PID, a foreign format', () => {
  expect(holderIsGone('bridge-1:4026531836:4242:abc123', here, all)).toBe(false);
  expect(holderIsGone('bridge-2:4026531836:4242:abc123', here, none)).toBe(false);
  expect(holderIsGone('bridge-1:4026532000:4242:abc123', here, none)).toBe(false);
  expect(holderIsGone('bridge-1:4026531836:4242:abc123', { host: 'bridge-1', pidNamespace: undefined }, none)).toBe(false);
  expect(holderIsGone(`bridge-1:4026531836:${process.pid}:abc123`, here, none)).toBe(false);
  expect(holderIsGone('bridge-1:4242:abc123', here, none)).toBe(false);
});

test("this process's own id names this host and a process that exists", () => {
  const id = holderId();
  expect(id.split(':')).toHaveLength(4);
  expect(holderIsGone(id)).toBe(false);
});

test('a bridge restarted after a crash takes the lease at once from its dead previous life', async () => {
  const store = new MemoryLeaseStore();
  // The lease of a process that ran here and is gone (exited, as after a SIGKILL), never released.
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  const [host, namespace] = holderId().split(':');
  await store.takeLease(1, `${host}:${namespace}:${dead}:dead00`);
  const events: string[] = [];
  // A lease of an hour: without the check, the restarted instance would wait that long.
  const l = new Leadership(store, createLogger('silent'), { onLead: async (e) => void events.push(`lead ${e}`), onDeposed: () => undefined }, 3_600_000);
  try {
    await l.start();
    if (namespace === '-') return expect(l.isLeader()).toBe(false); // no PID namespace to read (not Linux): it waits
    expect(l.isLeader()).toBe(true);
    expect(events).toEqual(['lead 2']);
  } finally {
    await l.stop();
  }
});
