/**
 * Which outbox jobs an event implies: the one place that knows lanes, dedupe keys and destinations. Pure (no store,
 * no clock): the inbound stages (services/inbound/) and the outbox handlers decide *that* something is delivered and
 * call a builder here for *where* and *under which key*.
 * - Lanes order deliveries: `<target>:<conversationId>` (one conversation on one target, services/outbox/worker.ts),
 *   `<platform>:channel:<channelId>` (a channel's notices, never queued behind a thread's deliveries) and
 *   `ingest:<group>` (a webhook's events, per customer). services/outbox/targets.ts reads them back.
 * - A dedupe key is the job's `_id` (adapters/mongo/job-store.ts): built from natural keys (a wamid, a chat message
 *   id, a webhook body's hash), so a redelivered webhook or a retried chat event enqueues nothing new.
 */
import { createHash } from 'node:crypto';
import type { ChatPlatform, ChatPost } from '../domain/chat';
import type { JobPayloads, NewJob } from '../domain/records';
import type { WhatsAppEvent } from '../domain/whatsapp';
import type { AccountConfig } from '../config';
import type { Accounts } from './accounts';

export type Target = ChatPlatform | 'whatsapp';

/** One conversation on one target: its deliveries run one at a time, in order. */
export const lane = (target: Target, conversationId: string): string => `${target}:${conversationId}`;

/** A channel's own lane (notices about the account, not about one conversation). */
export const channelLane = (platform: ChatPlatform, channelId: string): string => `${platform}:channel:${channelId}`;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

// ------------------------------------------------------------------ webhook → ingest jobs

/**
 * A webhook's messages and statuses as `ingest` jobs, stored before the ack: one per customer (their messages in batch
 * order, in that customer's lane, so conversations ingest in parallel and each keeps its order) and one for all the
 * batch's statuses (applied with one bulk write). The `_id`s are natural (`ingest:<sha256 of the body>:<group>`), so a
 * redelivered webhook adds nothing while its jobs are live, and re-runs harmlessly once they are done.
 */
export function ingestJobs(rawBody: string, events: WhatsAppEvent[]): NewJob[] {
  const body = sha256(rawBody);
  const groups = new Map<string, WhatsAppEvent[]>();
  for (const e of events) {
    if (e.type === 'account') continue;
    const group =
      e.type === 'message' ? `customer:${e.message.accountId}:${e.message.customer.waId ?? e.message.customer.userId ?? ''}` : `statuses:${e.status.accountId}`;
    const list = groups.get(group);
    if (list) list.push(e);
    else groups.set(group, [e]);
  }
  return [...groups].map(([group, list]) => ({
    kind: 'ingest',
    lane: `ingest:${group}`,
    dedupeKey: `ingest:${body}:${group}`,
    payload: { events: JSON.stringify(list) },
  }));
}

// ------------------------------------------------------------------ into the threads

/**
 * A message posted into the conversation's thread on each of `platforms`: a customer's message, an agent's message
 * mirrored to the other platform, a template's text. One key per message and platform, whoever posts it.
 */
export function chatPostJobs(
  platforms: ChatPlatform[],
  conversationId: string,
  messageId: string,
  post: ChatPost,
  notify: boolean,
): Array<Extract<NewJob, { kind: 'chat.post' }>> {
  return platforms.map((platform) => ({
    kind: 'chat.post',
    lane: lane(platform, conversationId),
    dedupeKey: `${platform}:post:${messageId}`,
    payload: { platform, conversationId, messageId, post, notify },
  }));
}

/** A delivery status shown where an outgoing message is visible; one per message, platform and status. */
export function chatStatusJob(conversationId: string, payload: JobPayloads['chat.status']): NewJob {
  return {
    kind: 'chat.status',
    lane: lane(payload.platform, conversationId),
    dedupeKey: `${payload.platform}:status:${payload.messageId}:${payload.status}`,
    payload,
  };
}

/** Why the bridge says something in a conversation's thread; each names the natural key of what it is about. */
export type ThreadNoticeAbout =
  /** An agent's files refused before any call to Meta (the chat message's id). */
  | { why: 'files-refused' | 'text-refused'; channelId: string; messageId: string }
  /** An agent's reaction not sent: the 24-hour window is closed (the reaction event's key, agentReactionKey). */
  | { why: 'reaction-window'; reactionKey: string }
  /** An agent's reaction WhatsApp refused for good; `at` keeps a later refusal of the same emoji its own notice. */
  | { why: 'reaction-failed'; targetWamid: string; emoji: string; at: Date }
  /** An automatic message sent, or not sent and why (its stored record's id). */
  | { why: 'automatic'; messageId: string; outcome: 'sent' | 'not-sent' };

export function threadNoticeJob(platform: ChatPlatform, conversationId: string, about: ThreadNoticeAbout, body: string): NewJob {
  const key =
    about.why === 'reaction-window'
      ? `${about.reactionKey}:window`
      : about.why === 'reaction-failed'
        ? `${platform}:reaction-failed:${about.targetWamid}:${about.emoji || 'removed'}:${about.at.getTime()}`
        : about.why === 'automatic'
          ? `${platform}:auto:${about.messageId}:${about.outcome}`
          : `${platform}:${about.why}:${about.channelId}:${about.messageId}`;
  return { kind: 'chat.notice', lane: lane(platform, conversationId), dedupeKey: key, payload: { platform, conversationId, body } };
}

