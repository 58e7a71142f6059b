/**
 * The store in memory: one implementation per port (beside the Mongo one in adapters/mongo/), composed into the same
 * flat `Store`. For fast unit tests of the services and for the contract suites (test/contract/), which run the same
 * assertions against both, so the two keep one meaning. Nothing survives the process: not for production.
 */
import { composeStore, type Store } from '../../src/domain/store';
import { MemoryBulkSendStore } from './bulk-send-store';
import { MemoryConversationStore } from './conversation-store';
import { MemoryLeaseStore } from './lease-store';
import { MemoryMessageStore } from './message-store';
import { MemoryOutboxStore } from './outbox-store';
import { MemoryRawWebhookStore } from './raw-webhook-store';
import { MemoryTemplateStore } from './template-store';
import { MemoryLookupStore } from './lookup-store';
import { MemorySavedReplyStore } from './saved-reply-store';

export type { ArchivedWebhook } from './raw-webhook-store';

export type MemoryStore = Store & {
  /** The raw-webhook archive's whole contents, whatever the source (for tests). */
  archivedWebhooks(): ReturnType<MemoryRawWebhookStore['archived']>;
};

export function createMemoryStore(): MemoryStore {
  const rawWebhooks = new MemoryRawWebhookStore();
  const conversations = new MemoryConversationStore();
  const messages = new MemoryMessageStore();
  const store = composeStore({
    conversations,
    messages,
    outbox: new MemoryOutboxStore(),
    templates: new MemoryTemplateStore(),
    bulkSends: new MemoryBulkSendStore(),
    rawWebhooks,
    health: { ping: async () => undefined },
    savedReplies: new MemorySavedReplyStore(),
    lookups: new MemoryLookupStore(conversations, messages),
    leases: new MemoryLeaseStore(),
  });
  return { ...store, archivedWebhooks: () => rawWebhooks.archived() };
}
