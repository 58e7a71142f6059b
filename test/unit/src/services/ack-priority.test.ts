import { AckPriority, gatedStore } from '../../../../src/services/ack-priority';

/** A call that stays open until `finish()`; `started` says whether it began. */
function openCall() {
  let finish!: () => void;
  const state = { started: false };
  const call = () =>
    new Promise<string>((resolve) => {
      state.started = true;
      finish = () => resolve('done');
    });
  return { call, state, finish: () => finish() };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('AckPriority', () => {
  test('background calls run at once while no acknowledgement waits', async () => {
    const p = new AckPriority(1);
    const calls = [openCall(), openCall(), openCall()];
    const running = p.background(() => calls.map((c) => p.gate(c.call)));
    await flush();
    expect(calls.map((c) => c.state.started)).toEqual([true, true, true]);
    calls.forEach((c) => c.finish());
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
  });

  test('while an acknowledgement waits, background calls go one at a time, never none; all go once it is written', async () => {
    const p = new AckPriority(1);
    const ack = openCall();
    const acked = p.foreground(ack.call);
    const calls = [openCall(), openCall(), openCall()];
    const running = p.background(() => calls.map((c) => p.gate(c.call)));
    await flush();
    expect(calls.map((c) => c.state.started)).toEqual([true, false, false]);
    expect(p.waiting()).toBe(2);
    calls[0]!.finish(); // the one in flight ends: the next one goes (delivery is slowed, not stopped)
    await flush();
    expect(calls.map((c) => c.state.started)).toEqual([true, true, false]);
    ack.finish(); // no acknowledgement waits any more: the rest go together
    await acked;
    await flush();
    expect(calls[2]!.state.started).toBe(true);
    calls.slice(1).forEach((c) => c.finish());
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
  });

  test('calls outside the background context (webhooks, Slack events) never wait', async () => {
    const p = new AckPriority(1);
    const ack = openCall();
    const acked = p.foreground(ack.call);
    const held = openCall();
    const bg = p.background(() => p.gate(held.call));
    const other = openCall();
    const direct = p.gate(other.call);
    await flush();
    expect(other.state.started).toBe(true);
    other.finish();
    held.finish();
    ack.finish();
    await Promise.all([acked, bg, direct]);
  });

  test('an acknowledgement that fails still opens the gate', async () => {
    const p = new AckPriority(1);
    const hold = openCall();
    const failed = p.foreground(() => Promise.reject(new Error('database away'))).catch((e: Error) => e.message);
    const first = p.background(() => p.gate(hold.call));
    expect(await failed).toBe('database away');
    const next = openCall();
    const second = p.background(() => p.gate(next.call));
    await flush();
    expect(next.state.started).toBe(true);
    hold.finish();
    next.finish();
    await Promise.all([first, second]);
  });

  test('gatedStore passes every method call and its outcome through, in the caller context', async () => {
    const p = new AckPriority(1);
    const store = {
      label: 'store',
      async double(n: number) {
        return n * 2;
      },
      async fail(): Promise<never> {
        throw new Error('refused');
      },
    };
    const gated = gatedStore(store, p);
    expect(gated.label).toBe('store');
    expect(await gated.double(21)).toBe(42);
    await expect(gated.fail()).rejects.toThrow('refused');
    const ack = openCall();
    const acked = p.foreground(ack.call);
    const held = openCall();
    const first = p.background(() => p.gate(held.call));
    const second = p.background(() => gated.double(2));
    await flush();
    expect(p.waiting()).toBe(1); // the store call queued behind the one in flight
    held.finish();
    expect(await second).toBe(4);
    ack.finish();
    await Promise.all([acked, first]);
  });
});
