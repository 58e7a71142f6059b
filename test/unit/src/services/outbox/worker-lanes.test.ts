/**
 * The outbox worker keeps a conversation's order when a poll's read overlaps its head's end: a read taken while the
 * head was running lacks it (only pending jobs are read), so the next job of the lane looks like the head. If the head
 * then went back to pending (backing off, or parked), that next job must not run before it.
 */
import { createMemoryStore } from '../../../../../adapters/memory';
import { DeliveryError } from '../../../../../src/domain/errors';
import { threadNoticeJob } from '../../../../../src/services/routing';
import { createLogger } from '../../../../../src/logger';
import { OutboxWorker } from '../../../../../src/services/outbox/worker';

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('a poll read while the head ran does not start the next job of its lane once the head backs off', async () => {
  const store = createMemoryStore();
  const [first, second] = ['first', 'second'].map((body) => threadNoticeJob('slack', 'conv-1', { why: 'reaction-window', reactionKey: body }, body));
  await store.enqueue([first!, second!]);
  const ran: string[] = [];
  let failFirst!: () => void;
  const firstFails = new Promise<void>((r) => (failFirst = r));
  // The read that overlaps the head's end: taken while `first` runs, answered once it has gone back to pending.
  let holdRead: (() => void) | undefined;
  let heldRead: Promise<void> | undefined;
  let readHeld = false;
  const results: string[] = [];
  const pendingJobs = store.pendingJobs.bind(store);
  store.pendingJobs = async (...args) => {
    const jobs = await pendingJobs(...args);
    if (heldRead) {
      readHeld = true;
      await heldRead;
    }
    return jobs;
  };
  const worker = new OutboxWorker(
    store,
    {
      run: async (job) => {
        const body = (job.payload as { body: string }).body;
        ran.push(body);
        if (body === 'first' && ran.length === 1) {
          await firstFails;
          throw DeliveryError.retryable('slack', { code: 'ratelimited', meaning: 'slow down', action: 'nothing: the bridge retries' });
        }
      },
      onPermanent: async () => undefined,
      onResult: (_job, result) => results.push(result),
      parkTarget: () => ({ key: 'slack:channel:C1', label: 'the channel' }),
    },
    createLogger('silent'),
    { concurrency: 4, pollMs: 10, baseBackoffMs: 300, maxBackoffMs: 300 },
  );
  await worker.start();
  try {
    await until(() => ran.length === 1, 'the head runs');
    heldRead = new Promise<void>((r) => (holdRead = r));
    worker.wake(); // a poll reads now: `first` is running, so it reads only `second`
    await until(() => readHeld, 'the poll has read');
    failFirst(); // `first` backs off: pending again, its lane free
    await until(() => results.includes('retry'), 'first rescheduled');
    await new Promise((r) => setTimeout(r, 0)); // and its lane released
    holdRead!();
    heldRead = undefined;
    await until(() => ran.length >= 3, 'both delivered');
    expect(ran).toEqual(['first', 'first', 'second']);
  } finally {
    await worker.stop();
  }
});
