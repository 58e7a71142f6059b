/** A job enqueued while another runs is timed from the first one's origin (a customer's post from its webhook). */
import type { NewJob, OutboxJob } from '../../../../../src/domain/records';
import { DeliveryTiming } from '../../../../../src/services/outbox/delivery-timing';
import type { Enqueue } from '../../../../../src/services/outbox/enqueue';

const job = (id: string, createdAt: number): OutboxJob =>
  ({
    _id: id,
    dedupeKey: id,
    kind: 'chat.post',
    lane: 'slack:c',
    payload: {},
    seq: 1,
    state: 'running',
    attempts: 0,
    nextAttemptAt: new Date(),
    createdAt: new Date(createdAt),
  }) as unknown as OutboxJob;

test('inherited origin inside a job, own createdAt outside one and after the origin is gone', async () => {
  const timing = new DeliveryTiming();
  const enqueued: NewJob[] = [];
  const base: Enqueue = Object.assign(async (jobs: NewJob[]) => void enqueued.push(...jobs), { wake: () => undefined });
  const enqueue = timing.track(base);
  const ingest = job('ingest:1', 1_000);
  await timing.within(ingest, () => enqueue([{ kind: 'chat.post', lane: 'slack:c', dedupeKey: 'post:1', payload: {} } as unknown as NewJob]));
  await enqueue([{ kind: 'chat.post', lane: 'slack:c', dedupeKey: 'post:2', payload: {} } as unknown as NewJob]);
  expect(enqueued).toHaveLength(2);
  expect(typeof enqueue.wake).toBe('function');

  expect(timing.finished(job('post:1', 5_000), 11_000)).toBe(10); // from the webhook's ingest job
  expect(timing.finished(job('post:2', 5_000), 11_000)).toBe(6); // enqueued outside a job: its own creation
  expect(timing.finished(job('post:1', 5_000), 11_000)).toBe(6); // forgotten once finished
});
