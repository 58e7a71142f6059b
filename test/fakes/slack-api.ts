/**
 * FakeSlackApi: a protocol-faithful local stand-in for the Slack Web API.
 *
 * The real `@slack/web-api` WebClient (and therefore Bolt's `app.client`, `say()` and `respond()`)
 * is pointed at it with `clientOptions: { slackApiUrl: fake.apiUrl }`. Everything travels over real
 * HTTP, so the bridge's serialisation, retries and rate-limit handling are exercised exactly as in
 * production. Response shapes and error codes follow Slack's method reference (docs.slack.dev and
 * the slack-api-ref method descriptions).
 *
 * Endpoints served on one port:
 *   POST /api/<method>             Web API methods (urlencoded, JSON or multipart bodies)
 *   POST /upload/v1/<fileId>       the `upload_url` handed out by files.getUploadURLExternal
 *   POST /response/<n>             `response_url`s handed out by newResponseUrl()
 *   GET  /files-pri/<team>-<id>/…  `url_private` / `url_private_download` of stored files
 *   GET  /signin                   the HTML login page unauthenticated downloads are sent to
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface FakeSlackApiOptions {
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** When true, channels must be registered with addChannel() or calls fail with channel_not_found. */
  strictChannels?: boolean;
}

/** One Web API request as the fake received it (args already decoded). */
export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface FaultSpec {
  /** Web API method to match; omitted = the next call of any method. */
  method?: string;
  /** Answer with this HTTP status instead of 200. */
  status?: 429 | 500 | 503;
  /** Seconds put in Retry-After for a 429 (default 1). */
  retryAfterSeconds?: number;
  /** Answer HTTP 200 `{ok:false, error}`. */
  error?: string;
  /** How many matching calls this fault applies to (default 1). */
  times?: number;
  /** Delay before answering, to simulate a slow or hanging Slack. */
  hangMs?: number;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

/** A message as Slack stores it; `channel` is kept for lookups and stripped from API responses. */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  username?: string;
  icons?: Record<string, string>;
  blocks?: unknown[];
  attachments?: unknown[];
  files?: SlackFileObject[];
  upload?: boolean;
  thread_ts?: string;
  parent_user_id?: string;
  reply_broadcast?: boolean;
  metadata?: unknown;
  edited?: { user: string; ts: string };
  reactions?: Reaction[];
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  message_ts: string;
}

/** The file object Slack returns in events and API responses. */
export interface SlackFileObject {
  id: string;
  created: number;
  timestamp: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  user: string;
  size: number;
  mode: 'hosted';
  is_external: false;
  is_public: boolean;
  url_private: string;
  url_private_download: string;
  permalink: string;
  /** Where the file was shared (as files.info shows it once Slack has recorded the share): channel → messages. */
  shares?: Partial<Record<'public' | 'private', Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>>>>;
}

interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  user: string;
  created: number;
  content?: Buffer;
  altText?: string;
  completed: boolean;
  shares: string[];
  /** The message of each share (completeUploadExternal with a channel). */
  shareMessages: Array<{ channel: string; ts: string; thread_ts?: string }>;
}

/** When the bytes of an upload to the upload URL began and finished arriving (to observe streaming). */
export interface UploadTiming {
  fileId: string;
  firstByteAt: number;
  lastByteAt: number;
  bytes: number;
}

export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  /** How the view was created/changed, for assertions. */
  openedWith: { method: 'views.open' | 'views.push' | 'views.update'; trigger_id?: string };
}

export interface RecordedResponse {
  url: string;
  body: any;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface AddUserOptions {
  /** Handle / display name. */
  name: string;
  realName: string;
  isBot?: boolean;
  imageUrl?: string;
}

export interface AddFileOptions {
  name: string;
  content: Buffer | string;
  mimetype?: string;
  title?: string;
  user?: string;
}

type Args = Record<string, any>;
type ApiResult = { ok: boolean } & Record<string, unknown>;
type MethodHandler = (args: Args) => ApiResult;

interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

interface PendingFault extends FaultSpec {
  remaining: number;
}

/** Arguments the WebClient JSON-stringifies into a single form field (serializeApiCallData). */
const JSON_ENCODED_ARGS = new Set(['blocks', 'attachments', 'files', 'view', 'metadata', 'user_auth_blocks']);
/** Slack ts values are `<seconds>.<6 digits>`; start at a fixed, recognisable epoch. */
const TS_BASE_SECONDS = 1_700_000_000;
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Slack</title></head><body><h1>Sign in to Slack</h1></body></html>';
const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp4: 'video/mp4',
};

