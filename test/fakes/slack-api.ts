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
 *   GET  /link/?ticket=…           Socket Mode's WebSocket (URL from apps.connections.open), see `socketMode`
 *
 * Parts: slack/server.ts (HTTP, routing, faults, auth), slack/wire.ts (body decoding, answers),
 * slack/state.ts (the workspace), slack/chat.ts (chat.*, reactions.*, conversations.info),
 * slack/users.ts (auth.test, users.info, usergroups), slack/views.ts (views.*), slack/files.ts (files.*).
 * This class is the tests' handle: setup, inspection and faults.
 */
import { createFile, fileObject } from './slack/files';
import { SlackServer } from './slack/server';
import type { SocketModeServer } from './slack/socket-mode';
import { SlackState } from './slack/state';
import type {
  AddFileOptions,
  AddUserOptions,
  Args,
  EphemeralMessage,
  FakeSlackApiOptions,
  FaultSpec,
  RecordedCall,
  RecordedResponse,
  SlackFileObject,
  StoredMessage,
  StoredView,
  UploadTiming,
} from './slack/types';

export type {
  AddFileOptions,
  AddUserOptions,
  EphemeralMessage,
  FakeSlackApiOptions,
  FaultSpec,
  Reaction,
  RecordedCall,
  RecordedResponse,
  SlackFileObject,
  StoredMessage,
  StoredView,
  UploadTiming,
} from './slack/types';

export class FakeSlackApi {
  readonly botToken: string;
  /** The app-level token (xapp-…): SLACK_APP_TOKEN for a bridge in Socket Mode. */
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;

  /** Every Web API call received, faulted ones included, in arrival order. */
  readonly calls: RecordedCall[];
  /** Bodies POSTed to response_urls (what Bolt's respond() sends). */
  readonly responses: RecordedResponse[];
  readonly ephemerals: EphemeralMessage[];
  /** Uploads to the upload URL, with when their first and last bytes arrived. */
  readonly uploadTimings: UploadTiming[];
  /** Socket Mode: the connections, the envelopes sent to the app and its acks (slack/socket-mode.ts). */
  readonly socketMode: SocketModeServer;

  private readonly state: SlackState;
  private readonly server: SlackServer;

  private constructor(opts: FakeSlackApiOptions) {
    this.botToken = opts.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = opts.appToken ?? 'xapp-1-A0FAKEAPP-1-fake-app-token';
    this.teamId = opts.teamId ?? 'T0FAKETEAM';
    this.botUserId = opts.botUserId ?? 'U0FAKEBOT';
    this.botId = opts.botId ?? 'B0FAKEBOT';
    this.appId = opts.appId ?? 'A0FAKEAPP';
    const identity = { botToken: this.botToken, appToken: this.appToken, teamId: this.teamId, botUserId: this.botUserId, botId: this.botId, appId: this.appId };
    this.state = new SlackState(identity, opts.strictChannels ?? false, () => this.baseUrl);
    this.server = new SlackServer(this.state);
    this.calls = this.server.calls;
    this.responses = this.server.responses;
    this.ephemerals = this.state.ephemerals;
    this.uploadTimings = this.server.uploadTimings;
    this.socketMode = this.server.socketMode;
  }

  static async start(opts: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(opts);
    await fake.server.listen();
    return fake;
  }

  /** When true, channels must be registered with addChannel() or calls fail with channel_not_found. */
  get strictChannels(): boolean {
    return this.state.strictChannels;
  }
  set strictChannels(value: boolean) {
    this.state.strictChannels = value;
  }

  /** Base URL of this fake, without trailing slash. */
  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** What the bridge passes as WebClient `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  // ---------------------------------------------------------------- setup helpers

  addChannel(id: string, opts: { name?: string } = {}): void {
    this.state.channels.set(id, { name: opts.name ?? id.toLowerCase() });
  }

  /**
   * The bot is not (or no longer) a member of `channel`: chat.postMessage and chat.update answer `not_in_channel`,
   * as Slack does for a bot without `chat:write.public`, and conversations.info shows `is_member: false`.
   */
  removeBot(channel: string): void {
    this.state.botOutside.add(channel);
  }

  /** The bot was invited (`/invite @bot`): posting works again. Slack then sends `member_joined_channel` (the test sends it, signed). */
  inviteBot(channel: string): void {
    this.state.botOutside.delete(channel);
  }

  /** The scopes the bot token was granted (sent in every response's `x-oauth-scopes` header). */
  setScopes(scopes: string[]): void {
    this.state.scopes = [...scopes];
  }

  addUser(id: string, opts: AddUserOptions): void {
    this.state.users.set(id, opts);
  }

  /** A user group (`S…`) and its members, served by usergroups.users.list. */
  addUserGroup(id: string, members: string[]): void {
    this.state.userGroups.set(id, [...members]);
  }

  /** Seeds a message not posted through the API (e.g. a user's message the bridge reacts to). */
  addMessage(channel: string, msg: Partial<StoredMessage> & { ts: string }): StoredMessage {
    const stored: StoredMessage = { type: 'message', text: '', ...msg, channel };
    this.state.channelMessages(channel).push(stored);
    return stored;
  }

  /** Stores a file and returns the Slack file object (put it in a file_share event's `files`). */
  addFile(opts: AddFileOptions): SlackFileObject {
    const file = createFile(this.state, opts.name, opts.user ?? 'U0FILEOWNER', opts.mimetype);
    file.title = opts.title ?? opts.name;
    file.content = Buffer.isBuffer(opts.content) ? opts.content : Buffer.from(opts.content);
    file.completed = true;
    return fileObject(this.state, file);
  }

  /** A URL on this fake that records JSON POSTed to it, like Slack's response_url. */
  newResponseUrl(): string {
    return this.server.newResponseUrl();
  }

  failNext(spec: FaultSpec): void {
    this.server.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  /** Clears recorded traffic, stored messages/views/files and pending faults; keeps channels and users. */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.server.faults = [];
    this.state.clearContent();
  }

  // ---------------------------------------------------------------- inspection helpers

  /** Args of successful chat.postMessage calls, in order (optionally for one channel). */
  posted(channel?: string): Args[] {
    return this.state.postedArgs.filter((a) => channel === undefined || a.channel === channel);
  }

  /** Everything stored in a channel: posts, file shares and seeded messages. */
  messages(channel: string): StoredMessage[] {
    return [...(this.state.messagesByChannel.get(channel) ?? [])];
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.state.findMessage(channel, ts);
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
    return [...this.state.viewsById.values()];
  }

  /** Files uploaded via files.getUploadURLExternal/upload URL/completeUploadExternal, or added with addFile(). */
  files(): Array<SlackFileObject & { content?: Buffer; shares: string[] }> {
    return [...this.state.filesById.values()].map((f) => ({ ...fileObject(this.state, f), content: f.content, shares: [...f.shares] }));
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}
