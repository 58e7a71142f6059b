/**
 * Files on their way through the bridge, both ways, and the WhatsApp media port.
 * A file is a stream read once: nothing here holds a whole file in memory.
 */
import type { Readable } from 'node:stream';
import type { MediaKind } from './content';
import type { CustomerRef } from './whatsapp';

/** An open file: its bytes arrive on `stream` (read it once, or destroy it). */
export interface FileStream {
  name: string;
  /** Without parameters (`audio/ogg`, not `audio/ogg; codecs=opus`) unless the source gave them. */
  mimeType: string;
  /** Bytes, when the source said (WhatsApp `file_size`, Content-Length, Slack/Discord file size). */
  size?: number;
  stream: Readable;
}

/**
 * A file an agent attached to a message in a bridged thread. Stored in the outbox (no secret in it):
 * the adapter that described it knows how to fetch it (`auth`).
 */
export interface AgentFile {
  /** The platform's file / attachment id. */
  id: string;
  name: string;
  mimeType: string;
  size: number;
  url: string;
  /** `bot-token`: the URL needs the platform's bot token (Slack `url_private`); `none`: the URL itself is signed (Discord CDN). */
  auth: 'bot-token' | 'none';
}

export type WhatsAppAccountRef = { phoneNumberId: string; accessToken: string };

/** WhatsApp media and reactions, implemented by adapters/whatsapp on the Graph API. Every failure is a DeliveryError. */
export interface WhatsAppMedia {
  /** `GET /{media-id}` then the download (Bearer token): resolves once the response has started; the body is not read yet. */
  download(account: WhatsAppAccountRef, mediaId: string, hint?: { mimeType?: string; filename?: string }): Promise<FileStream>;
  /** `POST /{phone-number-id}/media` (multipart, streamed); resolves to the media id. */
  upload(account: WhatsAppAccountRef, file: FileStream): Promise<string>;
  /** Sends an uploaded file as a message of its kind; resolves to the wamid. */
  sendMedia(account: WhatsAppAccountRef, to: CustomerRef, media: { kind: MediaKind; mediaId: string; caption?: string; filename?: string }): Promise<string>;
  /** The business's reaction on a customer's message; an empty emoji removes it. Resolves to the wamid. */
  sendReaction(account: WhatsAppAccountRef, to: CustomerRef, targetWamid: string, emoji: string): Promise<string>;
}
