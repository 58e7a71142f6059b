/**
 * The conformance drivers with what a scheduled behaviour needs (test/flow/window-reminder.test.ts): the bridge's clock
 * set by the test (BridgeOptions.now) instead of waiting a day, the store to wait for the outbox to settle, and a
 * restart of the bridge on the same database and the same platform fakes.
 */
import { startBridge, type BridgeOptions, type RunningBridge } from '../../../src/bridge';
import type { Store } from '../../../src/domain/store';
import { createLogger } from '../../../src/logger';
import { uniqueDbName } from '../mongo';
import { DiscordDriver } from './discord-driver';
import type { ChatSideDriver } from './driver';
import { SlackDriver } from './slack-driver';

export interface Clocked {
  /** The bridge's time from now on (unset: the real time). */
  setClock(at: Date | undefined): void;
  readonly store: Store;
  /** Stops the bridge and starts a new one on the same database and fakes (webhooks are not taken after it: tests only watch). */
  restart(): Promise<void>;
}

export type ClockedDriver = ChatSideDriver & Clocked;

const OUTBOX = { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000 };

class Clock {
  at?: Date;
  readonly options: BridgeOptions = { dbName: uniqueDbName('clocked'), outbox: OUTBOX, startRetryMs: { slack: 100 }, now: () => this.at ?? new Date() };
}

/** Starts another bridge on `h`'s database and fakes in place of `h.bridge`, and makes `h.close` stop it too. */
async function restartOn<H extends { bridge: RunningBridge; config: Parameters<typeof startBridge>[0]; close(): Promise<void> }>(
  h: H,
  clock: Clock,
): Promise<H> {
  await h.bridge.stop();
  const again = await startBridge(h.config, createLogger('silent'), clock.options);
  await again.adaptersStarted;
  return {
    ...h,
    bridge: again,
    close: async () => {
      await again.stop();
      await h.close();
    },
  };
}

export class ClockedSlackDriver extends SlackDriver implements Clocked {
  private readonly clock = new Clock();
  protected override readonly harnessOptions = { bridge: this.clock.options };
  setClock(at: Date | undefined): void {
    this.clock.at = at;
  }
  get store(): Store {
    return this.h!.bridge.store;
  }
  async restart(): Promise<void> {
    this.h = await restartOn(this.h!, this.clock);
  }
}

export class ClockedDiscordDriver extends DiscordDriver implements Clocked {
  private readonly clock: Clock;
  constructor() {
    const clock = new Clock();
    super({ bridge: clock.options });
    this.clock = clock;
  }
  setClock(at: Date | undefined): void {
    this.clock.at = at;
  }
  get store(): Store {
    return this.h!.bridge.store;
  }
  async restart(): Promise<void> {
    this.h = await restartOn(this.h!, this.clock);
  }
}
