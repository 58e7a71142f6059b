/**
 * Everything the core and the WhatsApp adapter (adapters/whatsapp/index.ts, `createWhatsAppAdapter`) say to each
 * other, in one file: what the adapter offers the core (sending, media, templates, reading account events) and what
 * it calls in the core (`WhatsAppInbound`, once a webhook is verified and decoded). No Meta vocabulary here: the
 * adapter converts, the core decides and persists.
 */
import type { MediaKind } from '../content';
import type { FailureExplanation } from '../errors';
import type { ListMessage, ReplyButtons } from '../interactive';
import type { FileStream } from '../media';
import type { TemplateDefinition, TemplateEventInfo, TemplateMessage } from '../templates';
import type { CustomerRef, WhatsAppErrorInfo, WhatsAppEvent } from '../whatsapp';

/** The business number a call is made for, and its token. */
export type WhatsAppAccountRef = { phoneNumberId: string; accessToken: string };

/** Texts and templates to a customer. */
export interface WhatsAppSender {
  /** Resolves to the wamid; rejects with a DeliveryError. */
  sendText(account: WhatsAppAccountRef, to: CustomerRef, text: string, replyToWamid?: string): Promise<string>;
  /** An approved template with its parameters; resolves to the wamid, rejects with a DeliveryError. */
  sendTemplate(account: WhatsAppAccountRef, to: CustomerRef, template: TemplateMessage): Promise<string>;
  /** An interactive message with reply buttons (within INTERACTIVE_LIMITS, checked before); resolves to the wamid. */
  sendButtons(account: WhatsAppAccountRef, to: CustomerRef, message: ReplyButtons): Promise<string>;
  /** A list message (within INTERACTIVE_LIMITS, checked before: services/interactive/limits.ts); resolves to the wamid. */
  sendList(account: WhatsAppAccountRef, to: CustomerRef, message: ListMessage): Promise<string>;
  /** An error WhatsApp reported (in a `failed` status or a message's `errors`) in words for a person. */
  explain(error: WhatsAppErrorInfo): FailureExplanation & { retryable: boolean };
}

/** Files and reactions, both ways. Every failure is a DeliveryError. */
export interface WhatsAppMedia {
  /** Looks the customer's file up then downloads it: resolves once the response has started; the body is not read yet. */
  download(account: WhatsAppAccountRef, mediaId: string, hint?: { mimeType?: string; filename?: string }): Promise<FileStream>;
  /** Uploads an agent's file (streamed); resolves to the media id. */
  upload(account: WhatsAppAccountRef, file: FileStream): Promise<string>;
  /** Sends an uploaded file (or, with `link` in place of `mediaId`, one Meta fetches from a public URL) as a message of its kind; resolves to the wamid. */
  sendMedia(
    account: WhatsAppAccountRef,
    to: CustomerRef,
    media: { kind: MediaKind; mediaId?: string; link?: string; caption?: string; filename?: string },
  ): Promise<string>;
  /** The business's reaction on a customer's message; an empty emoji removes it. Resolves to the wamid. */
  sendReaction(account: WhatsAppAccountRef, to: CustomerRef, targetWamid: string, emoji: string): Promise<string>;
}

/** Reads a WhatsApp Business Account's templates (every page). */
export interface TemplateSource {
  list(account: { accessToken: string }, wabaId: string): Promise<TemplateDefinition[]>;
}

/**
 * What the adapter tells the core about access tokens, from every Graph call it makes (sends, media, template sync):
 * Meta refused one (the core opens a "token refused" incident: services/whatsapp-token.ts), or took one.
 */
export interface WhatsAppTokenWatch {
  refused(accessToken: string, why: FailureExplanation): void;
  accepted(accessToken: string): void;
}

/** A cheap Graph read with a number's token: resolves when Meta takes the token, rejects (a DeliveryError) when not. */
export interface WhatsAppTokenCheck {
  check(account: WhatsAppAccountRef): Promise<void>;
}

/** How to read the account events (`AccountEvent`: template, quality and account updates) the adapter decodes. */
export interface WhatsAppAccountEvents {
  /** Fields worth a notice in the account's channel: they change what agents can send. */
  readonly noticeFields: ReadonlySet<string>;
  /** The template fields of a template update, in the core's words; undefined for every other field. */
  templateEventInfo(field: string, value: unknown): TemplateEventInfo | undefined;
}

/**
 * What the adapter calls once a webhook's signature is verified and its body decoded. It acknowledges the webhook
 * only after both writes resolve (a crash after the ack loses nothing); when they reject, or do not finish while
 * the database is down, the webhook is not acknowledged and WhatsApp delivers it again (both writes are idempotent).
 */
export interface WhatsAppInbound {
  /** Keeps the raw body and the decoded events (the `ingest` jobs of src/services/ingest.ts). */
  events(rawBody: string, events: WhatsAppEvent[]): Promise<void>;
  /** Keeps the events that could not be decoded, each in its stored form (a JSON line, cut to a bounded size). */
  quarantine(records: string[]): Promise<void>;
}
