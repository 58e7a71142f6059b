/**
 * The words of the card's buttons and of what a click answers (issue 11 point 2), in one object so they can move
 * into the agents' message catalogue as they are. Adapters render the labels with their platform's limits.
 */
import type { CardAction } from '../../domain/chat/card';

export const CARD_ACTION_TEXTS = {
  /** Button and select labels, by action. */
  labels: {
    template: 'Send a template',
    claim: 'Claim',
    assign: 'Assign to…',
    add: 'Add people…',
    close: 'Close',
    reopen: 'Reopen',
  } satisfies Record<CardAction, string>,
  /** Said to someone who clicked a button of a conversation the bridge no longer knows. */
  unknownConversation: 'This conversation is no longer known to the bridge.',
  /** Said to someone who clicked a button outside the channel of the conversation's number. */
  wrongChannel: 'This button belongs to a conversation of another channel: use it in the channel where that number’s conversations appear.',
  /** Assign or add without anyone picked. */
  pickSomeone: 'Pick the person in the menu first.',
  /** The template form opened from a card: who it goes to, instead of a phone input. */
  formTo: (customer: string) => `To: *${customer}*`,
  /** Discord: the template picker shown before the form. */
  pickTemplate: (customer: string) => `Pick the template to send to ${customer}:`,
  /** Discord: the picker's placeholder. */
  pickTemplatePlaceholder: 'Choose a template',
  /** Discord: a template with more required values than a form holds (5 inputs). */
  tooManyFields: (line: string) => `This template needs more values than a form holds: send it with \`${line}\`.`,
  /** No approved template to pick. */
  noTemplates: 'No approved template is synced for this number. Run `/wa sync`, or see `/wa templates`.',
} as const;
