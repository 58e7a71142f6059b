/**
 * The store ports (src/domain/store/) over mongoose, kept to what both MongoDB and FerretDB (the embedded default)
 * support. One file per port (conversation-store, message-store, outbox-store, template-store, bulk-send-store,
 * raw-webhook-store); this file opens them on one connection, runs the start-up migration and composes the flat `Store`.
 *
 * Query shapes allowed on a hot path (webhook ack, ingest, outbox claim and delivery, statuses, thread lookups,
 * agent replies), because FerretDB pushes down only a filter that is exactly one `_id` equality and scans the whole
 * collection for anything else (docs/architecture.md, "What the embedded database does differently"), while MongoDB answers `_id` from its always-present index:
 *  1. find / update / delete / findAndModify whose filter is exactly `{ _id: <value> }` (several of them in parallel
 *     when a batch needs several keys: never `{ _id: { $in } }`, which FerretDB scans);
 *  2. insert / insertMany of documents with natural `_id`s (a duplicate is a redelivery: a no-op);
 *  3. bulkWrite whose every operation is keyed by `{ _id }` alone (a batch of statuses);
 *  4. the one exception: the outbox worker's poll (`{state: 'pending'}` by seq) and its stale-lease release scan
 *     `outbox`, which holds live jobs only (finished ones move to `outbox_done`), so it stays small with age.
 * Lookups by another field go through a key document whose `_id` is that field (customer_keys, thread_link_keys,
 * chat_messages, wamids). Off the hot paths (start-up migrations, hourly purge, template and bulk-send lists,
 * metrics counts, saved replies and the agents' lookups of src/domain/store/lookups.ts) other filters are used; each
 * says so. Rank checks and claims are read-then-write in code under
 * in-process keyed locks, and made by one instance at a time: the delivery leader (src/services/leader.ts, whose lease
 * is insert-only by `_id`, lease-store.ts), because FerretDB's conditional updates are not atomic.
 */
import type { Connection } from 'mongoose';
import { composeStore, type Store } from '../../src/domain/store';
import { MongoBulkSendStore } from './bulk-send-store';
import { MongoConversationStore } from './conversation-store';
import { MongoLeaseStore } from './lease-store';
import { MongoMessageStore } from './message-store';
import { ensureIndexes, registerModels, type Models } from './models';
import { MongoOutboxStore } from './outbox-store';
import { MongoRawWebhookStore } from './raw-webhook-store';
import { MongoTemplateStore } from './template-store';
import { MongoLookupStore } from './lookup-store';
import { MongoSavedReplyStore } from './saved-reply-store';

/** Keys for records stored before the key documents existed: written once per database at start-up. */
const KEYS_MIGRATION = 'natural-keys-v1';

/** The flat `Store` over one MongoDB database. */
export type MongoStore = Store;

export const MongoStore = {
  /** Registers the models, creates their indexes, runs the one-time migration and returns the store. */
  async open(conn: Connection): Promise<MongoStore> {
    const m = registerModels(conn);
    await ensureIndexes(m);
    const conversations = new MongoConversationStore(m);
    await migrate(m, conversations);
    return composeStore({
      conversations,
      messages: new MongoMessageStore(m),
      outbox: new MongoOutboxStore(m),
      templates: new MongoTemplateStore(m),
      bulkSends: new MongoBulkSendStore(m),
      rawWebhooks: new MongoRawWebhookStore(m),
      savedReplies: new MongoSavedReplyStore(m),
      lookups: new MongoLookupStore(m),
      health: {
        async ping(): Promise<void> {
          if (!conn.db) throw new Error('database not connected');
          await conn.db.command({ ping: 1 });
        },
      },
      leases: new MongoLeaseStore(conn),
    });
  },
};

async function migrate(m: Models, conversations: MongoConversationStore): Promise<void> {
  if (await m.migrations.findById(KEYS_MIGRATION).lean()) return;
  await conversations.migrateKeys();
  await m.migrations.updateOne({ _id: KEYS_MIGRATION }, { $set: { doneAt: new Date() } }, { upsert: true });
}
