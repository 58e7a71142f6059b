/**
 * FakeGraphApi: a protocol-faithful local stand-in for Meta's Graph API as used by the WhatsApp
 * Cloud API (see /work/shared/notes/whatsapp-cloud-api.md §6–§9).
 *
 * The bridge is pointed at it by using `fake.url` instead of `https://graph.facebook.com`; it then
 * calls `{url}/{version}/...` over real HTTP, so serialisation, auth headers, retries and timeouts
 * are exercised as in production.
 *
 * Endpoints served on one port:
 *   POST   /{version}/{phoneNumberId}/messages          send a message, or mark one as read
 *   POST   /{version}/{phoneNumberId}/media             multipart upload → {id}
 *   GET    /{version}/{wabaId}/message_templates        templates with Meta's cursor paging
 *   GET    /{version}/{mediaId}                         media URL lookup
 *   DELETE /{version}/{mediaId}                         media deletion
 *   GET    /whatsapp_business/attachments/?mid=...      the media download URL (Bearer required),
 *                                                       shaped like Meta's lookaside.fbsbx.com URL
 *
 * Faults (failNext / hangNext / dropNext) share one FIFO queue: each request consumes the first
 * queued fault whose `path` matches it, so tests can script "the 2nd send gets a 429" precisely.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';

export interface FakeGraphApiOptions {
  /** Token expected in `Authorization: Bearer …` (default 'test-access-token'). */
  accessToken?: string;
  /** Graph version segment to require, e.g. 'v21.0'. Omitted = any `vNN.N` is accepted. */
  version?: string;
}

/** One HTTP request as the fake received it. */
export interface GraphCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, otherwise the raw body as a string ('' when empty). */
  body: unknown;
}

export interface MetaErrorSpec {
  code: number;
  message?: string;
  details?: string;
}

export interface FailSpec {
  /** Only requests whose path matches are affected; omitted = the next request of any kind. */
  path?: RegExp;
  status: number;
  /** Defaults depend on status: 401 → 190, 429 → 130429, otherwise 131000. */
  error?: MetaErrorSpec;
  retryAfterSeconds?: number;
  /** How many matching requests this fault applies to (default 1). */
  times?: number;
}

export interface HangSpec {
  path?: RegExp;
  /** Delay before the request is processed and answered. */
  ms: number;
}

export interface DropSpec {
  path?: RegExp;
}

export interface MediaSpec {
  bytes: Buffer;
  mimeType: string;
  /** Serve the download in chunks of `bytes`, `delayMs` apart (a slow CDN), to observe streaming. */
  chunks?: { bytes: number; delayMs: number };
}

/** One media download served: when it started and when its last byte was written. */
export interface MediaDownload {
  id: string;
  startedAt: number;
  finishedAt?: number;
}

/** A file received on POST /{phoneNumberId}/media. */
export interface UploadedMedia {
  id: string;
  phoneNumberId: string;
  bytes: Buffer;
  mimeType: string;
  filename?: string;
  /** The non-file form fields (messaging_product, type, …). */
  fields: Record<string, string>;
}

/** A template as returned by GET /{wabaId}/message_templates; free-form beyond these keys. */
export interface GraphTemplate {
  id?: string;
  name?: string;
  status?: string;
  [key: string]: unknown;
}

type Fault =
  | { kind: 'fail'; path?: RegExp; remaining: number; spec: FailSpec }
  | { kind: 'hang'; path?: RegExp; remaining: number; ms: number }
  | { kind: 'drop'; path?: RegExp; remaining: number };

interface StoredMedia extends MediaSpec {
  sha256: string;
}

interface Reply {
  status: number;
  json?: unknown;
  bytes?: Buffer;
  headers?: Record<string, string>;
  /** Write `bytes` in chunks with pauses; `done` is called after the last one. */
  chunks?: { bytes: number; delayMs: number; done: () => void };
}

interface RequestContext {
  req: http.IncomingMessage;
  method: string;
  path: string;
  query: Record<string, string>;
  rawBody: Buffer;
  json: unknown;
}

