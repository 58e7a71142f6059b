/**
 * The wire side of the fake Slack Web API: decoding request bodies the way the WebClient encodes them
 * (urlencoded, JSON or multipart) and writing answers (JSON, text, Slack's 429 with Retry-After).
 */
import type http from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { ApiResult, Args, FaultSpec } from './types';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Arguments the WebClient JSON-stringifies into a single form field (serializeApiCallData). */
const JSON_ENCODED_ARGS = new Set(['blocks', 'attachments', 'files', 'view', 'metadata', 'user_auth_blocks']);

// ------------------------------------------------------------------ body parsing

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a Web API request body; undefined means malformed JSON. */
export function parseArgs(contentType: string | undefined, body: Buffer): Args | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return body.length ? tryParseJson(body.toString('utf8')) : {};
  if (type === 'multipart/form-data') return decodeJsonArgs(multipartArgs(parseMultipart(contentType ?? '', body)));
  return decodeJsonArgs(flattenQuery(parseQuery(body.toString('utf8'))));
}

function flattenQuery(query: NodeJS.Dict<string | string[]>): Args {
  const args: Args = {};
  for (const [key, value] of Object.entries(query)) args[key] = Array.isArray(value) ? value.at(-1) : value;
  return args;
}

/** Form bodies carry non-scalar args as JSON strings; only known fields are decoded so text stays text. */
function decodeJsonArgs(args: Args): Args {
  for (const key of JSON_ENCODED_ARGS) {
    if (typeof args[key] === 'string') args[key] = tryParseJson(args[key]) ?? args[key];
  }
  return args;
}

function multipartArgs(parts: MultipartPart[]): Args {
  const args: Args = {};
  for (const part of parts) args[part.name] = part.filename === undefined ? part.data.toString('utf8') : part.data;
  return args;
}

export function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const contentStart = start + delimiter.length;
    if (body.subarray(contentStart, contentStart + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, contentStart);
    if (next === -1) break;
    // Each part sits between "<delimiter>\r\n" and "\r\n<next delimiter>".
    const part = parsePart(body.subarray(contentStart + 2, next - 2));
    if (part) parts.push(part);
    start = next;
  }
  return parts;
}

function parsePart(raw: Buffer): MultipartPart | undefined {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd === -1) return undefined;
  const headers = raw.subarray(0, headerEnd).toString('utf8');
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  return {
    name,
    filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
    contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
    data: raw.subarray(headerEnd + 4),
  };
}

export function tryParseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ responses

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** 429 carries Retry-After (seconds) and the documented `ratelimited` error, like real Slack. */
export function sendFaultStatus(res: http.ServerResponse, fault: FaultSpec): void {
  if (fault.status === 429) {
    res.writeHead(429, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(fault.retryAfterSeconds ?? 1) });
    res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    return;
  }
  sendText(res, fault.status ?? 500, fault.status === 503 ? 'Service Unavailable' : 'Internal Server Error');
}
// ------------------------------------------------------------------ small helpers

export function fail(error: string): ApiResult {
  return { ok: false, error };
}

export function isObject(value: unknown): value is Args {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
