/**
 * Interactive messages in the core's words (the WhatsApp adapter writes Meta's body): reply buttons and lists. Meta's
 * limits, checked before any call (src/services/interactive/limits.ts, services/automation/schema.ts):
 * - reply buttons (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages):
 *   1–3 buttons, a title of at most 20 characters and an id of at most 256, unique ids and titles, a body of at most
 *   1,024 characters, a header of 60, a footer of 60;
 * - lists (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages): "up to 10
 *   sections, with up to 10 rows for all sections combined", a button text of at most 20 characters, a section title
 *   of 24 (required when there is more than one section), a row title of 24, a row description of 72 and a row id of
 *   200 (the row object of WhatsApp's own Node.js SDK reference, whatsapp.github.io/WhatsApp-Nodejs-SDK, RowObject);
 *   body, header and footer as for buttons.
 */
export interface ReplyButtons {
  body: string;
  header?: string;
  footer?: string;
  buttons: { id: string; title: string }[];
}

/** A list message: the button that opens it, and its rows in sections. */
export interface ListMessage {
  body: string;
  header?: string;
  footer?: string;
  button: string;
  sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
}

/** What an agent sends from a thread (src/services/interactive/). */
export type InteractiveMessage = ({ type: 'button' } & ReplyButtons) | ({ type: 'list' } & ListMessage);

export const INTERACTIVE_LIMITS = {
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  body: 1024,
  header: 60,
  footer: 60,
  listButton: 20,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
} as const;

/**
 * What an agent fills in (Slack modal, Discord subcommand options): `options` holds the buttons or rows, one per line
 * or separated by `;` (src/services/interactive/form.ts reads it).
 */
export interface InteractiveForm {
  kind: InteractiveMessage['type'];
  body: string;
  options: string;
  header?: string;
  footer?: string;
  /** A list's button text (the one that opens it). */
  button?: string;
}

/** The form's fields, as an adapter names its inputs (a refusal names the one at fault). */
export type InteractiveField = 'body' | 'header' | 'footer' | 'button' | 'options';
