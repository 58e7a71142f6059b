import { ProgressTicker } from '../../../../../src/services/templates/progress-ticker';

/** Waits for a state (bounded: only a hang fails). */
async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const tickers: ProgressTicker[] = [];
const unexpected: unknown[] = [];
const ticker = (tick: () => Promise<boolean>, onError: (err: unknown) => void = (err) => unexpected.push(err)) => {
  const t = new ProgressTicker(tick, 5, onError);
  tickers.push(t);
  return t;
};
afterEach(() => {
  tickers.splice(0).forEach((t) => t.stop());
  expect(unexpected.splice(0)).toEqual([]);
});

test('ticks while work is open and stops at the first tick that finds none; a wake starts it again', async () => {
  let open = 2;
  let ticks = 0;
  const t = ticker(async () => (ticks++, open-- > 0));
  t.wake();
  await until(() => !t.active, 'stopped');
  expect(ticks).toBe(3);
  open = 1;
  t.wake();
  await until(() => ticks === 5 && !t.active, 'ticked again, then stopped');
});

test('a tick that found nothing open before a wake does not stop the timer: what the wake was for is reported', async () => {
  let release!: (open: boolean) => void;
  let ticks = 0;
  const t = ticker(() => (++ticks === 1 ? new Promise<boolean>((r) => (release = r)) : Promise.resolve(false)));
  t.wake(); // start-up: nothing stored yet
  await until(() => ticks === 1, 'the first tick reads');
  t.wake(); // a bulk is stored while that read is in flight
  release(false); // the read did not see it
  await until(() => ticks >= 2, 'a later tick runs (and reports the new bulk)');
  await until(() => !t.active, 'stopped once a tick started after the wake finds nothing');
});

test('a failing tick is reported and the timer goes on', async () => {
  const errors: unknown[] = [];
  let ticks = 0;
  const t = ticker(
    async () => {
      if (++ticks === 1) throw new Error('database away');
      return false;
    },
    (err) => errors.push(err),
  );
  t.wake();
  await until(() => !t.active, 'stopped');
  expect(ticks).toBe(2);
  expect(errors).toEqual([new Error('database away')]);
});
