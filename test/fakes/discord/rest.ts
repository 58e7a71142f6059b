/**
 * REST side of the fake Discord (`/api/v10/...`), attachment downloads (`/attachments/...`),
 * bot-token auth, Discord's error bodies, rate-limit headers and fault injection.
 * Behaviour per developers/topics/rate-limits.mdx and opcodes-and-status-codes.mdx.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ChannelType, MessageType, RESTJSONErrorCodes, type APIMessage } from 'discord.js';
import { DiscordRestError, type JsonObject, type UploadedFile } from './shapes';
import type { DiscordState } from './state';
import type { HttpReply, Interactions } from './interactions';

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

interface Ctx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: JsonObject;
  files: UploadedFile[];
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  auth: boolean;
  handler: (ctx: Ctx) => HttpReply | undefined;
}

export interface RestDeps {
  applicationId: string;
  state: DiscordState;
  interactions: Interactions;
  token: () => string;
  gatewayUrl: () => string;
  identifyCount: () => number;
  onCall: (call: CallRecord) => void;
  /** The application's flags (`GET /applications/@me`), e.g. GATEWAY_MESSAGE_CONTENT when that intent is enabled. */
  applicationFlags: () => number;
}

const json = (body: unknown, status = 200): HttpReply => ({ status, body });
const NO_CONTENT: HttpReply = { status: 204 };

export class FakeRest {
  readonly calls: CallRecord[] = [];
  private faults: Array<FailSpec & { remaining: number }> = [];
  private readonly routes: Route[] = [];

  constructor(private readonly d: RestDeps) {
    this.defineRoutes();
  }

