/** The port every chat platform (Slack, Discord) implements. The core never imports an SDK. */
import type { TemplateChoice, TemplateField, TemplateSendRequest, TemplateSendResult } from './templates';
import type { DeliveryStatus, WhatsAppErrorInfo } from './whatsapp';

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
  /** Show a WhatsApp delivery status on a message in the thread (the agent's own, or the bridge's mirror). */
  showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void>;
  postToChannel(channelId: string, text: string): Promise<void>;
  /** Posts a channel message, or with `messageId` edits it (a bulk send's progress). Optional: without it the core posts anew. */
  upsertChannelMessage?(channelId: string, text: string, messageId?: string): Promise<{ messageId: string }>;
  /** Members of a user group (Slack `S…` ids), for template-sender allow-lists. */
  groupMembers?(groupId: string): Promise<string[]>;
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
  /** Names of files attached to the message. */
  files?: string[];
}

export interface StatusNotice {
  status: DeliveryStatus;
  error?: WhatsAppErrorInfo;
}

/** What adapters call into the core with. */
export interface ChatInbound {
  /** Resolves once the reply is persisted (and its send queued), so the platform can be acknowledged. */
  agentMessage(msg: AgentMessage): Promise<unknown>;
  command(req: { platform: ChatPlatform; userId: string; userName?: string; channelId: string; text: string }): Promise<{ text: string }>;
  /** Approved templates usable from this channel, optionally by name prefix (Slack picker, Discord autocomplete). */
  templates?(query: { platform: ChatPlatform; channelId: string; prefix?: string }): Promise<TemplateChoice[]>;
  /** The values a template needs, labelled with the text around each variable (a form's inputs). */
  templateFields?(query: { platform: ChatPlatform; channelId: string; template: string }): Promise<{ fields: TemplateField[] } | { error: string }>;
  /** Validates and queues a template send; refusals say which field is at fault. */
  sendTemplate?(req: TemplateSendRequest): Promise<TemplateSendResult>;
}
