/** What the composition root (src/bridge.ts) takes besides the configuration, and what a started bridge offers. */
import type { ChatAdapter, ChatPlatform } from './domain/chat';
import type { Store } from './domain/store';
import type { HttpTimings } from './http/app';
import type { Metrics } from './http/metrics';
import type { Readiness } from './http/readiness';
import type { Leadership } from './services/leader';
import type { OutboxOptions, OutboxWorker } from './services/outbox';
import type { BulkSends } from './services/templates/bulk';
import type { TemplateSender } from './services/templates/send-command';
import type { TemplateSync } from './services/templates/sync';
import type { TokenIncidents } from './services/whatsapp-token';

export interface BridgeOptions {
  /** Database name (tests give each file its own). */
  dbName?: string;
  /** Faster polling and backoff in tests and the demo. */
  outbox?: Partial<OutboxOptions>;
  /** Per chat platform, the wait between start-up attempts while it cannot be reached (tests shorten it). */
  startRetryMs?: Partial<Record<ChatPlatform, number>>;
  /** Called when the bridge cannot go on (e.g. a refused Slack token found after start-up). */
  onFatal?: (err: Error) => void;
  /** Deadlines of the HTTP routes while the database is away (tests shorten or lengthen them). */
  http?: Partial<HttpTimings>;
  /** Tests: smaller template pages, a shorter pair-rate gap, faster bulk progress, no sync at start-up. */
  templates?: { pageSize?: number; pairIntervalMs?: number; progressMs?: number; syncOnStart?: boolean };
  /** The delivery lease's silence before a takeover (src/services/leader.ts; tests shorten it). */
  leaderTtlMs?: number;
  /** The clock of the 24-hour window checks (agent replies, automatic messages, the window reminder): tests set it instead of waiting. */
  now?: () => Date;
}

export interface RunningBridge {
  url: string;
  port: number;
  store: Store;
  metrics: Metrics;
  outbox: OutboxWorker;
  /** Whether this instance delivers (holds the delivery lease). */
  leadership: Leadership;
  chats: Partial<Record<ChatPlatform, ChatAdapter>>;
  /** Resolves when every configured chat adapter is connected. */
  adaptersStarted: Promise<void>;
  /** `ok` (/readyz's status) is whether webhooks can be taken (the database); each side's health is in the rest. */
  ready(): Promise<Readiness>;
  /** Meta refusing a WhatsApp token: the open incidents. */
  tokens: TokenIncidents;
  stop(): Promise<void>;
  templates?: { sync: TemplateSync; sender: TemplateSender; bulk: BulkSends };
}
