/** What chat adapters hand the core: a person's message or reaction in a bridged thread, `/wa`, template forms. */
import type { ChatPlatform } from '../platform';
import type { AgentFile } from '../media';
import type { TemplateChoice, TemplateField, TemplateSendRequest, TemplateSendResult } from '../templates';
import type { DeliveryStatus, WhatsAppErrorInfo } from '../whatsapp';

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

/**
 * A reaction a person put on (or took off) a message in a bridged thread. The adapter drops the bot's own reactions
 * (it alone knows the bot's user id); the core decides what the others mean (src/services/agent-reactions.ts).
 */
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

/** Template forms: what a platform with a form or autocomplete for `/wa template` asks the core. */
export interface TemplateForms {
  /** Approved templates usable from this channel, optionally by name prefix (Slack picker, Discord autocomplete). */
  templates(query: { platform: ChatPlatform; channelId: string; prefix?: string }): Promise<TemplateChoice[]>;
  /** The values a template needs, labelled with the text around each variable (a form's inputs). */
  templateFields(query: { platform: ChatPlatform; channelId: string; template: string }): Promise<{ fields: TemplateField[] } | { error: string }>;
  /** Validates and queues a template send; refusals say which field is at fault. */
  sendTemplate(req: TemplateSendRequest): Promise<TemplateSendResult>;
}

/** What adapters call into the core with. The template forms are optional so a test (or a slim core) may leave them out. */
export interface ChatInbound extends Partial<TemplateForms> {
  /** Resolves once the reply is persisted (and its send queued), so the platform can be acknowledged. */
  agentMessage(msg: AgentMessage): Promise<unknown>;
  /** A person added or removed a reaction (unicode emoji) on a message in a bridged thread. */
  agentReaction?(reaction: AgentReaction): Promise<unknown>;
  command(req: { platform: ChatPlatform; userId: string; userName?: string; channelId: string; threadId?: string; text: string }): Promise<{ text: string }>;
  /**
   * The bot's access may have changed (it joined a channel, a role or permission was updated): deliveries paused on
   * this platform are tried again at once instead of at the next periodic probe.
   */
  accessChanged?(change: { platform: ChatPlatform; channelId?: string }): void;
}

/** Whether the core offers template forms (a platform without them answers `/wa template` as a command line). */
export const offersTemplateForms = (core: ChatInbound): core is ChatInbound & TemplateForms =>
  typeof core.templates === 'function' && typeof core.templateFields === 'function' && typeof core.sendTemplate === 'function';
