/**
 * WhatsApp media on the Graph API (shared notes §6–§7): a customer's file is looked up (`GET /{media-id}`, its URL
 * lives 5 minutes) and downloaded with the access token; an agent's file is uploaded (`POST /{phone-number-id}/media`,
 * multipart) and sent by id. Files are streamed both ways. Every failure is a typed DeliveryError.
 */
import { DeliveryError, type FailureExplanation } from '../../src/domain/errors';
import type { FileStream } from '../../src/domain/media';
import type { WhatsAppAccountRef, WhatsAppMedia } from '../../src/domain/ports/whatsapp';
import type { MediaKind } from '../../src/domain/content';
import type { CustomerRef } from '../../src/domain/whatsapp';
import { multipartBody, streamGet, streamPost } from '../shared/streams';
import { graphHttpError } from './errors';
import { recipientOf, type GraphClient } from './graph-client';

export interface MediaClientOptions {
  baseUrl: string;
  version: string;
  /** A transfer that sends or receives nothing this long is abandoned (and retried by the outbox). */
  idleMs?: number;
}

interface MediaUrl {
  url?: string;
  mime_type?: string;
  file_size?: number | string;
}

/** What a person reads when WhatsApp no longer has a customer's file. */
function gone(code: string, details?: string): FailureExplanation {
  return {
    code,
    meaning: `WhatsApp no longer has this file (a customer’s media can be fetched for 7 days after it was sent)${details ? ` (${details})` : ''}`,
    action: 'ask the customer to send it again',
  };
}

const network = (err: unknown, what: string): DeliveryError => {
  const e = err as Error;
  const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError' || (e.cause as Error | undefined)?.name === 'TimeoutError';
  return DeliveryError.retryable('whatsapp', {
    code: timedOut ? 'timeout' : 'network',
    meaning: timedOut ? `the ${what} stalled` : `the ${what} failed (${e.message})`,
    action: 'nothing: the bridge retries',
  });
};

/** Captions go on images, videos and documents only (Meta ignores or refuses them elsewhere). */
const CAPTIONED = new Set<MediaKind>(['image', 'video', 'document']);

export class WhatsAppMediaClient implements WhatsAppMedia {
  constructor(
    private readonly graph: GraphClient,
    private readonly opts: MediaClientOptions,
  ) {}

  private url(path: string): string {
    return `${this.opts.baseUrl}/${this.opts.version}/${path}`;
  }

  async download(account: WhatsAppAccountRef, mediaId: string, hint: { mimeType?: string; filename?: string } = {}): Promise<FileStream> {
    let info: MediaUrl;
    try {
      info = (await this.graph.request(
        account,
        'GET',
        `${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(account.phoneNumberId)}`,
      )) as MediaUrl;
    } catch (err) {
      // Code 100 on a media id: "Object … does not exist" — the id expired (7 days) or was deleted.
      if (err instanceof DeliveryError && !err.retryable && err.explanation.code === '100') throw DeliveryError.permanent('whatsapp', gone('100'));
      throw err;
    }
    if (!info.url) throw DeliveryError.permanent('whatsapp', gone('no_url', 'the media lookup returned no URL'));
    let res;
    try {
      res = await streamGet(info.url, { authorization: `Bearer ${account.accessToken}` }, { idleMs: this.opts.idleMs });
    } catch (err) {
      throw network(err, 'download from WhatsApp');
    }
    if (res.status !== 200) {
      res.body.destroy();
      // 404: the URL (5 minutes) or the media expired; a retry looks the URL up again (notes §7).
      if (res.status === 404) throw DeliveryError.permanent('whatsapp', gone('404', 'download answered 404'));
      throw graphHttpError(res.status, undefined, undefined);
    }
    const declared = Number(info.file_size);
    return {
      name: hint.filename ?? '',
      mimeType: info.mime_type ?? res.headers.get('content-type') ?? hint.mimeType ?? 'application/octet-stream',
      size: Number.isFinite(declared) && declared > 0 ? declared : res.length,
      stream: res.body,
    };
  }

  async upload(account: WhatsAppAccountRef, file: FileStream): Promise<string> {
    const form = multipartBody([
      { name: 'messaging_product', value: 'whatsapp' },
      { name: 'type', value: file.mimeType },
      { name: 'file', filename: file.name, contentType: file.mimeType, stream: file.stream, size: file.size },
    ]);
    let res;
    try {
      res = await streamPost(
        this.url(`${account.phoneNumberId}/media`),
        { authorization: `Bearer ${account.accessToken}`, 'content-type': form.contentType },
        form.body,
        {
          length: form.length,
          idleMs: this.opts.idleMs,
        },
      );
    } catch (err) {
      throw network(err, 'upload to WhatsApp');
    }
    let json: { id?: string } | undefined;
    try {
      json = JSON.parse(res.text) as { id?: string };
    } catch {
      json = undefined;
    }
    if (res.status < 200 || res.status >= 300) {
      const retryAfter = Number(res.headers.get('retry-after'));
      throw graphHttpError(res.status, json, Number.isFinite(retryAfter) && res.headers.has('retry-after') ? retryAfter * 1000 : undefined);
    }
    if (!json?.id)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_media_id',
        meaning: 'the Graph API accepted the file but returned no media id',
        action: 'try again',
      });
    return json.id;
  }

  private async sendMessage(account: WhatsAppAccountRef, to: CustomerRef, type: string, content: Record<string, unknown>): Promise<string> {
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipientOf(to), type, [type]: content };
    const res = (await this.graph.request(account, 'POST', `${account.phoneNumberId}/messages`, body)) as { messages?: { id?: string }[] };
    const wamid = res.messages?.[0]?.id;
    if (!wamid)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_wamid',
        meaning: 'the Graph API accepted the message but returned no message id',
        action: 'check the message on the customer’s side',
      });
    return wamid;
  }

  sendMedia(
    account: WhatsAppAccountRef,
    to: CustomerRef,
    m: { kind: MediaKind; mediaId?: string; link?: string; caption?: string; filename?: string },
  ): Promise<string> {
    // Meta's media object takes an uploaded `id` or a public `link` (automatic messages may name a file by URL).
    return this.sendMessage(account, to, m.kind, {
      ...(m.link ? { link: m.link } : { id: m.mediaId }),
      ...(m.caption && CAPTIONED.has(m.kind) ? { caption: m.caption } : {}),
      ...(m.filename && m.kind === 'document' ? { filename: m.filename } : {}),
    });
  }

  sendReaction(account: WhatsAppAccountRef, to: CustomerRef, targetWamid: string, emoji: string): Promise<string> {
    return this.sendMessage(account, to, 'reaction', { message_id: targetWamid, emoji });
  }
}
