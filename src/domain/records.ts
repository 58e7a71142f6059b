/** What the bridge persists. Natural keys make every ingest idempotent (unique `_id`s do the dedup). */
import type { ChatPlatform } from './platform';
import type { ChatPost } from './chat/adapter';
import type { MediaKind, MessageContent } from './content';
import type { CustomerRef, DeliveryStatus, WhatsAppErrorInfo } from './whatsapp';
import type { FailureExplanation } from './errors';
import type { TemplateMessage } from './templates';
import type { AgentFile } from './media';
import type { AutomaticAnswer, AutomaticKind } from './automatic';
import type { ConversationRoute } from './menu';
import type { InteractiveMessage } from './interactive';

export interface Participant {
  platform: ChatPlatform;
  userId: string;
  name?: string;
  /** When they last replied, or when they were added (`/wa add`) for people who have not replied yet. */
  lastReplyAt: Date;
}

/** A person on a chat platform (an owner, who closed a conversation). */
export interface AgentRef {
  platform: ChatPlatform;
  userId: string;
  name?: string;
}

/**
 * Where a conversation stands (services/lifecycle/): `open` (nobody owns it), `owned` (claimed or assigned), `closed`
 * (resolved; the customer writing again reopens it). A record without `state` is `open` (stored before states existed).
 */
export type ConversationState = 'open' | 'owned' | 'closed';

/** The lifecycle fields of a conversation, written together by ConversationStore.updateLifecycle. */
export interface ConversationLifecycle {
  state?: ConversationState;
  owner?: AgentRef | null;
  /** When the current owner took it: a new customer turn for the notify rule (services/notify.ts). */
  ownedAt?: Date | null;
  closedAt?: Date | null;
  closedBy?: AgentRef | null;
  /** When the customer's message reopened it: that message notifies as a new conversation's would. */
  reopenedAt?: Date | null;
  /** The threads it had before the customer's message reopened it in new ones (linked from the new threads' cards). */
  previousThreads?: Partial<Record<ChatPlatform, { channelId: string; threadId: string }>> | null;
  /** Where the first-contact menu routed it (services/automation/menu.ts): another account's channels, or a label. */
  route?: ConversationRoute | null;
}

export interface ConversationRecord {
  /** `${accountId}:${waId ?? userId}`. */
  _id: string;
  accountId: string;
  customer: CustomerRef;
  createdAt: Date;
  /** The customer's last message: the 24-hour service window runs from here. */
  lastInboundAt?: Date;
  lastAgentReplyAt?: Date;
  participants: Participant[];
  state?: ConversationState;
  owner?: AgentRef;
  ownedAt?: Date;
  closedAt?: Date;
  closedBy?: AgentRef;
  reopenedAt?: Date;
  previousThreads?: Partial<Record<ChatPlatform, { channelId: string; threadId: string }>>;
  /** Where the first-contact menu routed it: its threads live in that account's channels (Accounts.chatAccountOf). */
  route?: ConversationRoute;
}

export interface ThreadLinkRecord {
  /** `${platform}:${channelId}:${threadId}`: lets an agent's reply find its conversation in one lookup. */
  _id: string;
  conversationId: string;
  platform: ChatPlatform;
  channelId: string;
  threadId: string;
  createdAt: Date;
  lastMentionAt?: Date;
  /** The message that opens the thread, kept up to date as the conversation's card (Slack: the root, = threadId). */
  rootMessageId?: string;
  /** A digest of the card last shown there: an unchanged card is not edited again. */
  cardShown?: string;
  /** Set when a newer thread replaced this one (the customer wrote long after the conversation was closed). */
  retiredAt?: Date;
}

export interface ChatLocation {
  platform: ChatPlatform;
  channelId: string;
  threadId: string;
  messageId: string;
}

export type OutboundState = 'queued' | 'accepted' | DeliveryStatus;

