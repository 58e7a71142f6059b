/**
 * The persistence ports, one per record kind, and `Store`: all of them at once, as one flat object.
 *
 * A service depends on the ports it uses (`constructor(store: OutboxStore & MessageStore)`); the composition root
 * passes the one `Store`, which satisfies every port, so narrowing a dependency changes no call site. Flat rather
 * than `store.outbox.enqueue(…)`: every call site keeps reading `store.enqueue(…)`, and a backend is still written
 * per port (adapters/mongo/*-store.ts, adapters/memory/*-store.ts) and assembled by `composeStore`.
 * Adding a backend: implement each port, `composeStore` the parts, and run test/contract/*.contract.ts against it.
 */
import { BULK_SEND_STORE_METHODS, type BulkSendStore } from './bulk-sends';
import { CONVERSATION_STORE_METHODS, type ConversationStore } from './conversations';
import { STORE_HEALTH_METHODS, type StoreHealth } from './health';
import { LEASE_STORE_METHODS, type LeaseStore } from './leases';
import { MESSAGE_STORE_METHODS, type MessageStore } from './messages';
import { OUTBOX_STORE_METHODS, type OutboxStore } from './outbox';
import { RAW_WEBHOOK_STORE_METHODS, type RawWebhookStore } from './raw-webhooks';
import { TEMPLATE_STORE_METHODS, type TemplateStore } from './templates';
import { SAVED_REPLY_STORE_METHODS, type SavedReplyStore } from './saved-replies';
import { LOOKUP_STORE_METHODS, type LookupStore } from './lookups';

export type { BulkSendStore } from './bulk-sends';
export type { ConversationStore } from './conversations';
export type { StoreHealth } from './health';
export { leaseId, type LeaderLease, type LeaseStore } from './leases';
export type { MessageStore, StatusApplied } from './messages';
export { PARKED_UNTIL, type EnqueueOptions, type OutboxStore } from './outbox';
export type { RawWebhookStore, StoredWebhook } from './raw-webhooks';
export { allPages, type TimePage } from './pages';
export type { TemplateStore } from './templates';
export { savedReplyId, type SavedReplyRecord, type SavedReplyStore } from './saved-replies';
export type { ConversationSearch, LookupStore } from './lookups';

/** One implementation of each port: what a backend provides. */
export interface StoreParts {
  conversations: ConversationStore;
  messages: MessageStore;
  outbox: OutboxStore;
  templates: TemplateStore;
  bulkSends: BulkSendStore;
  rawWebhooks: RawWebhookStore;
  health: StoreHealth;
  savedReplies: SavedReplyStore;
  lookups: LookupStore;
  leases: LeaseStore;
}

export type Store = ConversationStore &
  MessageStore &
  OutboxStore &
  TemplateStore &
  BulkSendStore &
  RawWebhookStore &
  StoreHealth &
  LeaseStore &
  SavedReplyStore &
  LookupStore;

/** Every port's method names (the ports share none: `Store` is flat). */
export const STORE_PORT_METHODS: { [P in keyof StoreParts]: (keyof StoreParts[P] & string)[] } = {
  conversations: CONVERSATION_STORE_METHODS,
  messages: MESSAGE_STORE_METHODS,
  outbox: OUTBOX_STORE_METHODS,
  templates: TEMPLATE_STORE_METHODS,
  bulkSends: BULK_SEND_STORE_METHODS,
  rawWebhooks: RAW_WEBHOOK_STORE_METHODS,
  health: STORE_HEALTH_METHODS,
  savedReplies: SAVED_REPLY_STORE_METHODS,
  lookups: LOOKUP_STORE_METHODS,
  leases: LEASE_STORE_METHODS,
};

/** The flat `Store` over one implementation per port: each method bound to its part (callers may pass it around detached). */
export function composeStore(parts: StoreParts): Store {
  const store: Record<string, unknown> = {};
  for (const port of Object.keys(STORE_PORT_METHODS) as (keyof StoreParts)[]) {
    const part = parts[port] as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of STORE_PORT_METHODS[port]) {
      if (name in store) throw new Error(`two store ports name a method ${name}`);
      const method = part[name];
      if (typeof method !== 'function') throw new Error(`the ${port} store has no method ${name}`);
      store[name] = method.bind(part);
    }
  }
  return store as unknown as Store;
}
