/**
 * FakeDiscord: a protocol-level fake of Discord's REST API (`/api/v10`) and gateway on ONE local port,
 * meant to be driven by the real discord.js client:
 *
 *   const fake = await FakeDiscord.start();
 *   fake.addTextChannel('111', 'wa-inbox');
 *   const client = new Client({ intents, rest: { api: fake.apiUrl, retries: 1, timeout: 2000 } });
 *   await client.login(fake.botToken);
 *
 * Parts: discord/state.ts (guild model, payload shapes), discord/rest.ts (HTTP), discord/gateway.ts
 * (WebSocket), discord/interactions.ts (INTERACTION_CREATE and responses).
 * Payload sources: test/fixtures/discord/SOURCES.md.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits, InteractionType, type APIMessage, type APIOverwrite, type APIRole, type APIThreadChannel } from 'discord.js';
import { componentData, modalSubmitData, type ComponentInput, type ModalSubmitInput } from './discord/components';
import { FakeGateway, type IdentifyRecord, type ResumeRecord } from './discord/gateway';
import { Interactions, type AutocompleteInput, type InteractionInput, type InteractionRecord, type InteractionResponseRecord } from './discord/interactions';
import { readyPayload } from './discord/gateway-protocol';
import { FakeRest, type CallRecord, type FailSpec } from './discord/rest';
import { applicationFlagsFor, type StoredChannel } from './discord/shapes';
import { DiscordState } from './discord/state';

export type { CallRecord, FailSpec } from './discord/rest';
export type { IdentifyRecord, ResumeRecord } from './discord/gateway';
export type { AutocompleteInput, InteractionInput, InteractionRecord, InteractionResponseRecord } from './discord/interactions';
export { DiscordRestError, isoTimestamp, SnowflakeGen, type StoredChannel } from './discord/shapes';

export interface FakeDiscordOptions {
  botToken?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  guildId?: string;
  guildName?: string;
  /** HELLO heartbeat_interval; default 45000 so tests stay quiet. */
  heartbeatIntervalMs?: number;
  /** Initial interaction response deadline (Discord: 3000 ms); 0 disables. */
  interactionDeadlineMs?: number;
  /** Privileged intents enabled "in the portal"; default all (GuildMembers | GuildPresences | MessageContent). */
  allowedPrivilegedIntents?: number;
}

export interface UserSaysInput {
  channelId: string;
  content: string;
  user?: { id?: string; username?: string; globalName?: string | null };
  attachments?: Array<{ filename: string; content: Buffer | string; contentType?: string }>;
}

export class FakeDiscord extends EventEmitter {
  readonly botToken: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly state: DiscordState;
  readonly gateway: FakeGateway;
  readonly rest: FakeRest;
  private readonly interactionsImpl: Interactions;
  private readonly server: Server;

