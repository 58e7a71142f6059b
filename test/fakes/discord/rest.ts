/**
 * REST side of the fake Discord (`/api/v10/...`), attachment downloads (`/attachments/...`),
 * bot-token auth, Discord's error bodies, rate-limit headers and fault injection.
 * Behaviour per developers/topics/rate-limits.mdx and opcodes-and-status-codes.mdx.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { RESTJSONErrorCodes } from 'discord.js';
import { DiscordRestError, type JsonObject, type UploadedFile } from './shapes';
import { restRoutes, type RestDeps, type Route } from './rest-routes';

export interface CallRecord {
  method: string;
  /** Full path as received, e.g. `/api/v10/channels/1/messages`. */
  path: string;
  /** Path after the `/api/v10` prefix, URL-decoded, e.g. `/webhooks/1/tok/messages/@original`. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON body (for multipart: the parsed `payload_json`). */
  body: unknown;
  files: Array<{ field: string; filename: string; contentType: string; size: number }>;
  headers: IncomingHttpHeaders;
  status: number;
  at: number;
}

export interface FailSpec {
  /** Tested against the route (`/channels/1/messages`, no `/api/v10`); default: every route. */
  route?: RegExp;
  method?: string;
  status: 429 | 500 | 502 | 503;
  /** 429 only; default 1. */
  retryAfterSeconds?: number;
  /** 429 only: global limit (`X-RateLimit-Global`, scope `global`). */
  global?: boolean;
  /** 429 only: `user` (default) or `shared`. */
  scope?: 'user' | 'shared';
  /** How many consecutive matching requests fail; default 1. */
  times?: number;
}

export type { RestDeps } from './rest-routes';

export class FakeRest {
  readonly calls: CallRecord[] = [];
  private faults: Array<FailSpec & { remaining: number }> = [];
  private readonly routes: Route[];

  constructor(private readonly d: RestDeps) {
    this.routes = restRoutes(d);
  }

  failNext(spec: FailSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Node request listener for everything that is not a WebSocket upgrade. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.discord');
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const call: CallRecord = {
      method,
      path: url.pathname,
      route: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      headers: req.headers,
      status: 0,
      at: Date.now(),
    };
    const reply = this.dispatch(method, url, raw, req.headers, call);
    call.status = reply.status;
    this.calls.push(call);
    this.d.onCall(call);
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  private dispatch(
    method: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    call: CallRecord,
  ): { status: number; headers: Record<string, string>; body?: Buffer | string } {
    const file = /^\/(?:media\/)?attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (file) {
      const stored = this.d.state.files.get(file[1]!);
      if (!stored || (method !== 'GET' && method !== 'HEAD'))
        return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'This content is no longer available.' };
      return {
        status: 200,
        headers: { 'Content-Type': stored.contentType, 'Content-Length': String(stored.bytes.length) },
        body: method === 'HEAD' ? undefined : stored.bytes,
      };
    }
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const routePath = (versioned?.[2] ?? url.pathname).split('/').map(safeDecode).join('/');
    call.route = routePath;
    const errorReply = (status: number, message: string, code = 0, extra: JsonObject = {}) => ({
      status,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message, code, ...extra }),
    });
    if (!versioned || !['9', '10'].includes(versioned[1]!)) return errorReply(404, '404: Not Found');
    const candidates = this.routes.filter((r) => r.pattern.test(routePath));
    const route = candidates.find((r) => r.method === method);
    if (!route) return candidates.length ? errorReply(405, '405: Method Not Allowed') : errorReply(404, '404: Not Found');
    if (route.auth && headers.authorization !== `Bot ${this.d.token()}`) return errorReply(401, '401: Unauthorized');

    const fault = this.faults.find((f) => (!f.route || f.route.test(routePath)) && (!f.method || f.method.toUpperCase() === method));
    if (fault) {
      if (--fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return this.faultReply(fault, method, route.template);
    }

    let body: JsonObject;
    let files: UploadedFile[];
    try {
      ({ body, files } = parseBody(raw, headers['content-type']));
    } catch {
      return errorReply(400, 'The request body contains invalid JSON.', RESTJSONErrorCodes.RequestBodyContainsInvalidJSON);
    }
    call.body = raw.length ? body : undefined;
    call.files = files.map((f) => ({ field: f.field, filename: f.filename, contentType: f.contentType, size: f.bytes.length }));
    const params = route.pattern.exec(routePath)!.groups ?? {};
    const rl = route.template.startsWith('/interactions/') ? {} : rateLimitHeaders(method, route.template);
    try {
      const result = route.handler({ method, params, query: url.searchParams, body, files });
      if (!result) return errorReply(404, '404: Not Found');
      if (result.status === 204) return { status: 204, headers: rl };
      return { status: result.status, headers: { ...rl, 'Content-Type': 'application/json' }, body: JSON.stringify(result.body) };
    } catch (err) {
      if (!(err instanceof DiscordRestError)) throw err;
      return {
        ...errorReply(err.status, err.message, err.code, err.errors ? { errors: err.errors } : {}),
        headers: { ...rl, 'Content-Type': 'application/json' },
      };
    }
  }

  private faultReply(f: FailSpec, method: string, template: string): { status: number; headers: Record<string, string>; body: string } {
    if (f.status !== 429) {
      const bodies: Record<number, string> = {
        500: JSON.stringify({ message: '500: Internal Server Error', code: 0 }),
        502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>',
        503: JSON.stringify({ message: 'upstream connect error or disconnect/reset before headers. reset reason: overflow', code: 0 }),
      };
      return { status: f.status, headers: { 'Content-Type': f.status === 502 ? 'text/html' : 'application/json' }, body: bodies[f.status]! };
    }
    const retryAfter = f.retryAfterSeconds ?? 1;
    const body = JSON.stringify({
      message: f.scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.',
      retry_after: retryAfter,
      global: !!f.global,
    });
    const headers: Record<string, string> = f.global
      ? { 'Retry-After': String(retryAfter), 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' }
      : { ...rateLimitHeaders(method, template, 0, retryAfter), 'Retry-After': String(retryAfter), 'X-RateLimit-Scope': f.scope ?? 'user' };
    return { status: 429, headers: { ...headers, 'Content-Type': 'application/json' }, body };
  }
}