  failNext(spec: FailSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private on(method: string, template: string, handler: Route['handler'], auth = true): void {
    const pattern = new RegExp(`^${template.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    this.routes.push({ method, template, pattern, auth, handler });
  }

  private defineRoutes(): void {
    const s = this.d.state;
    const guild = (gid: string | undefined) => {
      if (gid !== s.guildId) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
    };
    const app = (appId: string | undefined) => {
      if (appId !== this.d.applicationId) throw new DiscordRestError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
    };
    const messageFrom = (c: Ctx) => ({
      content: c.body.content as string | undefined,
      embeds: c.body.embeds as unknown[] | undefined,
      components: c.body.components as unknown[] | undefined,
      attachmentMeta: c.body.attachments as [] | undefined,
      files: c.files,
      tts: c.body.tts === true,
      nonce: c.body.nonce as string | undefined,
      flags: (c.body.flags as number | undefined) ?? 0,
    });

    this.on('GET', '/gateway', () => json({ url: this.d.gatewayUrl() }), false);
    this.on('GET', '/gateway/bot', () =>
      json({
        url: this.d.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000 - this.d.identifyCount(), reset_after: 14400000, max_concurrency: 1 },
      }),
    );
    this.on('GET', '/users/@me', () =>
      json({
        ...s.bot,
        verified: true,
        mfa_enabled: false,
        locale: 'en-US',
        email: null,
        banner: null,
        accent_color: null,
        bio: '',
      }),
    );
    this.on('GET', '/applications/@me', () =>
      json({
        id: this.d.applicationId,
        name: s.bot.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot: s.bot,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: createHash('sha256').update(this.d.applicationId).digest('hex'),
        flags: this.d.applicationFlags(),
        team: null,
        owner: { id: '300000000000000000', username: 'owner', discriminator: '0', global_name: 'Owner', avatar: null },
        guild_id: s.guildId,
        approximate_guild_count: 1,
        integration_types_config: { '0': {} },
        hook: true,
        is_monetized: false,
        redirect_uris: [],
        interactions_endpoint_url: null,
        role_connections_verification_url: null,
        tags: [],
      }),
    );

    // ---- guilds
    this.on('GET', '/guilds/:gid', ({ params }) => {
      guild(params.gid);
      const {
        joined_at,
        large,
        unavailable,
        member_count,
        lazy,
        voice_states,
        members,
        presences,
        stage_instances,
        guild_scheduled_events,
        soundboard_sounds,
        embedded_activities,
        activity_instances,
        channels,
        threads,
        ...rest
      } = s.guildPayload();
      return json(rest);
    });
    this.on('GET', '/guilds/:gid/channels', ({ params }) => (guild(params.gid), json([...s.channels.values()].filter((c) => !s.isThread(c)))));
    this.on('GET', '/guilds/:gid/threads/active', ({ params }) => (guild(params.gid), json({ threads: s.activeThreads(), members: [] })));
    this.on('GET', '/guilds/:gid/members/:uid', ({ params }) => {
      guild(params.gid);
      const member = s.members.get(params.uid!);
      if (!member) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
      return json(member);
    });

    // ---- channels & messages
    this.on('GET', '/channels/:cid', ({ params }) => json(s.channel(params.cid!)));
    this.on('PATCH', '/channels/:cid', ({ params, body }) => json(s.modifyChannel(params.cid!, body)));
    this.on('POST', '/channels/:cid/typing', ({ params }) => (s.channel(params.cid!), NO_CONTENT));
    this.on('GET', '/channels/:cid/messages', ({ params, query }) => {
      const all = [...(s.messages.get(s.channel(params.cid!).id) ?? [])].reverse(); // newest first
      const limit = Math.min(Number(query.get('limit') ?? 50), 100);
      const before = query.get('before');
      const after = query.get('after');
      const list = all.filter((m) => (!before || BigInt(m.id) < BigInt(before)) && (!after || BigInt(m.id) > BigInt(after)));
      return json(list.slice(0, limit));
    });
    this.on('GET', '/channels/:cid/messages/:mid', ({ params }) => json(s.findMessage(params.cid!, params.mid!)));
    this.on('POST', '/channels/:cid/messages', (c) => {
      const ref = c.body.message_reference as JsonObject | undefined;
      const referenced = ref?.message_id ? s.findMessage((ref.channel_id as string | undefined) ?? c.params.cid!, ref.message_id as string) : undefined;
      const msg = s.createMessage(c.params.cid!, {
        ...messageFrom(c),
        author: s.bot,
        ...(referenced
          ? { type: MessageType.Reply, messageReference: { type: 0, channel_id: referenced.channel_id, message_id: referenced.id, guild_id: s.guildId } }
          : {}),
      });
      return json(referenced ? { ...msg, referenced_message: referenced } : msg);
    });
    this.on('PATCH', '/channels/:cid/messages/:mid', ({ params, body, files }) => {
      if (s.findMessage(params.cid!, params.mid!).author.id !== s.bot.id) {
        throw new DiscordRestError(403, RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user');
      }
      return json(s.editMessage(params.cid!, params.mid!, body, files));
    });
    this.on('DELETE', '/channels/:cid/messages/:mid', ({ params }) => (s.deleteMessage(params.cid!, params.mid!), NO_CONTENT));
    this.on(
      'PUT',
      '/channels/:cid/messages/:mid/reactions/:emoji/@me',
      ({ params }) => (s.react(params.cid!, params.mid!, params.emoji!, s.bot, true), NO_CONTENT),
    );
    this.on(
      'DELETE',
      '/channels/:cid/messages/:mid/reactions/:emoji/@me',
      ({ params }) => (s.react(params.cid!, params.mid!, params.emoji!, s.bot, false), NO_CONTENT),
    );

    // ---- threads
    this.on('POST', '/channels/:cid/threads', (c) => {
      const starter = c.body.message as JsonObject | undefined;
      const parent = s.channel(c.params.cid!);
      const isForum = parent.type === ChannelType.GuildForum;
      return json(s.createThread(c.params.cid!, c.body, s.bot, isForum && starter ? { message: messageFrom({ ...c, body: starter }) } : undefined), 201);
    });
    this.on('POST', '/channels/:cid/messages/:mid/threads', ({ params, body }) => {
      s.findMessage(params.cid!, params.mid!);
      if (s.channels.has(params.mid!))
        throw new DiscordRestError(400, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage, 'A thread has already been created for this message');
      return json(s.createThread(params.cid!, body, s.bot, { fromMessageId: params.mid! }), 201);
    });
    this.on('GET', '/channels/:cid/threads/archived/public', ({ params, query }) => {
      const before = query.get('before');
      const limit = Number(query.get('limit') ?? 50);
      const archived = s
        .threadsOf(s.channel(params.cid!).id)
        .filter((t) => t.type === ChannelType.PublicThread && t.thread_metadata?.archived)
        .filter((t) => !before || Date.parse(t.thread_metadata!.archive_timestamp) < Date.parse(before))
        .sort((a, b) => Date.parse(b.thread_metadata!.archive_timestamp) - Date.parse(a.thread_metadata!.archive_timestamp));
      return json({ threads: archived.slice(0, limit), members: [], has_more: archived.length > limit });
    });

    // ---- webhooks
    this.on('POST', '/channels/:cid/webhooks', ({ params, body }) => json(s.createWebhook(params.cid!, body)));
    this.on('GET', '/channels/:cid/webhooks', ({ params }) => json([...s.webhooks.values()].filter((w) => w.channel_id === s.channel(params.cid!).id)));
    this.on(
      'GET',
      '/webhooks/:wid/:token',
      ({ params }) => {
        const { user: _u, ...hook } = s.webhook(params.wid!, params.token);
        return json(hook);
      },
      false,
    );
    this.on(
      'POST',
      '/webhooks/:wid/:token',
      (c) => this.d.interactions.webhook('POST', c.params.wid!, c.params.token!, undefined, c.body, c.files) ?? this.executeWebhook(c),
      false,
    );
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.on(
        method,
        '/webhooks/:wid/:token/messages/:mid',
        ({ params, body, files }) => {
          const viaInteraction = this.d.interactions.webhook(method, params.wid!, params.token!, params.mid!, body, files);
          if (viaInteraction) return viaInteraction;
          const hook = s.webhook(params.wid!, params.token);
          const msg = [...s.messages.values()].flat().find((m) => m.id === params.mid && m.webhook_id === hook.id);
          if (!msg) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
          if (method === 'GET') return json(msg);
          if (method === 'DELETE') return (s.deleteMessage(msg.channel_id, msg.id), NO_CONTENT);
          return json(s.editMessage(msg.channel_id, msg.id, body, files));
        },
        false,
      );
    }

    // ---- application commands & interactions
    for (const [path, scope] of [
      ['/applications/:app/commands', () => 'global'],
      ['/applications/:app/guilds/:gid/commands', (p: Record<string, string>) => (guild(p.gid), p.gid!)],
    ] as const) {
      this.on('PUT', path, ({ params, body }) => (app(params.app), json(s.putCommands(scope(params), body))));
      this.on('GET', path, ({ params }) => (app(params.app), json(s.commands.get(scope(params)) ?? [])));
    }
    this.on(
      'POST',
      '/interactions/:iid/:token/callback',
      ({ params, body, files, query }) => this.d.interactions.callback(params.iid!, params.token!, body, files, query.get('with_response') === 'true'),
      false,
    );
  }

  private executeWebhook(c: Ctx): HttpReply {
    const s = this.d.state;
    const hook = s.webhook(c.params.wid!, c.params.token);
    const threadId = c.query.get('thread_id');
    const parent = s.channel(hook.channel_id!);
    const author = s.webhookAuthor(hook, c.body.username, c.body.avatar_url);
    const input = {
      author,
      content: c.body.content as string | undefined,
      embeds: c.body.embeds as unknown[] | undefined,
      components: c.body.components as unknown[] | undefined,
      attachmentMeta: c.body.attachments as [] | undefined,
      files: c.files,
      tts: c.body.tts === true,
      flags: (c.body.flags as number | undefined) ?? 0,
      webhookId: hook.id,
      applicationId: hook.application_id ?? undefined,
    };
    let msg: APIMessage;
    if (threadId) {
      const thread = s.channel(threadId);
      if (!s.isThread(thread) || thread.parent_id !== parent.id) throw new DiscordRestError(400, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
      msg = s.createMessage(threadId, input);
    } else if (parent.type === ChannelType.GuildForum) {
      if (typeof c.body.thread_name !== 'string') {
        throw new DiscordRestError(
          400,
          RESTJSONErrorCodes.WebhooksPostedToForumChannelsMustHaveAThreadNameOrThreadId,
          'Webhooks posted to forum channels must have a thread_name or thread_id',
        );
      }
      const thread = s.createThread(parent.id, { name: c.body.thread_name, applied_tags: c.body.applied_tags }, author, { message: input });
      msg = thread.message!;
    } else {
      msg = s.createMessage(parent.id, input);
    }
    return c.query.get('wait') === 'true' ? json(msg) : NO_CONTENT;
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
