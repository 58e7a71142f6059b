/**
 * Files on their way through the bridge, both ways (the WhatsApp media port is in ports/whatsapp.ts).
 * A file is a stream read once: nothing here holds a whole file in memory.
 */
import type { Readable } from 'node:stream';

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