/**
 * The thread told that an agent changed a message WhatsApp already has (inbound/agent-edit.ts). Keyed by the chat
 * message, the kind and the edited text: the edit stage and a send racing it build the same key (one notice), and a
 * second, different edit gets its own.
 */
export function agentChangeNoticeJob(
  platform: ChatPlatform,
  conversationId: string,
  about: { channelId: string; messageId: string; kind: 'edit' | 'delete'; text: string },
  body: string,
): NewJob {
  const key = `${platform}:agent-${about.kind}:${about.channelId}:${about.messageId}${about.kind === 'edit' ? `:${sha256(about.text).slice(0, 16)}` : ''}`;
  return { kind: 'chat.notice', lane: lane(platform, conversationId), dedupeKey: key, payload: { platform, conversationId, body } };
}

/** The bridge's mark on an agent's message kept internal (🔒), keyed by the stored message's id. */
export function internalMarkJob(conversationId: string, storedId: string, payload: JobPayloads['chat.react']): NewJob {
  return { kind: 'chat.react', lane: lane(payload.platform, conversationId), dedupeKey: `${payload.platform}:internal:${storedId}`, payload };
}

/**
 * The conversation's card updated on each of `platforms` (and its thread closed or opened); `change` names what
 * changed, naturally keyed (e.g. `claim:<time>`, `window:<hour>`), so a retried command or webhook updates it once.
 */
export function chatCardJobs(platforms: ChatPlatform[], conversationId: string, change: string, thread?: 'closed' | 'open'): NewJob[] {
  return platforms.map((platform) => ({
    kind: 'chat.card',
    lane: lane(platform, conversationId),
    dedupeKey: `${platform}:card:${conversationId}:${change}`,
    payload: { platform, conversationId, ...(thread ? { thread } : {}) },
  }));
}

/**
 * The window reminder's scheduled checks (issue 11 point 5), one per platform, run at `notBefore`. Each waits in a lane
 * of its own (`<platform>:reminder:<conversationId>`), never ahead of the conversation's deliveries, and is keyed by the
 * customer's message: one reminder per unanswered message, whoever enqueues it and however often.
 */
export function windowReminderJobs(platforms: ChatPlatform[], conversationId: string, messageId: string, notBefore: Date): NewJob[] {
  return platforms.map((platform) => ({
    kind: 'chat.window_reminder',
    lane: `${platform}:reminder:${conversationId}`,
    dedupeKey: `${platform}:window-reminder:${messageId}`,
    payload: { platform, conversationId, messageId },
    notBefore,
  }));
}

/**
 * The conversation's thread on each platform follows its new route (services/automation/menu.ts); `change` names the
 * route (`route:<time>`), so a re-run of the tap's ingest or of the fallback moves it once.
 */
export function chatRouteJobs(platforms: ChatPlatform[], conversationId: string, change: string): NewJob[] {
  return platforms.map((platform) => ({
    kind: 'chat.route',
    lane: lane(platform, conversationId),
    dedupeKey: `${platform}:${change}:${conversationId}`,
    payload: { platform, conversationId },
  }));
}

/**
 * A menu's fallback timer: due `delayMs` after it is stored, in a lane of its own (a delayed head holds its lane), one
 * per menu message (its `_id` is the key: a redelivered first message adds none).
 */
export function menuFallbackJob(payload: JobPayloads['automation.menu_fallback'], delayMs: number): NewJob {
  return { kind: 'automation.menu_fallback', lane: `menu:${payload.conversationId}`, dedupeKey: `menu-fallback:${payload.menuMessageId}`, payload, delayMs };
}

// ------------------------------------------------------------------ into the channels

export interface ChannelRef {
  platform: ChatPlatform;
  channelId: string;
}

/** Where accounts' notices go: each account's channel on every platform it mirrors to. */
export function accountChannels(accounts: Accounts, list: AccountConfig[]): ChannelRef[] {
  return list.flatMap((a) => accounts.platformsOf(a).map((platform) => ({ platform, channelId: accounts.destination(a, platform).channelId })));
}

/** Why the bridge says something in an account's channel (not in a thread). */
export type ChannelNoticeAbout =
  /** An account event Meta sent (the same event redelivered is one notice). */
  | { why: 'account-event'; field: string; wabaId: string; value: unknown }
  /** A parking incident (services/outbox/parking.ts): the target and when it began. */
  | { why: 'parked'; target: string; since: Date }
  /** A lane stuck behind this job (services/outbox/stuck.ts). */
  | { why: 'stuck'; jobId: string }
  /** A customer's message that could not be posted in its thread. */
  | { why: 'lost-post'; messageId: string }
  /** Meta refuses a WhatsApp access token, or takes it again (services/whatsapp-token.ts): once per token and channel. */
  | { why: 'token'; state: 'refused' | 'works'; token: string };