export interface MessageRecord {
  /** Inbound: `wa:${wamid}`. Outbound: `${platform}:${channelId}:${messageId}` of the agent's message. */
  _id: string;
  conversationId: string;
  /** `internal`: an agent's message kept in the thread, never sent (src/services/internal-notes.ts). */
  direction: 'inbound' | 'outbound' | 'internal';
  createdAt: Date;
  wamid?: string;
  /** Inbound only. */
  content?: MessageContent;
  /** Outbound only: who wrote it, where. */
  origin?: ChatLocation & { authorId: string; authorName?: string };
  text?: string;
  state?: OutboundState;
  stateAt?: Date;
  failure?: FailureExplanation & { retryable: boolean };
  /** Where this message was posted by the bridge (customer messages; agents' messages mirrored to the other side). */
  mirrors: ChatLocation[];
  /** Outbound templates: which one, and who sent it with `/wa template` (there is no chat message of theirs). */
  template?: { name: string; language: string };
  sentBy?: { platform: ChatPlatform; userId: string; name?: string };
  /** Outbound: a file an agent shared, sent as its own WhatsApp message (`mediaId` once uploaded to Meta). */
  file?: { name: string; mimeType: string; size: number; kind: MediaKind; mediaId?: string };
  /** Outbound: the `_id` of the first part of the agent's message, when one chat message became several sends (long text, files). */
  partOf?: string;
  /** Outbound, on the first part: the `_id`s of the other parts in order; its chat message shows their combined status. */
  parts?: string[];
  /** Outbound with `parts`: the combined status shown on the chat message, per platform (what to take off when it changes). */
  shownStatus?: Partial<Record<ChatPlatform, DeliveryStatus>>;
  /** The customer's reaction on this message as shown on each platform ('' once removed): replaced when they change it. */
  customerReaction?: Partial<Record<ChatPlatform, string>>;
  /** The reaction agents last sent to WhatsApp on this (customer's) message ('' once removed). */
  agentReaction?: string;
  /** Outbound: the text WhatsApp accepted, recorded by the send (what the customer sees, whatever was edited since). */
  sentText?: string;
  /** Outbound: when the agent last edited or deleted their chat message (src/services/inbound/agent-edit.ts). */
  editedAt?: Date;
  deletedAt?: Date;
  /** Outbound: a message the bridge sent by itself (services/automation/), and the rule that fired it. */
  automatic?: { kind: AutomaticKind; rule?: string };
  /** Outbound: reply buttons or a list an agent sent (`text` is its body: what a customer's tap on it quotes). */
  interactive?: InteractiveMessage;
}

export interface WamidRecord {
  /** The wamid. A status may arrive before the send's response is recorded, so either side can create it. */
  _id: string;
  messageId?: string;
  status?: DeliveryStatus;
  rank: number;
  error?: WhatsAppErrorInfo;
  at?: Date;
}

export type JobKind =
  | 'ingest'
  | 'chat.post'
  | 'chat.status'
  | 'chat.notice'
  | 'chat.channel_notice'
  | 'chat.react'
  | 'chat.card'
  | 'chat.window_reminder'
  | 'whatsapp.send'
  | 'whatsapp.send_template'
  | 'whatsapp.send_media'
  | 'whatsapp.react'
  | 'whatsapp.send_auto'
  | 'whatsapp.send_interactive'
  | 'chat.route'
  | 'automation.menu_fallback';

export interface JobPayloads {
  /**
   * Decoded webhook events, persisted before the webhook is acknowledged and applied by the worker (services/outbox/handlers/ingest.ts):
   * one job per customer (their messages, in order), one for the batch's statuses. `events` is their JSON (one string:
   * FerretDB stores a string in one step, where the subdocuments of a thousand statuses cost it most of a second).
   */
  ingest: { events: string };
  /** A message mirrored into a conversation's thread; `notify` applies the notify-users rule (customer messages). */
  'chat.post': { platform: ChatPlatform; conversationId: string; messageId: string; post: ChatPost; notify: boolean };
  'chat.status': { platform: ChatPlatform; messageId: string; status: DeliveryStatus; previous?: DeliveryStatus; error?: WhatsAppErrorInfo };
  'chat.notice': { platform: ChatPlatform; conversationId: string; body: string };
  'chat.channel_notice': { platform: ChatPlatform; channelId: string; body: string };
  /** The bridge's reaction on a person's message in a thread (🔒: kept internal); `otherwise` is posted when the platform cannot show it. */
  'chat.react': { platform: ChatPlatform; channelId: string; threadId: string; messageId: string; emoji: string; otherwise: string };
  /**
   * The conversation's card brought up to date on its thread's opening message (services/present/card.ts), and with
   * `thread` the thread shown closed or open again (services/lifecycle/). Reads the conversation when it runs.
   */
  'chat.card': { platform: ChatPlatform; conversationId: string; thread?: 'closed' | 'open' };
  /** The window reminder of an unanswered customer message (scheduled: `notBefore`; handlers/chat-window-reminder.ts). */
  'chat.window_reminder': { platform: ChatPlatform; conversationId: string; messageId: string };
  'whatsapp.send': { conversationId: string; messageId: string; accountId: string; to: CustomerRef; text: string; replyToWamid?: string };
  /** One file an agent shared (fetched from `platform`, uploaded to Meta, sent as `kind`); `caption` rides on it. */
  'whatsapp.send_media': {
    conversationId: string;
    messageId: string;
    accountId: string;
    to: CustomerRef;
    platform: ChatPlatform;
    file: AgentFile;
    kind: MediaKind;
    caption?: string;
  };
  /** An agent's reaction on a customer's message; `emoji: ''` removes it. */
  'whatsapp.react': { conversationId: string; accountId: string; to: CustomerRef; targetWamid: string; emoji: string; platform: ChatPlatform };
  /** An automatic message (away, greeting, keyword reply), its record already stored under `messageId`. */
  'whatsapp.send_auto': {
    conversationId: string;
    messageId: string;
    accountId: string;
    to: CustomerRef;
    kind: AutomaticKind;
    rule?: string;
    answer: AutomaticAnswer;
  };
  /** Reply buttons or a list an agent sent from the thread (services/interactive/), its record stored under `messageId`. */
  'whatsapp.send_interactive': { conversationId: string; messageId: string; accountId: string; to: CustomerRef; message: InteractiveMessage };
  /**
   * The conversation's thread on `platform` follows its route (ConversationRoute, read when it runs): moved to the
   * routed account's channel when that differs (a new thread linking back, a line in the old one), else a line saying
   * which choice was made (services/outbox/handlers/chat-route.ts).
   */
  'chat.route': { platform: ChatPlatform; conversationId: string };
  /** The menu left unanswered: its default route applies if nothing was chosen by the time it runs (a delayed job). */
  'automation.menu_fallback': { conversationId: string; accountId: string; menuMessageId: string };
  /** A checked template send (`/wa template`); `bulk` when it is one recipient of a bulk send. */
  'whatsapp.send_template': {
    conversationId: string;
    messageId: string;
    accountId: string;
    to: CustomerRef;
    template: TemplateMessage;
    bulk?: { bulkId: string; phone: string };
  };
}

