/** mongoose models and the indexes that make ingest idempotent and the hot lookups cheap. */
import { Schema, type Connection } from 'mongoose';
import type { BulkRecord, BulkResult, ConversationRecord, MessageRecord, OutboxJob, ThreadLinkRecord, WamidRecord } from '../../src/domain/records';
import type { SavedReplyRecord } from '../../src/domain/store/saved-replies';
import type { TemplateRecord } from '../../src/domain/templates';

const mixed = Schema.Types.Mixed;
const opts = { versionKey: false, strict: false } as const;

const conversationSchema = new Schema<ConversationRecord>(
  {
    _id: String,
    accountId: { type: String, required: true },
    customer: { waId: String, userId: String, name: String },
    createdAt: { type: Date, required: true },
    lastInboundAt: Date,
    lastAgentReplyAt: Date,
    participants: { type: mixed, default: [] },
  },
  opts,
);

/**
 * `${accountId}:${userId}` → the conversation of a customer who also has a wa_id: a customer later known only by
 * their business-scoped user id finds it with one `_id` lookup (a query on `customer.userId` would scan on FerretDB).
 */
export interface CustomerKey {
  _id: string;
  conversationId: string;
}
const customerKeySchema = new Schema<CustomerKey>({ _id: String, conversationId: { type: String, required: true } }, opts);

const threadLinkSchema = new Schema<ThreadLinkRecord>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    platform: { type: String, required: true },
    channelId: { type: String, required: true },
    threadId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastMentionAt: Date,
  },
  opts,
);
// One thread per conversation per platform: a second thread can never be recorded. (Lookups go through the keys below.)
threadLinkSchema.index({ conversationId: 1, platform: 1 }, { unique: true });

/** `${conversationId}:${platform}` → the `_id` of its thread link: the delivery path finds the thread by `_id`. */
export interface ThreadLinkKey {
  _id: string;
  linkId: string;
}
const threadLinkKeySchema = new Schema<ThreadLinkKey>({ _id: String, linkId: { type: String, required: true } }, opts);

const messageSchema = new Schema<MessageRecord>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    direction: { type: String, required: true },
    createdAt: { type: Date, required: true },
    wamid: String,
    content: mixed,
    origin: mixed,
    text: String,
    state: String,
    stateAt: Date,
    failure: mixed,
    mirrors: { type: mixed, default: [] },
  },
  opts,
);
messageSchema.index({ conversationId: 1, createdAt: 1 });
// The export command's pages (src/domain/store/messages.ts): a time range by createdAt then _id.
messageSchema.index({ createdAt: 1, _id: 1 });
// No index on `wamid`: an outbound message is found from its wamid through the `wamids` document (by `_id`).

/** `${platform}:${channelId}:${chatMessageId}` → the message the bridge posted there (reactions find their message). */
interface ChatMessagePointer {
  _id: string;
  messageId: string;
}
const chatMessageSchema = new Schema<ChatMessagePointer>({ _id: String, messageId: { type: String, required: true } }, opts);

const wamidSchema = new Schema<WamidRecord>(
  { _id: String, messageId: String, status: String, rank: { type: Number, default: 0 }, error: mixed, at: Date },
  opts,
);

const outboxSchema = new Schema<OutboxJob>(
  {
    _id: String,
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    lane: { type: String, required: true },
    dedupeKey: { type: String, required: true },
    payload: mixed,
    state: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    lastError: String,
    leaseUntil: Date,
    notBefore: Date,
  },
  opts,
);
outboxSchema.index({ state: 1, seq: 1 });

/**
 * Finished jobs leave the outbox for this collection: their `_id` (the dedupe key) keeps a redelivered
 * webhook from enqueueing the same delivery again, while the outbox itself holds only live work, so the
 * worker's poll stays small however long the bridge has run.
 */
interface DoneJob {
  _id: string;
  doneAt: Date;
}
const doneJobSchema = new Schema<DoneJob>({ _id: String, doneAt: { type: Date, required: true } }, opts);
doneJobSchema.index({ doneAt: 1 });

interface RawWebhook {
  _id: string;
  source: string;
  body: string;
  receivedAt: Date;
}

