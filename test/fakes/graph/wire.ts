/**
 * The wire side of the fake Graph API: reading JSON and multipart/form-data (RFC 7578) bodies and writing replies.
 */
import type http from 'node:http';
import type { Reply } from './types';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function send(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  if (reply.bytes) {
    res.writeHead(reply.status, reply.headers);
    res.end(reply.bytes);
    return;
  }
  const payload = JSON.stringify(reply.json ?? {});
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8', ...reply.headers });
  res.end(payload);
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonBody(req: http.IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0 || !/json/i.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) throw new Error('missing boundary');
  // Parts are separated by CRLF--boundary; the CRLF belongs to the delimiter, not the data.
  const delimiter = Buffer.from(`\r\n--${token}`);
  const parts: MultipartPart[] = [];
  // Prefix a CRLF so the first delimiter (which may start the body) looks like the others.
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  let position = data.indexOf(delimiter);
  if (position < 0) throw new Error('boundary not found');
  for (;;) {
    position += delimiter.length;
    if (data.subarray(position, position + 2).toString() === '--') return parts;
    const partStart = data.indexOf('\r\n', position) + 2;
    const next = data.indexOf(delimiter, partStart);
    if (partStart < 2 || next < 0) throw new Error('unterminated part');
    parts.push(parsePart(data.subarray(partStart, next)));
    position = next;
  }
}

function parsePart(raw: Buffer): MultipartPart {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new Error('part without headers');
  const headers = raw.subarray(0, headerEnd).toString('utf8').split('\r\n');
  const header = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const disposition = header('content-disposition') ?? '';
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new Error('part without a name');
  return {
    name,
    filename: /filename="([^"]*)"/i.exec(disposition)?.[1],
    contentType: header('content-type'),
    data: raw.subarray(headerEnd + 4),
  };
}
