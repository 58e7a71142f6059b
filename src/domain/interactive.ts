/**
 * An interactive message with reply buttons, in the core's words (the WhatsApp adapter writes Meta's body). Meta's
 * limits (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages):
 * 1–3 buttons, a title of at most 20 characters and an id of at most 256, unique ids and titles, a body of at most
 * 1,024 characters, a header of 60, a footer of 60. They are checked before any call (INTERACTIVE_LIMITS).
 */
export interface ReplyButtons {
  body: string;
  header?: string;
  footer?: string;
  buttons: { id: string; title: string }[];
}

export const INTERACTIVE_LIMITS = { buttons: 3, buttonTitle: 20, buttonId: 256, body: 1024, header: 60, footer: 60 } as const;
