/** What chat adapters hand the core: a person's message or reaction in a bridged thread, `/wa`, template forms. */
import type { InteractiveField, InteractiveForm } from '../interactive';
import type { ChatPlatform } from '../platform';
import type { AgentFile } from '../media';
import type { CardAction } from './card';
import type { TemplateChoice, TemplateField, TemplateSendRequest, TemplateSendResult } from '../templates';
import type { DeliveryStatus, WhatsAppErrorInfo } from '../whatsapp';
import type { Language } from '../../i18n/languages';

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
  /**
   * The agent picked this text to send (a saved reply): it goes to the customer whatever the account's internal-note
   * rule says about its first words (src/services/agent-tools/saved-replies.ts).
   */
  picked?: boolean;
}

/** A person edited (`text` set) or deleted their message in a bridged thread (src/services/inbound/agent-edit.ts). */
export interface AgentChange {
  platform: ChatPlatform;
  /** As in AgentMessage: Slack the channel; Discord the parent channel. */
  channelId: string;
  messageId: string;
  /** The new text (formatted like AgentMessage.text); absent for a deletion. */
  text?: string;
  /** As in AgentMessage, for the edited text. */
  leadingMention?: AgentMessage['leadingMention'];
}

/** Saved replies: what a platform with a picker (Slack's form, Discord's autocomplete) asks the core. */
export interface SavedReplyForms {
  /** The saved replies usable from this channel, optionally by name prefix. */
  savedReplies(query: { platform: ChatPlatform; channelId: string; prefix?: string }): Promise<{ name: string; text: string }[]>;
  /** Posts the saved reply in the thread as the agent's and sends it like a typed reply; `text` says what happened. */
  sendSavedReply(req: {
    platform: ChatPlatform;
    channelId: string;
    threadId: string;
    userId: string;
    userName?: string;
    name: string;
  }): Promise<{ ok: boolean; text: string }>;
}

/** Reply buttons and lists (issue 13 point 4): what a platform's form (Slack modal, Discord options) asks the core. */
export interface InteractiveForms {
  /**
   * Checks the form against Meta's limits, posts what will be sent in the thread as the agent's and sends it like a
   * typed reply (window rule, outbox, statuses on that post). The conversation is the thread's, else the one of `phone`
   * in the channel's number. `text` says what happened; `field` names the form's field at fault when refused.
   */
  sendInteractive(req: {
    platform: ChatPlatform;
    channelId: string;
    threadId?: string;
    phone?: string;
    userId: string;
    userName?: string;
    form: InteractiveForm;
  }): Promise<{ ok: boolean; text: string; field?: InteractiveField }>;
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
  /**
   * The values a template needs, labelled with the text around each variable (a form's inputs). With
   * `conversationId` (the form was opened from a conversation's card), a variable that reads as the customer's name
   * gets their name as its `initial` value.
   */
  templateFields(query: {
    platform: ChatPlatform;
    channelId: string;
    template: string;
    conversationId?: string;
  }): Promise<{ fields: TemplateField[] } | { error: string }>;
  /** Validates and queues a template send; refusals say which field is at fault. */
  sendTemplate(req: TemplateSendRequest): Promise<TemplateSendResult>;
}

/** A click on a card's (or a refusal notice's) button, as the adapter read it (issue 11 point 2). */
export interface CardActionRequest {
  platform: ChatPlatform;
  /** Who clicked: the action runs as them, like the `/wa` subcommand of the same name. */
  userId: string;
  userName?: string;
  /** Where the button was: the account's channel (Discord: the thread's parent). */
  channelId: string;
  /** Read back from the button (Slack `value`, Discord `custom_id`). */
  conversationId: string;
  action: CardAction;
  /** The people picked for `assign` (the first) and `add` (all). */
  people?: { userId: string; name?: string }[];
}

/** What a click leads to: an answer for the clicker only, or the template form to open for this customer. */
/** `language`: the account's, for the form's own words (the adapter's pickers and labels). */
export type CardActionResult = { text: string } | { form: { channelId: string; conversationId: string; phone: string; customer: string; language?: Language } };

/** The card's buttons: what a platform with buttons asks the core. */
export interface CardActions {
  cardAction(req: CardActionRequest): Promise<CardActionResult>;
}

/** What adapters call into the core with. The template forms are optional so a test (or a slim core) may leave them out. */
export interface ChatInbound extends Partial<TemplateForms>, Partial<SavedReplyForms>, Partial<InteractiveForms>, Partial<CardActions> {
  /** Resolves once the reply is persisted (and its send queued), so the platform can be acknowledged. */
  agentMessage(msg: AgentMessage): Promise<unknown>;
  /** A person added or removed a reaction (unicode emoji) on a message in a bridged thread. */
  agentReaction?(reaction: AgentReaction): Promise<unknown>;
  /** The language of the texts for a channel's agents (src/i18n), for what an adapter writes itself (a form's labels). */
  language?(place: { platform: ChatPlatform; channelId: string }): Language;
  /** `threadId`: the thread the command was typed in, where the platform runs commands in threads (Discord). */
  command(req: { platform: ChatPlatform; userId: string; userName?: string; channelId: string; threadId?: string; text: string }): Promise<{ text: string }>;
  /** A person edited or deleted their message in a bridged thread. */
  agentChange?(change: AgentChange): Promise<unknown>;
  /**
   * The bot's access may have changed (it joined a channel, a role or permission was updated): deliveries paused on
   * this platform are tried again at once instead of at the next periodic probe.
   */
  accessChanged?(change: { platform: ChatPlatform; channelId?: string }): void;
}

/** Whether the core offers saved replies to pick. */
export const offersSavedReplies = (core: ChatInbound): core is ChatInbound & SavedReplyForms =>
  typeof core.savedReplies === 'function' && typeof core.sendSavedReply === 'function';

/** Whether the core answers clicks on the card's buttons. */
export const offersCardActions = (core: ChatInbound): core is ChatInbound & CardActions => typeof core.cardAction === 'function';

/** Whether the core offers template forms (a platform without them answers `/wa template` as a command line). */
export const offersTemplateForms = (core: ChatInbound): core is ChatInbound & TemplateForms =>
  typeof core.templates === 'function' && typeof core.templateFields === 'function' && typeof core.sendTemplate === 'function';

/** Whether the core offers the reply-buttons and list form. */
export const offersInteractiveForms = (core: ChatInbound): core is ChatInbound & InteractiveForms => typeof core.sendInteractive === 'function';
