/**
 * A first-contact menu (issue 13 point 5): an interactive message sent to a new conversation whose options route it
 * to a department (another account's channel and notify users) or put a label on its card. The settings are checked
 * at start-up (services/automation/menu-schema.ts); services/automation/menu.ts applies a choice.
 */

/**
 * An interactive list in the core's words (the WhatsApp adapter writes Meta's body). Meta's limits
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages): up to 10 sections with
 * up to 10 rows in all, a row id of at most 200 characters, a row title of 24, a description of 72, a section title of
 * 24, the button's text 20, the body 4,096, header and footer 60 (MENU_LIST_LIMITS; checked at start-up).
 */
export interface ListMessage {
  body: string;
  header?: string;
  footer?: string;
  /** The text of the button that opens the list. */
  button: string;
  sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
}

export const MENU_LIST_LIMITS = { rows: 10, sections: 10, rowId: 200, rowTitle: 24, rowDescription: 72, sectionTitle: 24, button: 20, body: 4096 } as const;

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
