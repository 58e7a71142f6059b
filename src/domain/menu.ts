/**
 * A first-contact menu (issue 13 point 5): an interactive message sent to a new conversation whose options route it
 * to a department (another account's channel and notify users) or put a label on its card. The message itself is
 * reply buttons or a list (domain/interactive.ts); the settings are checked at start-up against Meta's limits
 * (services/automation/menu-schema.ts); services/automation/menu.ts applies a choice.
 */

/** Where a choice sends the conversation: another account's channels (by its name or phone number id), or a label on its card. */
export type MenuRoute = { account: string } | { label: string };

/** How a conversation was routed, stored on it (ConversationRecord.route). */
export interface ConversationRoute {
  /** The option's title as the customer saw it ("Sales"), or the fallback's. */
  choice: string;
  /** The account whose channels and notify users the conversation now has (its phone number id). */
  accountId?: string;
  label?: string;
  by: 'tap' | 'fallback';
  at: Date;
}