const rawWebhookSchema = new Schema<RawWebhook>({ _id: String, source: String, body: String, receivedAt: Date }, opts);
// The replay command's pages (src/domain/store/raw-webhooks.ts): a time range by receivedAt then _id.
rawWebhookSchema.index({ receivedAt: 1, _id: 1 });

/** One-time data migrations already run on this database (`_id` names the migration). */
interface MigrationDoc {
  _id: string;
  doneAt: Date;
}
const migrationSchema = new Schema<MigrationDoc>({ _id: String, doneAt: Date }, opts);

const templateSchema = new Schema<TemplateRecord>(
  {
    // `${wabaId}:${name}:${language}`: one document per name × language, so two languages never collide.
    _id: String,
    wabaId: { type: String, required: true },
    name: { type: String, required: true },
    language: { type: String, required: true },
    metaId: String,
    category: String,
    status: { type: String, required: true },
    quality: String,
    rejectionReason: String,
    parameterFormat: { type: String, required: true },
    components: { type: mixed, default: [] },
    syncedAt: Date,
    updatedAt: Date,
  },
  opts,
);
templateSchema.index({ wabaId: 1, name: 1 });

const bulkSchema = new Schema<BulkRecord>(
  {
    _id: String,
    accountId: { type: String, required: true },
    template: mixed,
    createdBy: mixed,
    channel: mixed,
    createdAt: { type: Date, required: true },
    recipients: { type: mixed, default: [] },
    refused: { type: mixed, default: [] },
    state: { type: String, required: true },
    progressMessageId: String,
    doneAt: Date,
  },
  opts,
);
bulkSchema.index({ state: 1 });

/**
 * One recipient's outcome, a document of its own: results arrive concurrently, and FerretDB applies updates to one
 * document as read-modify-write, so `$set results.<phone>` on the bulk itself could lose some.
 */
export interface BulkResultDoc extends BulkResult {
  /** `${bulkId}:${phone}`. */
  _id: string;
  bulkId: string;
  phone: string;
}

const bulkResultSchema = new Schema<BulkResultDoc>(
  {
    _id: String,
    bulkId: { type: String, required: true },
    phone: { type: String, required: true },
    state: { type: String, required: true },
    reason: String,
    wamid: String,
    at: Date,
  },
  opts,
);
bulkResultSchema.index({ bulkId: 1 });

const savedReplySchema = new Schema<SavedReplyRecord>(
  {
    _id: String,
    scope: { type: String, required: true },
    name: { type: String, required: true },
    text: { type: String, required: true },
    savedBy: mixed,
    savedAt: { type: Date, required: true },
  },
  opts,
);

/** The models, typed by what mongoose infers from each schema (virtuals included, e.g. `id`). */
export type Models = ReturnType<typeof registerModels>;

export function registerModels(conn: Connection) {
  return {
    conversations: conn.model('Conversation', conversationSchema, 'conversations'),
    customerKeys: conn.model('CustomerKey', customerKeySchema, 'customer_keys'),
    threadLinks: conn.model('ThreadLink', threadLinkSchema, 'thread_links'),
    threadLinkKeys: conn.model('ThreadLinkKey', threadLinkKeySchema, 'thread_link_keys'),
    migrations: conn.model('Migration', migrationSchema, 'migrations'),
    messages: conn.model('Message', messageSchema, 'messages'),
    wamids: conn.model('Wamid', wamidSchema, 'wamids'),
    chatMessages: conn.model('ChatMessage', chatMessageSchema, 'chat_messages'),
    outbox: conn.model('OutboxJob', outboxSchema, 'outbox'),
    doneJobs: conn.model('DoneJob', doneJobSchema, 'outbox_done'),
    rawWebhooks: conn.model('RawWebhook', rawWebhookSchema, 'raw_webhooks'),
    templates: conn.model('Template', templateSchema, 'templates'),
    bulks: conn.model('Bulk', bulkSchema, 'bulk_sends'),
    bulkResults: conn.model('BulkResult', bulkResultSchema, 'bulk_results'),
    savedReplies: conn.model('SavedReply', savedReplySchema, 'saved_replies'),
  };
}

export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}
