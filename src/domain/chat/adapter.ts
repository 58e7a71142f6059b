/**
 * The port every chat platform implements (adapters/<platform>/): a core of what every platform must do, and small
 * optional capabilities the core asks for with a type guard before using them. The core never imports an SDK.
 * Shape taken from mautrix bridgev2's optional capability interfaces (EditHandlingNetworkAPI …, checked by type):
 * a platform that lacks one still bridges, and the core says so in the thread instead.
 */
import type { ChatPlatform } from '../platform';
import type { AgentFile, FileStream } from '../media';
import type { DeliveryStatus } from '../whatsapp';
import type { ConversationCard, PostActions } from './card';

export type { ChatPlatform } from '../platform';

/** Where a conversation lives on one platform. Slack: threadId is the root message ts. Discord: the thread channel id. */
export interface ThreadRef {
  platform: ChatPlatform;
  channelId: string;
  threadId: string;
}

/** A post the core asks an adapter to make. `body` uses WhatsApp markup (*bold* _italic_ ~strike~ ```mono```). */
export interface ChatPost {
  author: { name: string; role: 'customer' | 'agent' | 'bridge'; detail?: string };
  body: string;
  mentionUserIds?: string[];
  /** Where `body` says `{date}`: this time as the platform's date token, so each reader sees it in their own time zone. */
  date?: Date;
  /** Buttons under the post (a "window closed" refusal offers "send a template"): a platform with buttons renders them. */
  actions?: PostActions;
}

/** The author of the bridge's own posts (notices, statuses, reminders): a name, like a bot's, in every language. */
export const BRIDGE_AUTHOR: ChatPost['author'] = { name: 'WhatsApp bridge', role: 'bridge' };

export interface ThreadOpening {
  channelId: string;
  /** Short name: Discord thread name, Slack root headline. */
  title: string;
  /** The root / starter message, already naming the customer. */
  intro: string;
  mentionUserIds: string[];
  /** The conversation's card: a platform with `Cards` opens the thread with it instead of `intro`. */
  card?: ConversationCard;
}

/** A thread just opened, and the message that opens it (the card's message) when the platform says. */
export type OpenedThread = ThreadRef & { rootMessageId?: string };

/**
 * What every chat platform does. Failures of the posting methods are DeliveryErrors (retryable or permanent, with an
 * explanation for the operator): the outbox retries or parks on them, so an adapter never retries by itself.
 */
export interface ChatAdapter {
  readonly platform: ChatPlatform;
  /** Connects; resolves once the platform accepted the bridge. A refused credential rejects with a ConfigError naming the variable. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connected now (/readyz): false while reconnecting. */
  isReady(): boolean;
  /**
   * Its inbound events arrive over one session per bot that every holder receives in full (Discord's gateway): only
   * the delivery leader starts it when several instances share a database (src/services/leader.ts), or each event
   * would be acted on once per instance. Absent: inbound comes by HTTP to whichever instance the proxy picks (Slack).
   */
  readonly sessionBound?: boolean;
  openThread(opening: ThreadOpening): Promise<OpenedThread>;
  postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }>;
  postToChannel(channelId: string, text: string): Promise<void>;
  /**
   * Longest post this platform takes (Slack 40,000 characters, Discord 2,000), as `postLength` counts: the core
   * splits a longer body into several posts (services/text-split.ts) and never names the platform.
   */
  readonly maxPostLength: number;
  /** How long `post` is once rendered here, as the platform counts it: mentions, author line, markup conversion, escaping. */
  postLength(post: ChatPost): number;
}

/** Shows WhatsApp delivery statuses on messages in the thread (as marks: src/domain/chat/status-marks.ts). */
export interface StatusMarks {
  /** Show `status` on a message in the thread (the agent's own, or the bridge's mirror), replacing `previous`. */
  showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void>;
}

