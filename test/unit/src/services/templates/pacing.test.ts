/** Pacing of template sends. */
import { SendPacer } from '../../../../../src/services/templates/pacing';

describe('SendPacer', () => {
  /** A virtual clock: sleeping advances it, so the schedule is exact. */
  function clock() {
    let t = 0;
    const log: number[] = [];
    return { now: () => t, sleep: async (ms: number) => void (t += ms), log, at: () => t };
  }

  test('throughput: sends from one number are spaced 1000/rate ms apart', async () => {
    const c = clock();
    const pacer = new SendPacer({ perSecond: () => 4, pairIntervalMs: 6000, now: c.now, sleep: c.sleep });
    const times: number[] = [];
    for (const to of ['a', 'b', 'c', 'd', 'e']) {
      await pacer.acquire('n1', to);
      times.push(c.at());
    }
    expect(times).toEqual([0, 250, 500, 750, 1000]);
  });

  test('pair rate: the same customer waits 6 s; another number is not held up by it', async () => {
    const c = clock();
    const pacer = new SendPacer({ perSecond: () => 80, pairIntervalMs: 6000, now: c.now, sleep: c.sleep });
    await pacer.acquire('n1', 'a');
    await pacer.acquire('n1', 'a');
    expect(c.at()).toBe(6000);
    await pacer.acquire('n2', 'a');
    expect(c.at()).toBe(6000);
  });

  test('concurrent callers each get their own slot', async () => {
    const t = 0;
    const waits: number[] = [];
    const pacer = new SendPacer({ perSecond: () => 10, pairIntervalMs: 6000, now: () => t, sleep: async (ms) => void waits.push(ms) });
    await Promise.all(['a', 'b', 'c'].map((to) => pacer.acquire('n1', to)));
    expect(waits).toEqual([100, 200]);
  });
});
