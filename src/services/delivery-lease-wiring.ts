/**
 * What the delivery lease (src/services/leader.ts) switches on and off in one bridge: the outbox worker, the
 * session-bound chat connections (Discord's gateway, which hands every event to every session), resuming bulk sends
 * and the periodic template sync. The composition root (src/bridge.ts) builds one early, since metrics, readiness and
 * the worker ask it whether this instance delivers, and `attach`es what it starts once those exist.
 */
import type { ChatAdapter, ChatPlatform } from '../domain/chat';
import type { LeaseStore } from '../domain/store';
import type { Logger } from '../logger';
import { Deposed, Leadership } from './leader';
import type { OutboxWorker } from './outbox';
import type { BulkSends } from './templates/bulk';
import type { TemplateSync } from './templates/sync';

/** What runs only on the instance holding the lease. */
export interface LeaderParts {
  outbox: OutboxWorker;
  templateSync: TemplateSync;
  bulkSends: BulkSends;
  chats: Partial<Record<ChatPlatform, ChatAdapter>>;
}

export interface DeliveryLeaseOptions {
  /** The silence before a takeover (tests shorten it). */
  ttlMs?: number;
  /** Minutes between template syncs; `undefined`: no periodic sync (tests). */
  syncMinutes?: number;
  /** Deposed: the process must exit so its supervisor restarts it as a follower. */
  onFatal?: (err: Error) => void;
  /** Runs the outbox's start as background work (src/services/ack-priority.ts: its store calls yield to webhooks). */
  background?: (work: () => Promise<void>) => Promise<void>;
}

export class DeliveryLease {
  readonly leadership: Leadership;
  private parts?: LeaderParts;
  private startSessions!: () => void;
  private readonly sessionsWanted = new Promise<void>((r) => (this.startSessions = r));

  constructor(store: LeaseStore, log: Logger, options: DeliveryLeaseOptions) {
    // A lone instance wins the lease before `start()` resolves; another waits for the holder to go.
    this.leadership = new Leadership(
      store,
      log,
      {
        onLead: async () => {
          const p = this.attached();
          await (options.background ?? ((work) => work()))(() => p.outbox.start());
          this.startSessions();
          if (options.syncMinutes !== undefined) p.templateSync.start(options.syncMinutes);
          await p.bulkSends.resume();
        },
        onDeposed: (epoch) => {
          void this.parts?.outbox.stop();
          // Connections it cannot reopen (Discord's gateway) are dropped by exiting: the supervisor restarts it as a follower.
          options.onFatal?.(new Deposed(epoch));
        },
      },
      options.ttlMs,
    );
  }

  /** What the lease starts, once built (before `start`). */
  attach(parts: LeaderParts): void {
    this.parts = parts;
  }

  /**
   * Starts the chat adapters: those that are not session-bound now, the session-bound ones when this instance wins
   * the lease. Resolves when all are connected.
   */
  startAdapters(): Promise<void> {
    const chats = Object.values(this.attached().chats);
    const sessions = this.sessionsWanted.then(() => Promise.all(chats.flatMap((c) => (c.sessionBound ? [c.start()] : []))));
    return Promise.all([...chats.flatMap((c) => (c.sessionBound ? [] : [c.start()])), sessions]).then(() => undefined);
  }

  /** The first round: a lone instance leads (and starts delivering) before this resolves. */
  start(): Promise<void> {
    return this.leadership.start();
  }

  /**
   * Stops delivering and gives the lease up: the rounds stop, the sync stops, the deliveries in flight finish, and only
   * then is the lease released, so the next instance takes over at once (a rolling deploy's SIGTERM) and repeats nothing.
   */
  async stop(): Promise<void> {
    const p = this.attached();
    await this.leadership.stop();
    p.templateSync.stop();
    await p.outbox.stop();
    await this.leadership.release();
  }

  private attached(): LeaderParts {
    if (!this.parts) throw new Error('DeliveryLease: attach() before start()');
    return this.parts;
  }
}