/** The bridge's own reactions (a customer's WhatsApp reaction mirrored). Without it the core posts a line. */
export interface Reactions {
  /** Adds or removes the bridge's reaction (a unicode emoji) on a message; false when this platform cannot show that emoji. */
  react(thread: ThreadRef, messageId: string, emoji: string, add: boolean): Promise<boolean>;
}

/** Rewriting the bridge's own posts (the customer edited or deleted their message). Without it the core posts a line. */
export interface Edits {
  /** Replaces the text of a post the bridge made; false when it cannot be edited. */
  editPost(thread: ThreadRef, messageId: string, post: ChatPost, opts?: { withFile?: boolean }): Promise<boolean>;
}

/** Files both ways. Without it a customer's file is posted as its text, and an agent's file cannot be sent. */
export interface Files {
  /** Largest file the bridge may post here (bytes); a larger customer file becomes a notice instead. */
  readonly maxFileBytes: number;
  /** Posts a file in the thread, `post` as its comment (caption, author). Reads `file.stream` once. */
  postFile(thread: ThreadRef, post: ChatPost, file: FileStream): Promise<{ messageId: string }>;
  /** Opens a file an agent attached (the adapter knows how to authenticate). */
  openFile(file: AgentFile): Promise<FileStream>;
}

/** A channel message kept up to date (a bulk send's progress). Without it the core posts anew each time. */
export interface ProgressMessages {
  /** Posts a channel message, or with `messageId` edits it. */
  upsertChannelMessage(channelId: string, text: string, messageId?: string): Promise<{ messageId: string }>;
}

/** What the platform knows beyond threads: user groups and shared files. */
export interface Directory {
  /** Members of a user group (Slack `S…` ids), for template-sender allow-lists. */
  groupMembers(groupId: string): Promise<string[]>;
  /** The text of a file shared on this platform, named by a link or id an agent typed (a CSV of recipients); undefined if `reference` is not one. */
  readSharedFile(reference: string): Promise<{ name: string; text: string } | undefined>;
}

/** Links people can open: a thread's address, for the card's "continues" line, `/wa find` and `/wa failed`. Without it the thread is named only. */
export interface Permalinks {
  /** A URL that opens the thread (Slack's archive link of its root message; Discord the thread's channel URL). */
  threadUrl(thread: ThreadRef): string;
}

/** The conversation's card kept up to date on the thread's opening message, and the thread shown closed or open. */
export interface Cards {
  /** Rewrites the thread's opening message as `card` (its buttons included). */
  updateCard(thread: ThreadRef, rootMessageId: string, card: ConversationCard): Promise<void>;
  /** Shows the thread as closed (resolved) or open again, the platform's way (Discord archives; Slack's card says it). */
  setThreadClosed(thread: ThreadRef, closed: boolean): Promise<void>;
}

const has = (adapter: ChatAdapter, member: string): boolean => typeof (adapter as unknown as Record<string, unknown>)[member] === 'function';

export const hasStatusMarks = (c: ChatAdapter): c is ChatAdapter & StatusMarks => has(c, 'showStatus');
export const hasReactions = (c: ChatAdapter): c is ChatAdapter & Reactions => has(c, 'react');
export const hasEdits = (c: ChatAdapter): c is ChatAdapter & Edits => has(c, 'editPost');
export const hasFiles = (c: ChatAdapter): c is ChatAdapter & Files =>
  has(c, 'postFile') && has(c, 'openFile') && typeof (c as Partial<Files>).maxFileBytes === 'number';
export const hasProgressMessages = (c: ChatAdapter): c is ChatAdapter & ProgressMessages => has(c, 'upsertChannelMessage');
export const hasCards = (c: ChatAdapter): c is ChatAdapter & Cards => has(c, 'updateCard') && has(c, 'setThreadClosed');
export const hasDirectory = (c: ChatAdapter): c is ChatAdapter & Directory => has(c, 'groupMembers') && has(c, 'readSharedFile');
export const hasPermalinks = (c: ChatAdapter): c is ChatAdapter & Permalinks => has(c, 'threadUrl');
