/** The port every chat platform (Slack, Discord) implements. The core never imports an SDK. */
import type { TemplateChoice, TemplateField, TemplateSendRequest, TemplateSendResult } from './templates';
import type { DeliveryStatus, WhatsAppErrorInfo } from './whatsapp';
import type { AgentFile, FileStream } from './media';

export type ChatPlatform = 'slack' | 'discord';

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
}

export interface ThreadOpening {
  channelId: string;
  /** Short name: Discord thread name, Slack root headline. */
  title: string;
  /** The root / starter message, already naming the customer. */
  intro: string;
  mentionUserIds: string[];
}

export interface ChatAdapter {
  readonly platform: ChatPlatform;
  openThread(opening: ThreadOpening): Promise<ThreadRef>;
  postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }>;
  /**
   * Longest post this platform takes (Slack 40,000 characters, Discord 2,000), as `postLength` counts: the core
   * splits a longer body into several posts (services/text-split.ts) and never names the platform.
   */
  readonly maxPostLength: number;
  /** How long `post` is once rendered here, as the platform counts it: mentions, author line, markup conversion, escaping. */
  postLength(post: ChatPost): number;
  /** Show a WhatsApp delivery status on a message in the thread (the agent's own, or the bridge's mirror). */
  showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void>;
  postToChannel(channelId: string, text: string): Promise<void>;
  /** Posts a channel message, or with `messageId` edits it (a bulk send's progress). Optional: without it the core posts anew. */
  upsertChannelMessage?(channelId: string, text: string, messageId?: string): Promise<{ messageId: string }>;
  /** Members of a user group (Slack `S…` ids), for template-sender allow-lists. */
  groupMembers?(groupId: string): Promise<string[]>;
  /** The text of a file shared on this platform, named by a link or id an agent typed (a CSV of recipients); undefined if `reference` is not one. */
  readSharedFile?(reference: string): Promise<{ name: string; text: string } | undefined>;
  /** Largest file the bridge may post here (bytes); a larger customer file becomes a notice instead. */
  readonly maxFileBytes?: number;
  /** Posts a file in the thread, `post` as its comment (caption, author). Reads `file.stream` once. */
  postFile?(thread: ThreadRef, post: ChatPost, file: FileStream): Promise<{ messageId: string }>;
  /** Opens a file an agent attached (the adapter knows how to authenticate). */
  openFile?(file: AgentFile): Promise<FileStream>;
  /** Adds or removes the bridge's reaction (a unicode emoji) on a message; false when this platform cannot show that emoji. */
  react?(thread: ThreadRef, messageId: string, emoji: string, add: boolean): Promise<boolean>;
  /** Replaces the text of a post the bridge made (the customer edited or deleted their message); false when it cannot be edited. */
  editPost?(thread: ThreadRef, messageId: string, post: ChatPost, opts?: { withFile?: boolean }): Promise<boolean>;
  isReady(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What an adapter hands the core when a person writes in a bridged thread. */
export interface AgentMessage {
  platform: ChatPlatform;
  channelId: string;
  threadId: string;
  messageId: string;
  author: { id: string; name?: string };
  text: string;
  sentAt: Date;
  /** Files attached to the message, in the order shown. */
  files?: AgentFile[];
  /**
   * Set when the message starts by mentioning a person (Slack `<@U…>`, Discord `<@id>`): who, whether it is this
   * bridge's bot, and `rest`, the text after that mention (formatted like `text`). The core decides from it whether
   * the message goes to the customer (src/services/internal-notes.ts).
   */
  leadingMention?: { userId: string; isBot: boolean; rest: string };
}

/** A reaction a person put on (or took off) a message in a bridged thread. */
export interface AgentReaction {
  platform: ChatPlatform;
  /** As in ThreadRef / AgentMessage: Slack the channel; Discord the parent channel. */
  channelId: string;
  messageId: string;
  userId: string;
  emoji: string;
  added: boolean;
  /** Distinguishes two events on the same message and emoji (add, remove, add again). */
  eventId: string;
}

export interface StatusNotice {
  status: DeliveryStatus;
  error?: WhatsAppErrorInfo;
}

/** What adapters call into the core with. */
export interface ChatInbound {
  /** Resolves once the reply is persisted (and its send queued), so the platform can be acknowledged. */
  agentMessage(msg: AgentMessage): Promise<unknown>;
  /** A person added or removed a reaction (unicode emoji) on a message in a bridged thread. */
  agentReaction?(reaction: AgentReaction): Promise<unknown>;
  command(req: { platform: ChatPlatform; userId: string; userName?: string; channelId: string; text: string }): Promise<{ text: string }>;
  /** Approved templates usable from this channel, optionally by name prefix (Slack picker, Discord autocomplete). */
  templates?(query: { platform: ChatPlatform; channelId: string; prefix?: string }): Promise<TemplateChoice[]>;
  /** The values a template needs, labelled with the text around each variable (a form's inputs). */
  templateFields?(query: { platform: ChatPlatform; channelId: string; template: string }): Promise<{ fields: TemplateField[] } | { error: string }>;
  /** Validates and queues a template send; refusals say which field is at fault. */
  sendTemplate?(req: TemplateSendRequest): Promise<TemplateSendResult>;
  /**
   * The bot's access may have changed (it joined a channel, a role or permission was updated): deliveries paused on
   * this platform are tried again at once instead of at the next periodic probe.
   */
  accessChanged?(change: { platform: ChatPlatform; channelId?: string }): void;
}