export class FakeSlackApi {
  readonly botToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  strictChannels: boolean;

  /** Every Web API call received, faulted ones included, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Bodies POSTed to response_urls (what Bolt's respond() sends). */
  readonly responses: RecordedResponse[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  /** Uploads to the upload URL, with when their first and last bytes arrived. */
  readonly uploadTimings: UploadTiming[] = [];

  private readonly server: http.Server;
  private port = 0;
  private readonly handlers: Record<string, MethodHandler>;
  private faults: PendingFault[] = [];
  private readonly channels = new Map<string, { name: string }>();
  /** Channels the bot is not a member of: posting there answers `not_in_channel` (chat.postMessage's error table). */
  private readonly botOutside = new Set<string>();
  private readonly users = new Map<string, AddUserOptions>();
  private readonly userGroups = new Map<string, string[]>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly postedArgs: Args[] = [];
  private readonly viewsById = new Map<string, StoredView>();
  private readonly filesById = new Map<string, StoredFile>();
  private readonly responseUrlIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private tsSeq = 0;
  private idSeq = 0;

  private constructor(opts: FakeSlackApiOptions) {
    this.botToken = opts.botToken ?? 'xoxb-fake-bot-token';
    this.teamId = opts.teamId ?? 'T0FAKETEAM';
    this.botUserId = opts.botUserId ?? 'U0FAKEBOT';
    this.botId = opts.botId ?? 'B0FAKEBOT';
    this.appId = opts.appId ?? 'A0FAKEAPP';
    this.strictChannels = opts.strictChannels ?? false;
    this.users.set(this.botUserId, { name: 'bridge-bot', realName: 'Bridge Bot', isBot: true });
    this.handlers = this.buildHandlers();
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => sendText(res, 500, `fake slack error: ${String(err)}`));
    });
  }

  static async start(opts: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(opts);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL of this fake, without trailing slash. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the bridge passes as WebClient `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Hanging requests would otherwise keep close() waiting forever.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- setup helpers

  addChannel(id: string, opts: { name?: string } = {}): void {
    this.channels.set(id, { name: opts.name ?? id.toLowerCase() });
  }

  /**
   * The bot is not (or no longer) a member of `channel`: chat.postMessage and chat.update answer `not_in_channel`,
   * as Slack does for a bot without `chat:write.public`, and conversations.info shows `is_member: false`.
   */
  removeBot(channel: string): void {
    this.botOutside.add(channel);
  }

  /** The bot was invited (`/invite @bot`): posting works again. Slack then sends `member_joined_channel` (the test sends it, signed). */
  inviteBot(channel: string): void {
    this.botOutside.delete(channel);
  }

  addUser(id: string, opts: AddUserOptions): void {
    this.users.set(id, opts);
  }

  /** A user group (`S…`) and its members, served by usergroups.users.list. */
  addUserGroup(id: string, members: string[]): void {
    this.userGroups.set(id, [...members]);
  }

  /** Seeds a message not posted through the API (e.g. a user's message the bridge reacts to). */
  addMessage(channel: string, msg: Partial<StoredMessage> & { ts: string }): StoredMessage {
    const stored: StoredMessage = { type: 'message', text: '', ...msg, channel };
    this.channelMessages(channel).push(stored);
    return stored;
  }

  /** Stores a file and returns the Slack file object (put it in a file_share event's `files`). */
  addFile(opts: AddFileOptions): SlackFileObject {
    const file = this.createFile(opts.name, opts.user ?? 'U0FILEOWNER', opts.mimetype);
    file.title = opts.title ?? opts.name;
    file.content = Buffer.isBuffer(opts.content) ? opts.content : Buffer.from(opts.content);
    file.completed = true;
    return this.fileObject(file);
  }

  /** A URL on this fake that records JSON POSTed to it, like Slack's response_url. */
  newResponseUrl(): string {
    const id = String(++this.idSeq);
    this.responseUrlIds.add(id);
    return `${this.baseUrl}/response/${id}`;
  }

  failNext(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  /** Clears recorded traffic, stored messages/views/files and pending faults; keeps channels and users. */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.ephemerals.length = 0;
    this.postedArgs.length = 0;
    this.faults = [];
    this.messagesByChannel.clear();
    this.viewsById.clear();
    this.filesById.clear();
  }

  // ---------------------------------------------------------------- inspection helpers

  /** Args of successful chat.postMessage calls, in order (optionally for one channel). */
  posted(channel?: string): Args[] {
    return this.postedArgs.filter((a) => channel === undefined || a.channel === channel);
  }

  /** Everything stored in a channel: posts, file shares and seeded messages. */
  messages(channel: string): StoredMessage[] {
    return [...(this.messagesByChannel.get(channel) ?? [])];
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messagesByChannel.get(channel)?.find((m) => m.ts === ts);
  }

  /** Replies in a thread (the parent itself excluded). */
  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.messages(channel).filter((m) => m.thread_ts === threadTs && m.ts !== threadTs);
  }

  reactionsOn(channel: string, ts: string): string[] {
    return (this.findMessage(channel, ts)?.reactions ?? []).map((r) => r.name);
  }

  /** Arrival times (ms) of every chat.postMessage call for a channel, to check pacing. */
  postTimes(channel: string): number[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel).map((c) => c.at);
  }

  views(): StoredView[] {
    return [...this.viewsById.values()];
  }

  /** Files uploaded via files.getUploadURLExternal/upload URL/completeUploadExternal, or added with addFile(). */
  files(): Array<SlackFileObject & { content?: Buffer; shares: string[] }> {
    return [...this.filesById.values()].map((f) => ({ ...this.fileObject(f), content: f.content, shares: [...f.shares] }));
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  // ---------------------------------------------------------------- HTTP routing

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname;
    const timing = req.method === 'POST' && path.startsWith('/upload/v1/') ? this.timeUpload(req, path.slice('/upload/v1/'.length)) : undefined;
    const body = await readBody(req);
    if (timing) timing.lastByteAt = Date.now();
    if (req.method === 'POST' && path.startsWith('/api/')) return this.onApiCall(path.slice('/api/'.length), req, body, res);
    if (req.method === 'POST' && path.startsWith('/upload/v1/')) return this.onUpload(path.slice('/upload/v1/'.length), req, body, res);
    if (req.method === 'POST' && path.startsWith('/response/')) return this.onResponseUrl(url, req, body, res);
    if (req.method === 'GET' && path.startsWith('/files-pri/')) return this.onFileDownload(url, req, res);
    if (req.method === 'GET' && path === '/signin') return sendHtml(res, 200, LOGIN_PAGE);
    sendText(res, 404, 'Not Found');
  }

  private async onApiCall(method: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const args = parseArgs(req.headers['content-type'], body);
    this.calls.push({ method, args: args ?? {}, headers: req.headers, at: Date.now() });
    const fault = this.takeFault(method);
    if (fault?.hangMs) await this.sleep(fault.hangMs);
    if (res.destroyed) return; // the client gave up (timeout simulation)
    if (fault?.status) return sendFaultStatus(res, fault);
    if (fault?.error) return sendJson(res, 200, { ok: false, error: fault.error });
    if (args === undefined) return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    const authError = this.authError(req, args);
    if (authError) return sendJson(res, 200, { ok: false, error: authError });
    const handler = this.handlers[method];
    sendJson(res, 200, handler ? handler(args) : { ok: false, error: 'unknown_method' });
  }

  private timeUpload(req: http.IncomingMessage, fileId: string): UploadTiming {
    const timing: UploadTiming = { fileId, firstByteAt: 0, lastByteAt: 0, bytes: 0 };
    req.on('data', (chunk: Buffer) => {
      if (!timing.firstByteAt) timing.firstByteAt = Date.now();
      timing.bytes += chunk.length;
    });
    this.uploadTimings.push(timing);
    return timing;
  }

  /** FIFO: the oldest fault that matches this method is consumed first. */
  private takeFault(method: string): PendingFault | undefined {
    const fault = this.faults.find((f) => f.method === undefined || f.method === method);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /** Slack accepts the token as a Bearer header or as a `token` argument. */
  private authError(req: http.IncomingMessage, args: Args): string | undefined {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : args.token;
    if (!token) return 'not_authed';
    return token === this.botToken ? undefined : 'invalid_auth';
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

  // ---------------------------------------------------------------- Web API methods

  private buildHandlers(): Record<string, MethodHandler> {
    return {
      'auth.test': () => this.authTest(),
      'chat.postMessage': (a) => this.chatPostMessage(a),
      'chat.update': (a) => this.chatUpdate(a),
      'chat.postEphemeral': (a) => this.chatPostEphemeral(a),
      'reactions.add': (a) => this.reactionsAdd(a),
      'reactions.remove': (a) => this.reactionsRemove(a),
      'conversations.info': (a) => this.conversationsInfo(a),
      'users.info': (a) => this.usersInfo(a),
      'usergroups.users.list': (a) => this.userGroupMembers(a),
      'views.open': (a) => this.viewsOpen(a, 'views.open'),
      'views.push': (a) => this.viewsOpen(a, 'views.push'),
      'views.update': (a) => this.viewsUpdate(a),
      'files.getUploadURLExternal': (a) => this.filesGetUploadUrlExternal(a),
      'files.completeUploadExternal': (a) => this.filesCompleteUploadExternal(a),
      'files.info': (a) => this.filesInfo(a),
    };
  }

  private authTest(): ApiResult {
    return {
      ok: true,
      url: 'https://fake-workspace.slack.com/',
      team: 'Fake Workspace',
      user: this.users.get(this.botUserId)?.name ?? 'bridge-bot',
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    };
  }

  private chatPostMessage(a: Args): ApiResult {
    const channelError = this.channelError(a.channel) ?? this.membershipError(a.channel);
    if (channelError) return fail(channelError);
    if (!hasContent(a)) return fail('no_text');
    const message = this.storeBotMessage(a);
    this.postedArgs.push(a);
    return { ok: true, channel: a.channel, ts: message.ts, message: withoutChannel(message) };
  }

  /** Builds the stored message the way Slack echoes it: custom username => bot_message subtype. */
  private storeBotMessage(a: Args): StoredMessage {
    const parent = a.thread_ts ? this.findMessage(a.channel, String(a.thread_ts)) : undefined;
    const message: StoredMessage = {
      type: 'message',
      channel: a.channel,
      ts: this.nextTs(),
      text: a.text ?? '',
      bot_id: this.botId,
      app_id: this.appId,
      team: this.teamId,
      ...(a.username ? { subtype: 'bot_message', username: a.username, icons: iconsOf(a) } : { user: this.botUserId }),
      ...(a.blocks ? { blocks: a.blocks } : {}),
      ...(a.attachments ? { attachments: a.attachments } : {}),
      ...(a.metadata ? { metadata: a.metadata } : {}),
      ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
      ...(parent?.user ? { parent_user_id: parent.user } : {}),
      ...(a.reply_broadcast === 'true' || a.reply_broadcast === true ? { reply_broadcast: true } : {}),
    };
    this.channelMessages(a.channel).push(message);
    return message;
  }

  private chatUpdate(a: Args): ApiResult {
    const channelError = this.channelError(a.channel) ?? this.membershipError(a.channel);
    if (channelError) return fail(channelError);
    const message = this.findMessage(a.channel, String(a.ts ?? ''));
    if (!message) return fail('message_not_found');
    if (message.bot_id !== this.botId) return fail('cant_update_message');
    if (!hasContent(a)) return fail('no_text');
    if (a.text !== undefined) message.text = a.text;
    if (a.blocks !== undefined) message.blocks = a.blocks;
    if (a.attachments !== undefined) message.attachments = a.attachments;
    message.edited = { user: this.botUserId, ts: this.nextTs() };
    return { ok: true, channel: a.channel, ts: message.ts, text: message.text, message: withoutChannel(message) };
  }

  private chatPostEphemeral(a: Args): ApiResult {
    const channelError = this.channelError(a.channel);
    if (channelError) return fail(channelError);
    if (!a.user) return fail('user_not_in_channel');
    if (!hasContent(a)) return fail('no_text');
    const messageTs = this.nextTs();
    this.ephemerals.push({ channel: a.channel, user: a.user, text: a.text, blocks: a.blocks, thread_ts: a.thread_ts, message_ts: messageTs });
    return { ok: true, message_ts: messageTs };
  }

  private reactionsAdd(a: Args): ApiResult {
    if (!a.name) return fail('invalid_name');
    const message = this.findMessage(a.channel, String(a.timestamp ?? ''));
    if (!message) return fail('message_not_found');
    const reactions = (message.reactions ??= []);
    const existing = reactions.find((r) => r.name === a.name);
    if (existing?.users.includes(this.botUserId)) return fail('already_reacted');
    if (existing) {
      existing.users.push(this.botUserId);
      existing.count += 1;
    } else {
      reactions.push({ name: a.name, users: [this.botUserId], count: 1 });
    }
    return { ok: true };
  }

  private reactionsRemove(a: Args): ApiResult {
    const message = this.findMessage(a.channel, String(a.timestamp ?? ''));
    if (!message) return fail('message_not_found');
    const reaction = message.reactions?.find((r) => r.name === a.name && r.users.includes(this.botUserId));
    if (!reaction) return fail('no_reaction');
    reaction.users = reaction.users.filter((u) => u !== this.botUserId);
    reaction.count -= 1;
    message.reactions = message.reactions?.filter((r) => r.count > 0);
    return { ok: true };
  }

  private conversationsInfo(a: Args): ApiResult {
    const channelError = this.channelError(a.channel);
    if (channelError) return fail(channelError);
    const name = this.channels.get(a.channel)?.name ?? String(a.channel).toLowerCase();
    return {
      ok: true,
      channel: {
        id: a.channel,
        name,
        name_normalized: name,
        is_channel: true,
        is_group: false,
        is_im: false,
        is_private: false,
        is_archived: false,
        is_general: false,
        is_member: !this.botOutside.has(a.channel),
        is_ext_shared: false,
        created: TS_BASE_SECONDS,
        creator: 'U0CREATOR',
        context_team_id: this.teamId,
      },
    };
  }

  private usersInfo(a: Args): ApiResult {
    const user = this.users.get(a.user);
    if (!user) return fail('user_not_found');
    const image = user.imageUrl ?? 'https://a.slack-edge.com/80588/img/avatars/ava_0001-72.png';
    return {
      ok: true,
      user: {
        id: a.user,
        team_id: this.teamId,
        name: user.name,
        deleted: false,
        real_name: user.realName,
        is_bot: user.isBot ?? false,
        is_app_user: false,
        profile: {
          real_name: user.realName,
          real_name_normalized: user.realName,
          display_name: user.name,
          display_name_normalized: user.name,
          image_72: image,
          team: this.teamId,
        },
      },
    };
  }

  /** usergroups.users.list: `{ok, users:[ids]}`; an unknown group is `no_such_subteam` (Slack's method reference). */
  private userGroupMembers(a: Args): ApiResult {
    const members = this.userGroups.get(a.usergroup);
    return members ? { ok: true, users: [...members] } : fail('no_such_subteam');
  }

  private viewsOpen(a: Args, method: 'views.open' | 'views.push'): ApiResult {
    if (!a.trigger_id && !a.interactivity_pointer) {
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['invalid `trigger_id`'] } };
    }
    if (!isObject(a.view)) return fail('invalid_arguments');
    const parent = method === 'views.push' ? this.views().at(-1) : undefined;
    const id = this.nextId('V');
    const view = this.buildView(id, a.view, { method, trigger_id: a.trigger_id }, parent?.root_view_id ?? id, parent?.id ?? null);
    this.viewsById.set(id, view);
    return { ok: true, view: publicView(view) };
  }

  private viewsUpdate(a: Args): ApiResult {
    if (!isObject(a.view)) return fail('invalid_arguments');
    const current = a.view_id ? this.viewsById.get(a.view_id) : this.views().find((v) => a.external_id && v.external_id === a.external_id);
    if (!current) return fail('not_found');
    if (a.hash && a.hash !== current.hash) return fail('hash_conflict');
    const view = this.buildView(current.id, a.view, { method: 'views.update' }, current.root_view_id, current.previous_view_id);
    this.viewsById.set(current.id, view);
    return { ok: true, view: publicView(view) };
  }

  private buildView(id: string, v: Args, openedWith: StoredView['openedWith'], rootId: string, previousId: string | null): StoredView {
    return {
      id,
      team_id: this.teamId,
      type: v.type ?? 'modal',
      title: v.title,
      submit: v.submit,
      close: v.close,
      blocks: Array.isArray(v.blocks) ? v.blocks : [],
      private_metadata: v.private_metadata ?? '',
      callback_id: v.callback_id ?? '',
      external_id: v.external_id ?? '',
      state: { values: {} },
      hash: `${TS_BASE_SECONDS + this.tsSeq}.${id}`,
      clear_on_close: Boolean(v.clear_on_close),
      notify_on_close: Boolean(v.notify_on_close),
      root_view_id: rootId,
      previous_view_id: previousId,
      app_id: this.appId,
      bot_id: this.botId,
      openedWith,
    };
  }

  private filesGetUploadUrlExternal(a: Args): ApiResult {
    if (!a.filename || !Number(a.length)) return fail('missing_argument');
    const file = this.createFile(String(a.filename), this.botUserId);
    file.altText = a.alt_text ?? a.alt_txt;
    return { ok: true, upload_url: `${this.baseUrl}/upload/v1/${file.id}`, file_id: file.id };
  }

  /** files.info: `{ok, file}` with url_private(_download) on this fake; `file_not_found` otherwise. */
  private filesInfo(a: Args): ApiResult {
    const file = this.filesById.get(String(a.file ?? ''));
    return file?.completed ? { ok: true, file: this.fileObject(file) } : fail('file_not_found');
  }

  private filesCompleteUploadExternal(a: Args): ApiResult {
    if (!Array.isArray(a.files) || a.files.length === 0) return fail('invalid_arguments');
    if (a.channel_id && this.strictChannels && !this.channels.has(a.channel_id)) return fail('invalid_channel');
    const files = a.files.map((f: Args) => this.filesById.get(f?.id));
    if (files.some((f: StoredFile | undefined) => !f?.content)) return fail('file_not_found');
    for (const [i, file] of (files as StoredFile[]).entries()) {
      file.title = a.files[i].title ?? file.name;
      file.completed = true;
      if (a.channel_id) file.shares.push(a.channel_id);
    }
    const objects = (files as StoredFile[]).map((f) => this.fileObject(f));
    if (a.channel_id) this.storeFileShare(a, objects);
    return { ok: true, files: objects };
  }

  /** Sharing into a channel posts a message carrying the files, like Slack does. */
  private storeFileShare(a: Args, files: SlackFileObject[]): void {
    const parent = a.thread_ts ? this.findMessage(a.channel_id, String(a.thread_ts)) : undefined;
    const ts = this.nextTs();
    for (const f of files)
      this.filesById.get(f.id)?.shareMessages.push({ channel: a.channel_id, ts, ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}) });
    this.channelMessages(a.channel_id).push({
      type: 'message',
      channel: a.channel_id,
      ts,
      text: a.initial_comment ?? '',
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      files,
      upload: true,
      ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
      ...(parent?.user ? { parent_user_id: parent.user } : {}),
    });
  }

  // ---------------------------------------------------------------- non-API endpoints

  /** The upload URL takes the bytes in a multipart part named `body` (or a raw body) and answers "OK - <length>". */
  private onUpload(fileId: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const file = this.filesById.get(fileId);
    if (!file || file.completed) return sendText(res, 404, 'Not Found');
    const contentType = req.headers['content-type'] ?? '';
    const part = contentType.startsWith('multipart/form-data') ? parseMultipart(contentType, body).find((p) => p.name === 'body') : undefined;
    file.content = part ? part.data : body;
    if (part?.contentType && file.mimetype === 'application/octet-stream') file.mimetype = part.contentType;
    sendText(res, 200, `OK - ${file.content.length}`);
  }

  private onResponseUrl(url: URL, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const id = url.pathname.slice('/response/'.length);
    if (!this.responseUrlIds.has(id)) return sendText(res, 404, 'Not Found');
    const text = body.toString('utf8');
    this.responses.push({ url: url.toString(), body: tryParseJson(text) ?? text, headers: req.headers, at: Date.now() });
    sendJson(res, 200, { ok: true });
  }

  /** Private file URLs need the bot token; without it Slack redirects to its login page. */
  private onFileDownload(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
    const match = /^\/files-pri\/[^/]+-(F[^/]+)\//.exec(url.pathname);
    const file = match ? this.filesById.get(match[1] as string) : undefined;
    if (req.headers.authorization !== `Bearer ${this.botToken}`) {
      res.writeHead(302, { Location: `${this.baseUrl}/signin?redir=${encodeURIComponent(url.pathname)}` });
      res.end();
      return;
    }
    if (!file?.content) return sendText(res, 404, 'Not Found');
    res.writeHead(200, { 'Content-Type': file.mimetype, 'Content-Length': file.content.length });
    res.end(file.content);
  }

  // ---------------------------------------------------------------- internals

  private channelError(channel: unknown): string | undefined {
    if (typeof channel !== 'string' || channel === '') return 'channel_not_found';
    if (this.strictChannels && !this.channels.has(channel)) return 'channel_not_found';
    return undefined;
  }

  private membershipError(channel: string): string | undefined {
    return this.botOutside.has(channel) ? 'not_in_channel' : undefined;
  }

  private channelMessages(channel: string): StoredMessage[] {
    let list = this.messagesByChannel.get(channel);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channel, list);
    }
    return list;
  }

  /** Monotonic "1700000000.000100", "1700000000.000200", … */
  private nextTs(): string {
    this.tsSeq += 1;
    const micros = this.tsSeq * 100;
    const seconds = TS_BASE_SECONDS + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  private nextId(prefix: string): string {
    return `${prefix}0${String(++this.idSeq).padStart(9, '0')}`;
  }

  private createFile(name: string, user: string, mimetype?: string): StoredFile {
    const file: StoredFile = {
      id: this.nextId('F'),
      name,
      title: name,
      mimetype: mimetype ?? mimeFor(name),
      user,
      created: TS_BASE_SECONDS + this.tsSeq,
      completed: false,
      shares: [],
      shareMessages: [],
    };
    this.filesById.set(file.id, file);
    return file;
  }

  private fileObject(f: StoredFile): SlackFileObject {
    const base = `${this.baseUrl}/files-pri/${this.teamId}-${f.id}`;
    const encodedName = encodeURIComponent(f.name);
    return {
      id: f.id,
      created: f.created,
      timestamp: f.created,
      name: f.name,
      title: f.title,
      mimetype: f.mimetype,
      filetype: extensionOf(f.name),
      user: f.user,
      size: f.content?.length ?? 0,
      mode: 'hosted',
      is_external: false,
      is_public: f.shares.length > 0,
      url_private: `${base}/${encodedName}`,
      url_private_download: `${base}/download/${encodedName}`,
      permalink: `https://fake-workspace.slack.com/files/${f.user}/${f.id}/${encodedName}`,
      ...(f.shareMessages.length ? { shares: { public: this.sharesByChannel(f) } } : {}),
    };
  }

  private sharesByChannel(f: StoredFile): Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>> {
    const byChannel: Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>> = {};
    for (const m of f.shareMessages) {
      const name = this.channels.get(m.channel)?.name ?? m.channel.toLowerCase();
      (byChannel[m.channel] ??= []).push({ ts: m.ts, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), channel_name: name, team_id: this.teamId });
    }
    return byChannel;
  }
}