/**
 * `notBefore`: a scheduled job, not run before this time of the bridge's clock (BridgeOptions.now, tests move it): the
 * window reminder, the menu's fallback. Each waits in a lane of its own (a scheduled head holds its lane).
 */
export type NewJob = { [K in JobKind]: { kind: K; lane: string; dedupeKey: string; payload: JobPayloads[K] } & JobTiming }[JobKind];
type JobTiming = { notBefore?: Date };

export type OutboxJob = NewJob & {
  _id: string;
  seq: number;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  lastError?: string;
  leaseUntil?: Date;
  /** Set while the job waits for a person (src/services/outbox/parking.ts): it stays pending, its lane held behind it. */
  parked?: ParkedInfo;
  /** When the stuck-lane alert was raised for this job (once per incident). */
  stuckAlertedAt?: Date;
};

/** Why a delivery is parked and what a person must fix; `target` groups what one fix releases (a channel, a number). */
export interface ParkedInfo {
  /** e.g. `slack:channel:C0123ABCD`, `discord:channel:…`, `whatsapp:account:<phone number id>`. */
  target: string;
  /** Human words for the target, e.g. "Slack channel C0123ABCD". */
  label: string;
  platform: ChatPlatform | 'whatsapp';
  code: string;
  meaning: string;
  action: string;
  /** The catalogue's words for the code, when it has them (FailureExplanation.key / .detail). */
  key?: string;
  detail?: string;
  since: Date;
}

export type BulkRecipientState = 'pending' | 'sent' | 'failed' | 'refused';

export interface BulkResult {
  state: BulkRecipientState;
  reason?: string;
  wamid?: string;
  at?: Date;
}

/** One template sent to many numbers. Recipients are fixed at creation, so a restart resumes without losing or repeating one. */
export interface BulkRecord {
  /** Also the prefix of every recipient's job and message: `bulk:<id>:<phone>`. */
  _id: string;
  accountId: string;
  template: { name: string; language: string };
  createdBy: { platform: ChatPlatform; userId: string; name?: string };
  /** Where progress and the final result are shown. */
  channel: { platform: ChatPlatform; channelId: string };
  createdAt: Date;
  /** E.164 digits (no +) of every valid recipient, in the order given, with that recipient's values. */
  recipients: { phone: string; args: string[] }[];
  /** Keyed `p<digits>`: each recipient's outcome (the store keeps them apart from the bulk, one per recipient). */
  results: Record<string, BulkResult>;
  /** Numbers refused before sending (not a valid phone number), with the reason. */
  refused: { input: string; reason: string }[];
  state: 'enqueuing' | 'running' | 'done';
  progressMessageId?: string;
  doneAt?: Date;
}