const DEFAULT_TOKEN = 'test-access-token';
const TEXT_BODY_MAX = 4096;
const DEFAULT_PAGE_SIZE = 25;
const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'];
/** Titles used when a test injects a code without a message (from Meta's error-code table). */
const ERROR_TITLES: Record<number, string> = {
  2: 'Service temporarily unavailable',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Access token has expired',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};
/** ISO country code + '.' + alphanumerics, e.g. US.13491208655302741918 (notes §2). */
const BSUID_PATTERN = /^[A-Z]{2}\.[A-Za-z0-9.]+$/;

export class FakeGraphApi {
  readonly calls: GraphCall[] = [];
  readonly uploads: UploadedMedia[] = [];
  /** Media downloads served (GET on the download URL), in order. */
  readonly downloads: MediaDownload[] = [];
  /** Called with each successfully accepted message body (not for mark-as-read). */
  onMessageSent?: (body: Record<string, any>, wamid: string) => void;
  /**
   * Awaited after a send is accepted and before its HTTP answer goes out: lets a test deliver a status
   * webhook for that wamid that really does beat the send's own response (Meta gives no ordering).
   */
  beforeSendResponse?: (wamid: string) => Promise<void>;
  private lastWamid?: string;

  readonly accessToken: string;
  private readonly requiredVersion?: string;
  private readonly faults: Fault[] = [];
  private readonly media = new Map<string, StoredMedia>();
  private readonly templates = new Map<string, GraphTemplate[]>();
  private readonly sent: Record<string, any>[] = [];
  private readonly reads: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;
  private port = 0;

  private constructor(
    private readonly server: http.Server,
    opts: FakeGraphApiOptions,
  ) {
    this.accessToken = opts.accessToken ?? DEFAULT_TOKEN;
    this.requiredVersion = opts.version;
  }

  static async start(opts: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
    const server = http.createServer();
    const fake = new FakeGraphApi(server, opts);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL without trailing slash; the bridge appends `/{version}/...`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Keep-alive sockets (undici pools them) would otherwise hold server.close() open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- configuration

  setTemplates(wabaId: string, templates: GraphTemplate[]): void {
    this.templates.set(
      wabaId,
      templates.map((t) => ({ ...t })),
    );
  }

  addMedia(id: string, spec: MediaSpec): void {
    this.media.set(id, { ...spec, sha256: createHash('sha256').update(spec.bytes).digest('hex') });
  }

  failNext(spec: FailSpec): void {
    this.faults.push({ kind: 'fail', path: spec.path, remaining: spec.times ?? 1, spec });
  }

  /** Delays the matching request. It is still processed afterwards, as a real timed-out request may be. */
  hangNext(spec: HangSpec): void {
    this.faults.push({ kind: 'hang', path: spec.path, remaining: 1, ms: spec.ms });
  }

  /** Destroys the socket of the matching request without answering (a network error for the client). */
  dropNext(spec: DropSpec = {}): void {
    this.faults.push({ kind: 'drop', path: spec.path, remaining: 1 });
  }

  // ---------------------------------------------------------------- inspection

  /** Bodies of accepted POST .../messages sends, in order (mark-as-read bodies excluded). */
  sentMessages(): Record<string, any>[] {
    return [...this.sent];
  }

  /** wamids passed to mark-as-read, in order. */
  readReceipts(): string[] {
    return [...this.reads];
  }

  /** Forgets calls, sends, uploads and pending faults; configured templates and media stay. */
  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.downloads.length = 0;
    this.faults.length = 0;
    this.sent.length = 0;
    this.reads.length = 0;
  }

  // ---------------------------------------------------------------- request pipeline

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const ctx = await this.readRequest(req);
      this.record(ctx);
      const fault = this.takeFault(ctx.path);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'hang') await this.sleep(fault.ms);
      this.lastWamid = undefined;
      const reply = fault?.kind === 'fail' ? failureReply(fault.spec) : this.route(ctx);
      const accepted = this.lastWamid;
      if (accepted && this.beforeSendResponse) await this.beforeSendResponse(accepted);
      if (reply.chunks && reply.bytes) return await this.sendChunked(res, reply);
      send(res, reply);
    } catch (err) {
      send(res, metaError(500, 1, `An unknown error occurred: ${(err as Error).message}`));
    }
  }

  private async readRequest(req: http.IncomingMessage): Promise<RequestContext> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    return {
      req,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawBody,
      json: parseJsonBody(req, rawBody),
    };
  }

  private record(ctx: RequestContext): void {
    this.calls.push({
      method: ctx.method,
      path: ctx.path,
      query: ctx.query,
      headers: ctx.req.headers,
      body: ctx.json !== undefined ? ctx.json : ctx.rawBody.toString('utf8'),
    });
  }

  private async sendChunked(res: http.ServerResponse, reply: Reply): Promise<void> {
    const { bytes: size, delayMs, done } = reply.chunks!;
    res.writeHead(reply.status, reply.headers);
    for (let offset = 0; offset < reply.bytes!.length && !res.destroyed; offset += size) {
      if (offset > 0) await this.sleep(delayMs);
      const more = res.write(reply.bytes!.subarray(offset, offset + size));
      if (!more && !res.destroyed) await new Promise((r) => res.once('drain', r));
    }
    res.end(() => done());
  }

  private takeFault(path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => !f.path || f.path.test(path));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private route(ctx: RequestContext): Reply {
    if (!this.isAuthorized(ctx.req)) return invalidTokenReply();
    if (ctx.method === 'GET' && ctx.path === '/whatsapp_business/attachments/') {
      return this.downloadMedia(ctx.query.mid ?? '');
    }
    const segments = ctx.path.split('/').filter(Boolean);
    const [version, id, edge, ...rest] = segments;
    if (!version || !id || rest.length > 0 || !this.isKnownVersion(version)) {
      return unsupportedRequest(ctx.method, id ?? '');
    }
    return this.routeGraph(ctx, version, id, edge);
  }

  private routeGraph(ctx: RequestContext, version: string, id: string, edge: string | undefined): Reply {
    // Requests on the object itself (GET/DELETE /{mediaId}) have no edge.
    const key = `${ctx.method} ${edge ?? '(node)'}`;
    switch (key) {
      case 'POST messages':
        return this.postMessage(ctx.json);
      case 'POST media':
        return this.uploadMedia(ctx, id);
      case 'GET message_templates':
        return this.listTemplates(version, id, ctx.query);
      case 'GET (node)':
        return this.describeMedia(id);
      case 'DELETE (node)':
        return this.deleteMedia(id);
      default:
        return unsupportedRequest(ctx.method, id);
    }
  }

  private isAuthorized(req: http.IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.accessToken}`;
  }

  private isKnownVersion(version: string): boolean {
    return this.requiredVersion ? version === this.requiredVersion : /^v\d+\.\d+$/.test(version);
  }

  // ---------------------------------------------------------------- messages

  private postMessage(body: unknown): Reply {
    if (!isObject(body)) return invalidParameter('(#100) The request body must be a JSON object.');
    if (body.messaging_product !== 'whatsapp') {
      return invalidParameter('(#100) The parameter messaging_product is required.');
    }
    if (body.status === 'read') return this.markAsRead(body);
    const problem = validateSend(body);
    if (problem) return invalidParameter(problem);
    this.sent.push(body);
    const wamid = this.newWamid();
    this.lastWamid = wamid;
    this.onMessageSent?.(body, wamid);
    return { status: 200, json: sendResponse(recipientOf(body), wamid) };
  }

  private markAsRead(body: Record<string, any>): Reply {
    if (typeof body.message_id !== 'string' || !body.message_id) {
      return invalidParameter('(#100) The parameter message_id is required.');
    }
    this.reads.push(body.message_id);
    return { status: 200, json: { success: true } };
  }

  /** Real wamids are base64 of an opaque blob and can contain '+', '/' and '='. */
  private newWamid(): string {
    const sequence = Buffer.alloc(4);
    sequence.writeUInt32BE(++this.counter);
    return `wamid.${Buffer.concat([Buffer.from('HBgL'), sequence, randomBytes(16)]).toString('base64')}`;
  }

  // ---------------------------------------------------------------- templates

  private listTemplates(version: string, wabaId: string, query: Record<string, string>): Reply {
    const all = this.templates.get(wabaId);
    if (!all) return unsupportedRequest('GET', wabaId);
    const matching = query.status ? all.filter((t) => String(t.status ?? '').toUpperCase() === query.status!.toUpperCase()) : all;
    const limit = Math.max(1, Number(query.limit) || DEFAULT_PAGE_SIZE);
    const start = query.after ? decodeCursor(query.after) + 1 : 0;
    const page = matching.slice(start, start + limit);
    if (page.length === 0) return { status: 200, json: { data: [] } };
    const last = start + page.length - 1;
    const paging: Record<string, unknown> = {
      cursors: { before: encodeCursor(start), after: encodeCursor(last) },
    };
    if (last < matching.length - 1) {
      paging.next = this.nextPageUrl(version, wabaId, query, limit, encodeCursor(last));
    }
    return { status: 200, json: { data: page, paging } };
  }

  /** Meta's `next` is an absolute URL repeating the query with the new cursor. */
  private nextPageUrl(version: string, wabaId: string, query: Record<string, string>, limit: number, after: string): string {
    const params = new URLSearchParams({ ...query, limit: String(limit), after });
    return `${this.url}/${version}/${wabaId}/message_templates?${params.toString()}`;
  }

  // ---------------------------------------------------------------- media

  private describeMedia(id: string): Reply {
    const media = this.media.get(id);
    if (!media) return unsupportedRequest('GET', id);
    return {
      status: 200,
      json: {
        messaging_product: 'whatsapp',
        url: this.downloadUrl(id),
        mime_type: media.mimeType,
        sha256: media.sha256,
        file_size: media.bytes.length,
        id,
      },
    };
  }

  /** Same query shape as Meta's lookaside URL (mid, ext, hash); only `mid` matters here. */
  private downloadUrl(id: string): string {
    const params = new URLSearchParams({
      mid: id,
      ext: String(Math.floor(Date.now() / 1000)),
      hash: randomBytes(12).toString('base64url'),
    });
    return `${this.url}/whatsapp_business/attachments/?${params.toString()}`;
  }

  private downloadMedia(id: string): Reply {
    const media = this.media.get(id);
    if (!media) return { status: 404, json: { error: 'media not found' } };
    const download: MediaDownload = { id, startedAt: Date.now() };
    this.downloads.push(download);
    const done = () => void (download.finishedAt = Date.now());
    if (!media.chunks) done(); // written in one go
    return {
      status: 200,
      bytes: media.bytes,
      headers: { 'content-type': media.mimeType, 'content-length': String(media.bytes.length) },
      ...(media.chunks ? { chunks: { ...media.chunks, done } } : {}),
    };
  }

  private deleteMedia(id: string): Reply {
    if (!this.media.delete(id)) return unsupportedRequest('DELETE', id);
    return { status: 200, json: { success: true } };
  }

  private uploadMedia(ctx: RequestContext, phoneNumberId: string): Reply {
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
    const id = String(1_000_000_000_000_000 + ++this.counter);
    this.addMedia(id, { bytes: file.data, mimeType });
    this.uploads.push({ id, phoneNumberId, bytes: file.data, mimeType, filename: file.filename, fields });
    return { status: 200, json: { id } };
  }
}

// ------------------------------------------------------------------ send validation

function validateSend(body: Record<string, any>): string | undefined {
  const recipient = recipientOf(body);
  if (typeof recipient !== 'string' || !recipient.trim()) return '(#100) The parameter to is required.';
  // Meta documents `type` as optional with "text" as the default.
  const type = body.type ?? 'text';
  if (!MESSAGE_TYPES.includes(type)) {
    return `(#100) Param type must be one of {${MESSAGE_TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${type}".`;
  }
  if (!isObject(body[type])) return `(#100) The parameter ${type} is required.`;
  if (type === 'text') return validateText(body.text);
  return undefined;
}