  private constructor(opts: FakeDiscordOptions) {
    super();
    this.botToken = opts.botToken ?? 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GfakeX.fake-bot-token-for-tests-only';
    this.applicationId = opts.applicationId ?? '1234567890123456789';
    this.botUserId = opts.botUserId ?? this.applicationId;
    this.guildId = opts.guildId ?? '1100000000000000000';
    const emit = (t: string, d: unknown) => void this.gateway.dispatch(t, d);
    this.state = new DiscordState({
      applicationId: this.applicationId,
      botUserId: this.botUserId,
      botUsername: opts.botUsername ?? 'WA Bridge',
      guildId: this.guildId,
      guildName: opts.guildName ?? 'Support',
      baseUrl: () => this.baseUrl,
      emit,
    });
    this.interactionsImpl = new Interactions(this.state, emit, this.applicationId, opts.interactionDeadlineMs ?? 3000, (r) =>
      this.emit('interactionResponse', r),
    );
    const privileged = opts.allowedPrivilegedIntents ?? GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
    this.gateway = new FakeGateway({
      token: () => this.botToken,
      url: () => this.gatewayUrl,
      botUserId: this.botUserId,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 45000,
      allowedPrivilegedIntents: privileged,
      readyPayload: () => readyPayload(this.state.bot, this.guildId, this.applicationId),
      guildCreate: () => this.state.guildPayload(),
      members: () => [...this.state.members.values()],
      onDispatch: (t, d) => this.emit('dispatch', t, d),
    });
    this.rest = new FakeRest({
      applicationId: this.applicationId,
      state: this.state,
      interactions: this.interactionsImpl,
      token: () => this.botToken,
      gatewayUrl: () => this.gatewayUrl,
      identifyCount: () => this.gateway.identifies.length,
      onCall: (call) => this.emit('request', call),
      applicationFlags: () => applicationFlagsFor(privileged),
    });
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `500: Internal Server Error (${String(err)})`, code: 0 }));
      });
    });
    this.server.on('upgrade', (req, socket, head: Buffer) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** Pass as `rest.api` to discord.js / @discordjs/rest / WebhookClient. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ------------------------------------------------------------------ guild model
  addTextChannel(id: string, name: string): StoredChannel {
    return this.state.addTextChannel(id, name);
  }
  addForumChannel(id: string, name: string, extra?: Parameters<DiscordState['addForumChannel']>[2]): StoredChannel {
    return this.state.addForumChannel(id, name, extra);
  }
  channel(id: string): StoredChannel | undefined {
    return this.state.channels.get(id);
  }
  /** The bot's managed role (what its invite granted), and below: a channel's overwrites, as Edit Channel → Permissions sets them. */
  get botRole(): APIRole {
    return this.state.roles.find((r) => r.managed)!;
  }
  setOverwrites(channelId: string, overwrites: APIOverwrite[]): void {
    (this.state.channel(channelId) as { permission_overwrites?: APIOverwrite[] }).permission_overwrites = overwrites;
  }
  /** Messages stored in a channel or thread, oldest first. */
  messagesIn(channelId: string): APIMessage[] {
    return [...(this.state.messages.get(channelId) ?? [])];
  }
  threadsOf(parentId: string): APIThreadChannel[] {
    return this.state.threadsOf(parentId);
  }
  /** Archive / lock a thread as Discord (auto-archive) or a moderator would; dispatches THREAD_UPDATE. */
  setThreadState(threadId: string, state: { archived?: boolean; locked?: boolean }): APIThreadChannel {
    return this.state.setThreadState(threadId, state);
  }
  /** Commands registered through the bulk-overwrite PUT; scope = guild id (default) or `global`. */
  registeredCommands(scope = this.guildId): unknown[] {
    return [...(this.state.commands.get(scope) ?? [])];
  }

  // ------------------------------------------------------------------ things humans do
  /** A human posts in a channel/thread: stored, then MESSAGE_CREATE on the gateway. */
  userSays(input: UserSaysInput): APIMessage {
    return this.state.createMessage(input.channelId, {
      author: this.state.human(input.user),
      content: input.content,
      files: (input.attachments ?? []).map((a, i) => ({
        field: `files[${i}]`,
        filename: a.filename,
        contentType: a.contentType ?? 'application/octet-stream',
        bytes: Buffer.isBuffer(a.content) ? a.content : Buffer.from(a.content),
      })),
    });
  }
  /** A human adds (or removes) a reaction: stored, then MESSAGE_REACTION_ADD / _REMOVE on the gateway. */
  userReacts(input: {
    channelId: string;
    messageId: string;
    emoji: string;
    user?: { id?: string; username?: string; globalName?: string | null };
    remove?: boolean;
  }): void {
    this.state.react(input.channelId, input.messageId, input.emoji, this.state.human(input.user), !input.remove);
  }
  /** A human runs a slash command: INTERACTION_CREATE type 2. */
  interaction(input: InteractionInput): InteractionRecord {
    return this.interactionsImpl.create(InteractionType.ApplicationCommand, input);
  }
  /** A human types into an autocomplete option: INTERACTION_CREATE type 4. */
  autocomplete(input: AutocompleteInput): InteractionRecord {
    return this.interactionsImpl.create(InteractionType.ApplicationCommandAutocomplete, input, input.focused);
  }
  /** A human clicks a button or picks in a select of a message: INTERACTION_CREATE type 3 (discord/components.ts). */
  component(input: ComponentInput): InteractionRecord {
    return this.interactionsImpl.createFromData(InteractionType.MessageComponent, input, ...componentData(this.state, input));
  }
  /** A human submits a modal the bot showed: INTERACTION_CREATE type 5 (discord/components.ts). */
  modalSubmit(input: ModalSubmitInput): InteractionRecord {
    return this.interactionsImpl.createFromData(InteractionType.ModalSubmit, input, modalSubmitData(input));
  }
  /** Every interaction callback, @original GET/PATCH/DELETE and followup, in order. */
  get interactionResponses(): InteractionResponseRecord[] {
    return this.interactionsImpl.responses;
  }

  // ------------------------------------------------------------------ gateway control
  /** Raw dispatch (op 0) to every session; returns how many sessions took it. */
  dispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }
  disconnectAll(code = 4000): number {
    return this.gateway.disconnectAll(code);
  }
  gatewayDown(ms: number, opts?: { mode?: 'http503' | 'reset'; dropExisting?: boolean; code?: number }): void {
    this.gateway.gatewayDown(ms, opts);
  }
  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }
  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }

  // ------------------------------------------------------------------ REST control
  get calls(): CallRecord[] {
    return this.rest.calls;
  }
  failNext(spec: FailSpec): void {
    this.rest.failNext(spec);
  }

  /** Resolves with the first REST call (past or future) matching `pred`. */
  waitForCall(pred: (c: CallRecord) => boolean, timeoutMs = 5000): Promise<CallRecord> {
    return this.waitFor(
      'request',
      () => this.calls.find(pred),
      (c: CallRecord) => (pred(c) ? c : undefined),
      timeoutMs,
    );
  }
  /** Resolves with the first interaction response record for `interactionId` (optionally of a kind). */
  waitForInteractionResponse(interactionId: string, kind?: InteractionResponseRecord['kind'], timeoutMs = 5000): Promise<InteractionResponseRecord> {
    const match = (r: InteractionResponseRecord) => (r.interactionId === interactionId && (!kind || r.kind === kind) ? r : undefined);
    return this.waitFor('interactionResponse', () => this.interactionResponses.find((r) => !!match(r)), match, timeoutMs);
  }

  private waitFor<T, A>(event: string, existing: () => T | undefined, test: (arg: A) => T | undefined, timeoutMs: number): Promise<T> {
    const found = existing();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${event}`));
      }, timeoutMs);
      const listener = (arg: A) => {
        const hit = test(arg);
        if (hit === undefined) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(hit);
      };
      this.on(event, listener);
    });
  }

  /** Clears logs, recorded responses and pending faults; `{state: true}` also drops messages, threads, webhooks and commands (no gateway events). */
  reset(opts: { state?: boolean } = {}): void {
    this.rest.calls.length = 0;
    this.rest.clearFaults();
    this.interactionsImpl.responses.length = 0;
    this.gateway.reset();
    if (!opts.state) return;
    for (const [id, ch] of this.state.channels) if (this.state.isThread(ch)) this.state.channels.delete(id);
    for (const id of [...this.state.messages.keys()]) {
      if (this.state.channels.has(id)) this.state.messages.set(id, []);
      else this.state.messages.delete(id);
    }
    this.state.files.clear();
    this.state.webhooks.clear();
    this.state.commands.clear();
    this.interactionsImpl.byToken.clear();
  }

  /** Terminates gateway sockets and HTTP keep-alive connections, then stops listening. */
  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