// ------------------------------------------------------------------ body parsing

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a Web API request body; undefined means malformed JSON. */
function parseArgs(contentType: string | undefined, body: Buffer): Args | undefined {
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

function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
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

function tryParseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ responses

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** 429 carries Retry-After (seconds) and the documented `ratelimited` error, like real Slack. */
function sendFaultStatus(res: http.ServerResponse, fault: FaultSpec): void {
  if (fault.status === 429) {
    res.writeHead(429, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(fault.retryAfterSeconds ?? 1) });
    res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    return;
  }
  sendText(res, fault.status ?? 500, fault.status === 503 ? 'Service Unavailable' : 'Internal Server Error');
}

// ------------------------------------------------------------------ small helpers

function fail(error: string): ApiResult {
  return { ok: false, error };
}

function hasContent(a: Args): boolean {
  return Boolean(a.text) || nonEmpty(a.blocks) || nonEmpty(a.attachments);
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function isObject(value: unknown): value is Args {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function iconsOf(a: Args): Record<string, string> | undefined {
  if (a.icon_url) return { image_48: a.icon_url };
  if (a.icon_emoji) return { emoji: String(a.icon_emoji).replace(/:/g, '') };
  return undefined;
}

function withoutChannel(message: StoredMessage): Omit<StoredMessage, 'channel'> {
  const { channel: _channel, ...rest } = message;
  return rest;
}

function publicView(view: StoredView): Omit<StoredView, 'openedWith'> {
  const { openedWith: _openedWith, ...rest } = view;
  return rest;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? 'binary' : name.slice(dot + 1).toLowerCase();
}

function mimeFor(name: string): string {
  return MIME_BY_EXTENSION[extensionOf(name)] ?? 'application/octet-stream';
}