function validateText(text: Record<string, any>): string | undefined {
  if (typeof text.body !== 'string' || text.body.length === 0) {
    return "(#100) The parameter text['body'] is required.";
  }
  if (text.body.length > TEXT_BODY_MAX) {
    return `(#100) Param text['body'] must be at most ${TEXT_BODY_MAX} characters long.`;
  }
  return undefined;
}

/** `to` is the documented field; `recipient` is accepted as an alias for BSUID sends (inference). */
function recipientOf(body: Record<string, any>): unknown {
  return body.to ?? body.recipient;
}

function sendResponse(input: unknown, wamid: string): Record<string, unknown> {
  const value = String(input);
  // A BSUID send answers with contacts[].user_id instead of wa_id (notes §2).
  const contact = BSUID_PATTERN.test(value) ? { input: value, user_id: value } : { input: value, wa_id: value.replace(/\D/g, '') };
  return { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: wamid }] };
}

// ------------------------------------------------------------------ errors

function fbtraceId(): string {
  return randomBytes(8).toString('base64url');
}

function metaError(status: number, code: number, message: string, details?: string): Reply {
  const error: Record<string, unknown> = { message, type: 'OAuthException', code };
  if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
  error.fbtrace_id = fbtraceId();
  return { status, json: { error } };
}

