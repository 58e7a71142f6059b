/**
 * Media on the Graph API: GET /{mediaId} (the lookup answering a short-lived download URL), the download URL
 * itself (shaped like Meta's lookaside.fbsbx.com URL, Bearer required, optionally slow), DELETE /{mediaId},
 * and POST /{phoneNumberId}/media (multipart upload → `{id}`).
 */
import { randomBytes } from 'node:crypto';
import { invalidParameter, unsupportedRequest } from './errors';
import type { GraphState } from './state';
import type { MediaDownload, Reply, RequestContext } from './types';
import { parseMultipart, type MultipartPart } from './wire';

export function describeMedia(s: GraphState, id: string): Reply {
  const media = s.media.get(id);
  if (!media) return unsupportedRequest('GET', id);
  return {
    status: 200,
    json: {
      messaging_product: 'whatsapp',
      url: downloadUrl(s, id),
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: media.bytes.length,
      id,
    },
  };
}

/** Same query shape as Meta's lookaside URL (mid, ext, hash); only `mid` matters here. */
function downloadUrl(s: GraphState, id: string): string {
  const params = new URLSearchParams({
    mid: id,
    ext: String(Math.floor(Date.now() / 1000)),
    hash: randomBytes(12).toString('base64url'),
  });
  return `${s.url()}/whatsapp_business/attachments/?${params.toString()}`;
}

export function downloadMedia(s: GraphState, id: string): Reply {
  const media = s.media.get(id);
  if (!media) return { status: 404, json: { error: 'media not found' } };
  const download: MediaDownload = { id, startedAt: Date.now() };
  s.downloads.push(download);
  const done = () => void (download.finishedAt = Date.now());
  if (!media.chunks) done(); // written in one go
  return {
    status: 200,
    bytes: media.bytes,
    headers: { 'content-type': media.mimeType, 'content-length': String(media.bytes.length) },
    ...(media.chunks ? { chunks: { ...media.chunks, done } } : {}),
  };
}

export function deleteMedia(s: GraphState, id: string): Reply {
  if (!s.media.delete(id)) return unsupportedRequest('DELETE', id);
  return { status: 200, json: { success: true } };
}

export function uploadMedia(s: GraphState, ctx: RequestContext, phoneNumberId: string): Reply {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    return invalidParameter('(#100) The parameter file is required.');
  }
  let parts: MultipartPart[];
  try {
    parts = parseMultipart(ctx.rawBody, contentType);
  } catch (err) {
    return invalidParameter(`(#100) Invalid multipart body: ${(err as Error).message}`);
  }
  const fields = Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]));
  const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
  if (fields.messaging_product !== 'whatsapp') {
    return invalidParameter('(#100) The parameter messaging_product is required.');
  }
  if (!file) return invalidParameter('(#100) The parameter file is required.');
  const mimeType = fields.type || file.contentType || 'application/octet-stream';
  const id = String(1_000_000_000_000_000 + s.nextCounter());
  s.addMedia(id, { bytes: file.data, mimeType });
  s.uploads.push({ id, phoneNumberId, bytes: file.data, mimeType, filename: file.filename, fields });
  return { status: 200, json: { id } };
}
