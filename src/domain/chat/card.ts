/**
 * A conversation's card: what the message that opens its thread shows, kept up to date as the conversation changes
 * (issue 11 point 4). The core says what is on it (services/present/card.ts); an adapter with the `Cards` capability
 * renders it with its platform's own date and mention tokens and its buttons, so each reader sees their local time.
 */
import type { Language } from '../../i18n/languages';
import type { ConversationState } from '../records';

/**
 * What the card's buttons do; the adapter encodes `conversationId` in each button so a click finds the conversation.
 * `assign` and `add` need a person picked (a user select); the others are one click.
 */
export type CardAction = 'template' | 'claim' | 'assign' | 'add' | 'close' | 'reopen';

/** Buttons on a post (the card, a "window closed" refusal): what they act on, and which. */
export interface PostActions {
  conversationId: string;
  actions: CardAction[];
  /** The language of the buttons' labels (the account's, src/i18n); unset: English. */
  language?: Language;
}

export interface CardPerson {
  /** On this platform (mentioned); absent for a person of the other platform (named). */
  userId?: string;
  name?: string;
}

export interface ConversationCard {
  conversationId: string;
  /** Customer name and number as one label (services/render.ts customerLabel). */
  customer: string;
  /** The account's name, when the bridge serves several numbers. */
  account?: string;
  state: ConversationState;
  owner?: CardPerson;
  closedBy?: CardPerson;
  participants: CardPerson[];
  /** When the 24-hour customer-service window closes; undefined when the customer has never written. */
  windowUntil?: Date;
  windowOpen: boolean;
  /** Which of the agents' messages go to the customer (services/internal-notes.ts replyRuleLine). */
  replyRule: string;
  /** The label the first-contact menu put on the conversation (the customer's choice, services/automation/menu.ts). */
  label?: string;
  /** A link to the thread this one continues (the customer wrote long after it was closed). */
  previousThread?: string;
  actions: CardAction[];
  /** The language of the account's agents (src/i18n); unset: English. */
  language?: Language;
}

/** How a platform writes the parts of a card that are its own: its escaping, a date each reader sees in local time, a person. */
export interface CardTokens {
  /** Text with WhatsApp markup, converted and escaped for the platform. */
  text(s: string): string;
  date(d: Date): string;
  person(p: CardPerson): string;
}