function invalidParameter(message: string): Reply {
  return metaError(400, 100, message);
}

function invalidTokenReply(): Reply {
  return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
}

function unsupportedRequest(method: string, id: string): Reply {
  return metaError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );
}

function defaultErrorFor(status: number): MetaErrorSpec {
  if (status === 401) return { code: 190 };
  if (status === 429) return { code: 130429 };
  return { code: 131000 };
}

function failureReply(spec: FailSpec): Reply {
  const { code, message, details } = spec.error ?? defaultErrorFor(spec.status);
  const title = message ?? ERROR_TITLES[code] ?? 'Error';
  const reply = metaError(spec.status, code, `(#${code}) ${title}`, details ?? title);
  if (spec.retryAfterSeconds !== undefined) {
    reply.headers = { 'retry-after': String(spec.retryAfterSeconds) };
  }
  return reply;
}

// ------------------------------------------------------------------ helpers

function send(res: http.ServerResponse, reply: Reply): void {
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

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonBody(req: http.IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0 || !/json/i.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Cursors are opaque to clients; base64 of the item index keeps them looking like Meta's. */
function encodeCursor(index: number): string {
  return Buffer.from(`idx:${index}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^idx:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : -1;
}

// ------------------------------------------------------------------ multipart/form-data (RFC 7578)

interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
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