/** Plausible per-route headers (rate-limits.mdx "Header Format"); `remaining` never hits 0 unless asked. */
function rateLimitHeaders(method: string, template: string, remaining = 4, resetAfter = 5): Record<string, string> {
  return {
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': (Date.now() / 1000 + resetAfter).toFixed(3),
    'X-RateLimit-Reset-After': resetAfter.toFixed(3),
    'X-RateLimit-Bucket': createHash('md5').update(`${method} ${template}`).digest('hex'),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON, or multipart/form-data with `payload_json` + `files[n]` (how @discordjs/rest uploads). */
export function parseBody(raw: Buffer, contentType = ''): { body: JsonObject; files: UploadedFile[] } {
  if (!raw.length) return { body: {}, files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!/multipart\/form-data/i.test(contentType) || !boundary) return { body: JSON.parse(raw.toString('utf8')) as JsonObject, files: [] };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let body: JsonObject = {};
  const files: UploadedFile[] = [];
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    pos += delimiter.length;
    if (raw.subarray(pos, pos + 2).toString() === '--') break;
    const headerEnd = raw.indexOf('\r\n\r\n', pos);
    const next = raw.indexOf(delimiter, headerEnd + 4);
    if (headerEnd === -1 || next === -1) break;
    const partHeaders = raw.subarray(pos, headerEnd).toString('utf8');
    const data = raw.subarray(headerEnd + 4, next - 2);
    const name = /\bname="([^"]*)"/i.exec(partHeaders)?.[1] ?? '';
    const filenameStar = /\bfilename\*=(?:UTF-8'')?([^;\r\n]+)/i.exec(partHeaders)?.[1];
    const filename = filenameStar ? decodeURIComponent(filenameStar) : /\bfilename="([^"]*)"/i.exec(partHeaders)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(partHeaders)?.[1]?.trim() ?? 'application/octet-stream';
      files.push({ field: name, filename: decodeURIComponent(filename), contentType: type, bytes: Buffer.from(data) });
    } else if (name === 'payload_json') {
      body = JSON.parse(data.toString('utf8')) as JsonObject;
    } else {
      body[name] = data.toString('utf8');
    }
    pos = next;
  }
  return { body, files };
}
