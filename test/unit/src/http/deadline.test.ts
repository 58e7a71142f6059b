/** Deadlines on the HTTP routes (issue 9, point 6): a dead database is given up on, a slow one is waited for. */
import { DeadlineExceeded, unlessDatabaseDown, withDeadline } from '../../../../src/http/deadline';
import { Metrics } from '../../../../src/http/metrics';

const never = <T>() => new Promise<T>(() => undefined);
const after = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
const guard = (probe: () => Promise<unknown>, maxMs = 10_000) => ({ probeAfterMs: 10, probeTimeoutMs: 30, maxMs, probe });

test('withDeadline: the value when in time, DeadlineExceeded when not; a late rejection is never unhandled', async () => {
  await expect(withDeadline(Promise.resolve(3), 50)).resolves.toBe(3);
  await expect(withDeadline(never(), 20)).rejects.toBeInstanceOf(DeadlineExceeded);
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 40));
  await expect(withDeadline(late, 10)).rejects.toBeInstanceOf(DeadlineExceeded);
  await after(60, undefined); // jest fails the test on an unhandled rejection
});

test('a database that answers no ping: the work is given up (503), long before maxMs', async () => {
  await expect(unlessDatabaseDown(never(), guard(never, 60_000))).rejects.toThrow(/did not answer a ping/);
});

test('a database that is slow but answers pings: the work is waited for, over many probe rounds', async () => {
  let probes = 0;
  const probe = () => {
    probes++;
    return Promise.resolve();
  };
  await expect(unlessDatabaseDown(after(300, 'stored'), guard(probe))).resolves.toBe('stored');
  expect(probes).toBeGreaterThan(1);
});

test('a database that answers pings but never this write: given up at maxMs', async () => {
  await expect(
    unlessDatabaseDown(
      never(),
      guard(() => Promise.resolve(), 200),
    ),
  ).rejects.toBeInstanceOf(DeadlineExceeded);
});

test('a failed write is reported as such at once', async () => {
  await expect(unlessDatabaseDown(Promise.reject(new Error('E11000?')), guard(never))).rejects.toThrow('E11000?');
});

test('the pending-jobs gauge serves its last known value when the database does not answer', async () => {
  let answer: () => Promise<number> = () => Promise.resolve(7);
  const metrics = new Metrics(() => answer());
  expect(await metrics.registry.metrics()).toMatch(/^whatsapp_bridge_outbox_pending_jobs 7$/m);
  answer = never;
  expect(await metrics.registry.metrics()).toMatch(/^whatsapp_bridge_outbox_pending_jobs 7$/m);
  answer = () => Promise.reject(new Error('database down'));
  expect(await metrics.registry.metrics()).toMatch(/^whatsapp_bridge_outbox_pending_jobs 7$/m);
});