function channelNoticeKey(platform: ChatPlatform, channelId: string, about: ChannelNoticeAbout): string {
  switch (about.why) {
    case 'account-event':
      return `${platform}:notice:${channelId}:${sha256(`${about.field}:${about.wabaId}:${JSON.stringify(about.value)}`).slice(0, 24)}`;
    case 'parked':
      return `${platform}:notice:parked:${about.target}:${new Date(about.since).getTime()}`;
    case 'stuck':
      return `${platform}:notice:stuck:${about.jobId}`;
    case 'lost-post':
      return `${platform}:lost-post:${about.messageId}`;
    case 'token':
      // The token's hash, never the token: a restart with the same refused token says nothing new; a new token does.
      return `${platform}:notice:token-${about.state}:${channelId}:${sha256(about.token).slice(0, 16)}`;
  }
}

/** One notice per distinct channel (two accounts may share a channel: it is told once). */
export function channelNoticeJobs(channels: ChannelRef[], about: ChannelNoticeAbout, body: string): NewJob[] {
  const unique = new Map(channels.map((c) => [channelLane(c.platform, c.channelId), c]));
  return [...unique.values()].map(({ platform, channelId }) => ({
    kind: 'chat.channel_notice',
    lane: channelLane(platform, channelId),
    dedupeKey: channelNoticeKey(platform, channelId, about),
    payload: { platform, channelId, body },
  }));
}

// ------------------------------------------------------------------ to WhatsApp

/** One WhatsApp message of an agent's chat message (a text part or a file), keyed by the part's stored id. */
export function whatsappSendJob(
  payload: JobPayloads['whatsapp.send'] | JobPayloads['whatsapp.send_media'],
  kind: 'whatsapp.send' | 'whatsapp.send_media',
): NewJob {
  const base = { lane: lane('whatsapp', payload.conversationId), dedupeKey: `whatsapp:send:${payload.messageId}` };
  return kind === 'whatsapp.send'
    ? { ...base, kind, payload: payload as JobPayloads['whatsapp.send'] }
    : { ...base, kind, payload: payload as JobPayloads['whatsapp.send_media'] };
}

/** A template send; a bulk send's is keyed by the bulk and the phone, so a resumed bulk never sends twice. */
export function whatsappTemplateJob(payload: JobPayloads['whatsapp.send_template']): NewJob {
  return {
    kind: 'whatsapp.send_template',
    lane: lane('whatsapp', payload.conversationId),
    dedupeKey: payload.bulk ? `bulk:${payload.bulk.bulkId}:${payload.bulk.phone}` : `whatsapp:template:${payload.messageId}`,
    payload,
  };
}

/** Reply buttons or a list from the thread: in the conversation's WhatsApp lane, after what the agent sent before. */
export function whatsappInteractiveJob(payload: JobPayloads['whatsapp.send_interactive']): NewJob {
  return { kind: 'whatsapp.send_interactive', lane: lane('whatsapp', payload.conversationId), dedupeKey: `whatsapp:interactive:${payload.messageId}`, payload };
}

/** The natural key of an agent's reaction event (a platform's retry of it is the same key). */
export function agentReactionKey(r: { platform: ChatPlatform; channelId: string; messageId: string; eventId: string }): string {
  return `${r.platform}:react:${r.channelId}:${r.messageId}:${r.eventId}`;
}

export function whatsappReactJob(reactionKey: string, payload: JobPayloads['whatsapp.react']): NewJob {
  return { kind: 'whatsapp.react', lane: lane('whatsapp', payload.conversationId), dedupeKey: reactionKey, payload };
}

// ------------------------------------------------------------------ automatic messages (services/automation/)

/**
 * The stored `_id` of an automatic message, which is also what makes it happen once: an away message per conversation
 * and closed period (named by the local time it began), a greeting per conversation and opening (`first`, or the
 * reopening message's time), a keyword reply per customer message (its wamid) and rule, a menu per conversation.
 */
export function automaticMessageId(
  about:
    | { kind: 'away'; conversationId: string; closedSince: string }
    | { kind: 'greeting'; conversationId: string; opening: string }
    | { kind: 'keyword'; wamid: string; rule: string }
    | { kind: 'menu'; conversationId: string },
): string {
  switch (about.kind) {
    case 'away':
      return `auto:away:${about.conversationId}:${about.closedSince}`;
    case 'greeting':
      return `auto:greeting:${about.conversationId}:${about.opening}`;
    case 'keyword':
      return `auto:keyword:${about.wamid}:${about.rule}`;
    case 'menu':
      // Once per conversation: a menu routes a conversation once (services/automation/menu.ts).
      return `auto:menu:${about.conversationId}`;
  }
}

/** An automatic message to the customer: in the conversation's WhatsApp lane (after the agents' sends), keyed by its record. */
export function automaticSendJob(payload: JobPayloads['whatsapp.send_auto']): NewJob {
  return { kind: 'whatsapp.send_auto', lane: lane('whatsapp', payload.conversationId), dedupeKey: `whatsapp:auto:${payload.messageId}`, payload };
}
