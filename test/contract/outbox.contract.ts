/** The outbox port's contract (src/domain/store/outbox.ts): idempotent enqueue, claims, leases, parking and requeue. */
import type { NewJob, ParkedInfo } from '../../src/domain/records';
import { PARKED_UNTIL } from '../../src/domain/store';
import { OUTBOX_STORE_METHODS } from '../../src/domain/store/outbox';
import { describePort, type StoreBackend } from './backends';

const job = (key: string, lane = 'slack:acc:1', conversationId = 'acc:1'): NewJob => ({
  kind: 'chat.notice',
  lane,
  dedupeKey: key,
  payload: { platform: 'slack', conversationId, body: key },
});
const parked = (target: string): ParkedInfo => ({
  target,
  label: `Slack channel ${target}`,
  platform: 'slack',
  code: 'not_in_channel',
  meaning: 'the bot is not in the channel',
  action: 'invite the bot',
  since: new Date(1_700_000_000_000),
});
const soon = () => new Date(Date.now() + 60_000);

export function outboxContract(backend: StoreBackend): void {
  describePort('outbox', OUTBOX_STORE_METHODS, backend, (store) => {
    test('the outbox: enqueue is idempotent by key, pending jobs come oldest first, a claimed job cannot be claimed again', async () => {
      await store().enqueue([job('j1'), job('j2'), job('j1')]);
      await store().enqueue([job('j3', 'slack:acc:2'), job('j2')]);
      const pending = await store().pendingJobs(10);
      expect(pending.map((j) => j._id)).toEqual(['j1', 'j2', 'j3']);
      // Claims are made one after another by the single dispatch loop. (Concurrent claims are atomic on
      // MongoDB but not on FerretDB/SQLite, whose updates are read-modify-write: one bridge per database.)
      expect(await store().claimJob('j1', soon())).toBe(true);
      expect(await store().claimJob('j1', soon())).toBe(false);
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['j2', 'j3']);
    });

    test('a new job is pending, due now, with no attempts, its kind, lane and payload as given, and a rising seq', async () => {
      const before = Date.now();
      await store().enqueue([job('n1', 'slack:acc:9', 'acc:9')]);
      await store().enqueue([job('n2')]);
      const [n1, n2] = await store().pendingJobs(10);
      expect(n1).toMatchObject({ _id: 'n1', dedupeKey: 'n1', kind: 'chat.notice', lane: 'slack:acc:9', state: 'pending', attempts: 0 });
      expect(n1!.payload).toEqual({ platform: 'slack', conversationId: 'acc:9', body: 'n1' });
      expect(n1!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(n1!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(n1!.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(n2!.seq).toBeGreaterThan(n1!.seq);
      expect(await store().countJobs('pending')).toBe(2);
    });

    test('a delayed job (delayMs) is a timer: due that long after it is stored, listed only once due', async () => {
      const before = Date.now();
      await store().enqueue([{ ...job('d1', 'menu:acc:1'), delayMs: 3_600_000 }, job('d2')]);
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['d2']);
      expect(await store().countJobs('pending')).toBe(2);
      // Time passing (its due time rewritten to now): listed, like any due job.
      await store().rescheduleJob('d1', 0, new Date(before - 1000), 'due');
      const [d1, d2] = await store().pendingJobs(10);
      expect(d1).toMatchObject({ _id: 'd1', timer: true });
      expect(d1).not.toHaveProperty('delayMs');
      expect(d2!._id).toBe('d2');
    });

    test('the first job of a batch wins over a repeat of its key', async () => {
      await store().enqueue([job('f1', 'lane:first'), job('f1', 'lane:second')]);
      expect((await store().pendingJobs(10)).map((j) => [j._id, j.lane])).toEqual([['f1', 'lane:first']]);
      await store().enqueue([]);
      expect(await store().countJobs('pending')).toBe(1);
    });

    test('a key running or failed is not enqueued again', async () => {
      await store().enqueue([job('s1'), job('s2')]);
      await store().claimJob('s1', soon());
      await store().claimJob('s2', soon());
      await store().failJob('s2', 1, 'refused');
      await store().enqueue([job('s1'), job('s2')], { checkDone: false });
      await store().enqueue([job('s1'), job('s2')]);
      expect(await store().pendingJobs(10)).toEqual([]);
      expect(await store().countJobs('running')).toBe(1);
      expect(await store().countJobs('failed')).toBe(1);
    });

    test('pending jobs honour the limit and leave out running and failed ones', async () => {
      await store().enqueue(['p1', 'p2', 'p3', 'p4', 'p5'].map((k) => job(k)));
      await store().claimJob('p1', soon());
      await store().claimJob('p2', soon());
      await store().failJob('p2', 1, 'x');
      expect((await store().pendingJobs(2)).map((j) => j._id)).toEqual(['p3', 'p4']);
      expect((await store().pendingJobs(100)).map((j) => j._id)).toEqual(['p3', 'p4', 'p5']);
      expect(await store().claimJob('p2', soon())).toBe(false);
      expect(await store().claimJob('unknown', soon())).toBe(false);
    });

    test('jobs left running by a dead process are released; done jobs are purged only when old', async () => {
      await store().enqueue([job('k1', 'lane:k')]);
      await store().claimJob('k1', new Date(Date.now() - 1000));
      expect(await store().releaseStaleJobs(new Date())).toBe(1);
      expect((await store().pendingJobs(100)).map((j) => j._id)).toContain('k1');
      await store().claimJob('k1', soon());
      await store().completeJob('k1');
      expect(await store().purgeDoneJobs(new Date(Date.now() - 60_000))).toBe(0);
      expect(await store().purgeDoneJobs(new Date(Date.now() + 60_000))).toBe(1);
      // A purged job's key can be enqueued again: that is why done jobs are kept past Meta's retry window.
      await store().enqueue([job('k1', 'lane:k')]);
      expect((await store().pendingJobs(100)).map((j) => j._id)).toEqual(['k1']);
    });

    test('a job scheduled for later is kept with its time and left out of the page of jobs due by an earlier time (default: now)', async () => {
      const at = new Date(1_800_000_000_000);
      await store().enqueue([job('t1'), { ...job('t2', 'slack:reminder:acc:1'), notBefore: at }, job('t3')]);
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['t1', 't3']);
      expect((await store().pendingJobs(10, at)).find((j) => j._id === 't2')!.notBefore!.getTime()).toBe(at.getTime());
      expect((await store().pendingJobs(10, at)).find((j) => j._id === 't1')!.notBefore).toBeUndefined();
      expect((await store().pendingJobs(10, new Date(at.getTime() - 1))).map((j) => j._id)).toEqual(['t1', 't3']);
      expect((await store().pendingJobs(10, at)).map((j) => j._id)).toEqual(['t1', 't2', 't3']);
    });

    test('a running job whose lease has not run out stays running, and keeps its attempts when released', async () => {
      await store().enqueue([job('l1'), job('l2')]);
      await store().claimJob('l1', soon());
      await store().rescheduleJob('l2', 3, new Date(), 'retry');
      await store().claimJob('l2', new Date(Date.now() - 1000));
      expect(await store().releaseStaleJobs(new Date())).toBe(1);
      expect(await store().countJobs('running')).toBe(1);
      expect((await store().pendingJobs(10)).map((j) => [j._id, j.attempts])).toEqual([['l2', 3]]);
    });

    test('reschedule keeps the attempt count and the reason; fail records it', async () => {
      await store().enqueue([job('r1', 'lane:r')]);
      await store().claimJob('r1', soon());
      const due = new Date(Date.now() + 5000);
      await store().rescheduleJob('r1', 1, due, 'slack ratelimited');
      const [r] = (await store().pendingJobs(100)).filter((j) => j._id === 'r1');
      expect(r).toMatchObject({ attempts: 1, lastError: 'slack ratelimited', state: 'pending' });
      expect(r!.nextAttemptAt.getTime()).toBe(due.getTime());
      expect(r!.leaseUntil).toBeUndefined();
      await store().claimJob('r1', soon());
      await store().failJob('r1', 2, 'gave up');
      expect(await store().countJobs('failed')).toBe(1);
      expect(await store().countJobs('pending')).toBe(0);
      expect(await store().countJobs('running')).toBe(0);
    });

    test('a completed job leaves the live jobs and is counted done once, however often it is completed', async () => {
      await store().enqueue([job('c1'), job('c2')]);
      await store().claimJob('c1', soon());
      await store().completeJob('c1');
      await store().completeJob('c1');
      expect(await store().countJobs('done')).toBe(1);
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['c2']);
      expect(await store().claimJob('c1', soon())).toBe(false);
    });

    test('enqueue skips keys already done, unless told not to check (ingest jobs are safe to run again)', async () => {
      await store().enqueue([job('d1', 'lane:d')]);
      await store().claimJob('d1', soon());
      await store().completeJob('d1');
      await store().enqueue([job('d1', 'lane:d')]);
      expect((await store().pendingJobs(100)).map((j) => j._id)).not.toContain('d1');
      await store().enqueue([job('d1', 'lane:d'), job('d1', 'lane:d')], { checkDone: false });
      expect((await store().pendingJobs(100)).filter((j) => j._id === 'd1')).toHaveLength(1);
      await store().enqueue([]);
    });

    test('a parked job stays pending, due never, its lease dropped, and is listed oldest first', async () => {
      await store().enqueue([job('pk1'), job('pk2'), job('pk3')]);
      for (const id of ['pk1', 'pk2', 'pk3']) await store().claimJob(id, soon());
      await store().parkJob('pk2', 4, parked('C1'), 'not_in_channel');
      await store().parkJob('pk1', 2, parked('C2'), 'not_in_channel');
      const list = await store().listParkedJobs(10);
      expect(list.map((j) => j._id)).toEqual(['pk1', 'pk2']);
      expect(list[1]).toMatchObject({ state: 'pending', attempts: 4, lastError: 'not_in_channel', parked: parked('C1') });
      expect(list[1]!.nextAttemptAt.getTime()).toBe(PARKED_UNTIL.getTime());
      expect(list[1]!.leaseUntil).toBeUndefined();
      expect((await store().listParkedJobs(1)).map((j) => j._id)).toEqual(['pk1']);
      // Parked jobs are pending (their lane held behind them); the one left running is not.
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['pk1', 'pk2']);
    });

    test('resuming a target makes its parked jobs due now and leaves other targets parked', async () => {
      await store().enqueue([job('rs1'), job('rs2'), job('rs3'), job('rs4')]);
      await store().parkJob('rs1', 1, parked('C1'), 'e');
      await store().parkJob('rs2', 1, parked('C2'), 'e');
      await store().parkJob('rs3', 1, parked('C1'), 'e');
      expect(await store().resumeParkedJobs('C1')).toBe(2);
      expect(await store().resumeParkedJobs('C9')).toBe(0);
      expect((await store().listParkedJobs(10)).map((j) => j._id)).toEqual(['rs2']);
      const pending = await store().pendingJobs(10);
      const rs1 = pending.find((j) => j._id === 'rs1')!;
      expect(rs1.parked).toBeUndefined();
      expect(rs1.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(rs1).toMatchObject({ state: 'pending', attempts: 1 });
    });

    test('a stuck alert is marked on the job', async () => {
      await store().enqueue([job('st1')]);
      const at = new Date(1_700_000_000_000);
      await store().markStuckAlerted('st1', at);
      expect((await store().pendingJobs(10))[0]!.stuckAlertedAt?.getTime()).toBe(at.getTime());
      await store().markStuckAlerted('unknown', at);
      expect(await store().countJobs('pending')).toBe(1);
    });

    test('requeue makes failed and parked jobs due now with no attempts and no marks, returning them as they were', async () => {
      await store().enqueue([job('q1'), job('q2'), job('q3'), job('q4')]);
      await store().claimJob('q1', soon());
      await store().failJob('q1', 5, 'gave up');
      await store().parkJob('q2', 3, parked('C1'), 'not_in_channel');
      await store().markStuckAlerted('q2', new Date());
      await store().claimJob('q4', soon());
      const requeued = await store().requeueJobs({});
      expect(requeued.map((j) => [j._id, j.state, j.attempts])).toEqual([
        ['q1', 'failed', 5],
        ['q2', 'pending', 3],
      ]);
      expect(requeued[1]!.parked).toEqual(parked('C1'));
      const pending = await store().pendingJobs(10);
      expect(pending.map((j) => j._id)).toEqual(['q1', 'q2', 'q3']);
      for (const j of pending.slice(0, 2)) {
        expect(j).toMatchObject({ state: 'pending', attempts: 0 });
        expect(j.parked).toBeUndefined();
        expect(j.stuckAlertedAt).toBeUndefined();
        expect(j.leaseUntil).toBeUndefined();
        expect(j.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      }
      // Running and plain pending jobs are not touched; nothing is left to requeue.
      expect(await store().countJobs('running')).toBe(1);
      expect(await store().requeueJobs({})).toEqual([]);
    });

    test('requeue of one conversation leaves the others’ failed jobs alone', async () => {
      await store().enqueue([job('qa', 'slack:acc:a', 'acc:a'), job('qb', 'slack:acc:b', 'acc:b')]);
      await store().failJob('qa', 1, 'x');
      await store().failJob('qb', 1, 'x');
      expect((await store().requeueJobs({ conversationId: 'acc:a' })).map((j) => j._id)).toEqual(['qa']);
      expect(await store().countJobs('failed')).toBe(1);
      expect((await store().pendingJobs(10)).map((j) => j._id)).toEqual(['qa']);
    });

    test('updates of an unknown job change nothing', async () => {
      await store().rescheduleJob('ghost', 1, new Date(), 'x');
      await store().failJob('ghost', 1, 'x');
      await store().parkJob('ghost', 1, parked('C1'), 'x');
      await store().completeJob('ghost');
      expect(await store().pendingJobs(10)).toEqual([]);
      expect(await store().countJobs('failed')).toBe(0);
      // Completing it recorded its key as done: the key is spent, as for any finished job.
      await store().enqueue([job('ghost')]);
      expect(await store().pendingJobs(10)).toEqual([]);
    });
  });
}
