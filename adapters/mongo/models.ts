/** mongoose models and the indexes that make ingest idempotent and the hot lookups cheap. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { BulkRecord, ConversationRecord, MessageRecord, OutboxJob, ThreadLinkRecord, WamidRecord } from '../../src/domain/records';
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
// A customer later known only by a business-scoped user id must find their conversation.
conversationSchema.index({ accountId: 1, 'customer.userId': 1 });

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
// One thread per conversation per platform: a second thread can never be recorded.
threadLinkSchema.index({ conversationId: 1, platform: 1 }, { unique: true });

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
messageSchema.index({ wamid: 1 });

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
  },
  opts,
);
outboxSchema.index({ state: 1, seq: 1 });

interface RawWebhook {
  _id: string;
  source: string;
  body: string;
  receivedAt: Date;
}

const rawWebhookSchema = new Schema<RawWebhook>(
  { _id: String, source: String, body: String, receivedAt: Date },
  opts,
);

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
    results: { type: mixed, default: {} },
    refused: { type: mixed, default: [] },
    state: { type: String, required: true },
    progressMessageId: String,
    doneAt: Date,
  },
  // minimize: false keeps `results: {}` (an empty object) so `$set results.p…` always has a parent.
  { ...opts, minimize: false },
);
bulkSchema.index({ state: 1 });

export interface Models {
  conversations: Model<ConversationRecord>;
  threadLinks: Model<ThreadLinkRecord>;
  messages: Model<MessageRecord>;
  wamids: Model<WamidRecord>;
  outbox: Model<OutboxJob>;
  rawWebhooks: Model<RawWebhook>;
  templates: Model<TemplateRecord>;
  bulks: Model<BulkRecord>;
}

export function registerModels(conn: Connection): Models {
  return {
    conversations: conn.model('Conversation', conversationSchema, 'conversations'),
    threadLinks: conn.model('ThreadLink', threadLinkSchema, 'thread_links'),
    messages: conn.model('Message', messageSchema, 'messages'),
    wamids: conn.model('Wamid', wamidSchema, 'wamids'),
    outbox: conn.model('OutboxJob', outboxSchema, 'outbox'),
    rawWebhooks: conn.model('RawWebhook', rawWebhookSchema, 'raw_webhooks'),
    templates: conn.model('Template', templateSchema, 'templates'),
    bulks: conn.model('Bulk', bulkSchema, 'bulk_sends'),
  };
}

export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}
