/** outbox/enqueue.ts: enqueueing persists, then wakes the worker; nothing to enqueue costs no database command. */
import type { NewJob } from '../../../../../src/domain/records';
import type { EnqueueOptions } from '../../../../../src/domain/store';
import { createEnqueue } from '../../../../../src/services/outbox/enqueue';
import { chatStatusJob } from '../../../../../src/services/routing';

/** A store that records what it was given, and the order of events. */
function recordingStore(events: string[]) {
  return {
    calls: [] as Array<{ jobs: NewJob[]; options?: EnqueueOptions }>,
    async enqueue(jobs: NewJob[], options?: EnqueueOptions) {
      this.calls.push({ jobs, options });
      events.push('persisted');
    },
  };
}

const job = chatStatusJob('1:2', { platform: 'slack', messageId: 'm', status: 'read' });

test('persists the jobs (with the options), then wakes the worker', async () => {
  const events: string[] = [];
  const store = recordingStore(events);
  const enqueue = createEnqueue(store, () => ({ wake: () => events.push('woken') }));
  await enqueue([job], { checkDone: false });
  expect(store.calls).toEqual([{ jobs: [job], options: { checkDone: false } }]);
  expect(events).toEqual(['persisted', 'woken']);
});

test('no jobs: no database command, no wake', async () => {
  const events: string[] = [];
  const store = recordingStore(events);
  const enqueue = createEnqueue(store, () => ({ wake: () => events.push('woken') }));
  await enqueue([]);
  expect(store.calls).toEqual([]);
  expect(events).toEqual([]);
});

test('a failed write is not a wake, and the error reaches the caller (a webhook is then not acknowledged)', async () => {
  const events: string[] = [];
  const enqueue = createEnqueue({ enqueue: () => Promise.reject(new Error('database away')) }, () => ({ wake: () => events.push('woken') }));
  await expect(enqueue([job])).rejects.toThrow('database away');
  expect(events).toEqual([]);
});

test('before the worker exists (composition order) and for requeued jobs: wake alone', async () => {
  const events: string[] = [];
  let worker: { wake(): void } | undefined;
  const enqueue = createEnqueue(recordingStore(events), () => worker);
  await enqueue([job]);
  expect(events).toEqual(['persisted']);
  worker = { wake: () => events.push('woken') };
  enqueue.wake();
  expect(events).toEqual(['persisted', 'woken']);
});
