/**
 * Discord side of the bridge, its lifecycle: a discord.js client logs in over the gateway (retrying while Discord
 * is unreachable), registers `/wa`, and hands people's messages, reactions and commands to the core (inbound.ts,
 * interactions.ts). What it posts goes through REST (outbound.ts, the base class). discord.js resumes /
 * re-identifies by itself and waits out 429s per route bucket: we let it. Split like matterbridge's bridge/discord.
 */
import { Client, Events, GatewayIntentBits, Status } from 'discord.js';
import type { ChatAdapter } from '../../src/domain/chat/adapter';
import type { ChatInbound } from '../../src/domain/chat/inbound';
import { ConfigError } from '../../src/domain/errors';
import type { ApiCallObserver } from '../../src/domain/ports/telemetry';
import type { Logger } from '../../src/logger';
import { observeRest } from './api-metrics';
import { WA_COMMAND } from './commands';
import type { DiscordConfig } from './config';
import { toDeliveryError } from './errors';
import { DISCORD_MAX_FILE_BYTES } from './files';
import { registerInbound } from './inbound';
import { DiscordOutbound } from './outbound';

export { DISCORD_MAX_FILE_BYTES } from './files';

export interface DiscordAdapterOptions extends DiscordConfig {
  /** Every account's Discord channel: only threads under these are bridged. */
  channelIds: string[];
  /** How long to wait between start-up attempts while Discord cannot be reached. */
  startRetryMs?: number;
  /** Largest file the bot may attach (Discord: 10 MiB without server boosts). */
  maxFileBytes?: number;
  /** Told of every REST call (api-metrics.ts). */
  apiCalls?: ApiCallObserver;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DiscordAdapter extends DiscordOutbound implements ChatAdapter {
  protected client: Client;
  protected readonly guildId: string;
  private readonly channelIds: Set<string>;

  constructor(
    private readonly opts: DiscordAdapterOptions,
    private readonly core: ChatInbound,
    log: Logger,
  ) {
    super(opts.maxFileBytes ?? DISCORD_MAX_FILE_BYTES, log);
    this.channelIds = new Set(opts.channelIds);
    this.guildId = opts.guildId;
    this.client = this.createClient();
  }

  private createClient(): Client {
    const client = new Client({
      // GuildMessageReactions: agents' reactions on customers' messages go to WhatsApp.
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions],
      rest: { api: this.opts.apiUrl },
      allowedMentions: { parse: [] },
    });
    observeRest(client.rest, this.opts.apiCalls);
    registerInbound({ client, core: this.core, log: this.log, guildId: this.opts.guildId, channelIds: this.channelIds, stopped: () => this.stopped });
    client.on(Events.ShardDisconnect, (e, shard) => this.log.error({ code: e.code, shard }, 'Discord gateway closed for good'));
    client.on(Events.ShardReconnecting, (shard) => this.log.warn({ shard }, 'Discord gateway connection lost; reconnecting'));
    client.on(Events.ShardResume, (shard, replayed) => this.log.info({ shard, replayed }, 'Discord gateway resumed'));
    client.on(Events.ShardError, (err, shard) => this.log.warn({ shard, err }, 'Discord gateway error'));
    client.on(Events.Error, (err) => this.log.error({ err }, 'Discord client error'));
    client.on(Events.Warn, (m) => this.log.warn(m));
    client.rest.on('rateLimited', (info) =>
      this.log.info({ route: info.route, retryAfterMs: info.retryAfter, scope: info.scope }, 'Discord rate limit: waiting'),
    );
    return client;
  }

  /** One gateway session per bot: only the delivering instance holds it (src/domain/chat/adapter.ts). */
  readonly sessionBound = true;

  /** Gateway up (READY / RESUMED on every shard), not only logged in once: /readyz shows a lost connection. */
  isReady(): boolean {
    return this.client.isReady() && this.client.ws.shards.size > 0 && this.client.ws.shards.every((s) => s.status === Status.Ready);
  }

  /** Logs in (retrying while Discord is unreachable; a refused token or intent is fatal), then registers `/wa`. */
  async start(): Promise<void> {
    for (;;) {
      const ready = new Promise<void>((resolve, reject) => {
        this.client.once(Events.ClientReady, () => resolve());
        this.client.on(Events.ShardDisconnect, (e) => reject(fatalCloseError(e.code) ?? new Error(`Discord gateway closed (${e.code})`)));
      });
      ready.catch(() => undefined); // observed below; avoids an unhandled rejection if login itself fails
      try {
        // Either may fail first: login (REST /gateway/bot) or the gateway closing with 4004 / 4014.
        await Promise.all([this.client.login(this.opts.botToken).then(() => (this.loggedIn = true)), ready]);
        break;
      } catch (err) {
        const fatal = fatalLoginError(err);
        if (fatal) {
          await this.client.destroy().catch(() => undefined);
          throw fatal;
        }
        this.loggedIn = false;
        if (this.stopped) return;
        this.log.warn({ err }, 'Discord not reachable yet; retrying');
        await this.client.destroy().catch(() => undefined);
        await sleep(this.opts.startRetryMs ?? 5000);
        if (this.stopped) return;
        // A client that failed to log in is destroyed for good: start over with a fresh one.
        this.client = this.createClient();
      }
    }
    await this.registerCommands();
    this.log.info({ botUserId: this.client.user?.id, guildId: this.opts.guildId }, 'Discord connected');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client.destroy();
  }

  /** Bulk overwrite of the guild's commands: guild commands update at once (global ones take up to an hour). */
  private async registerCommands(): Promise<void> {
    try {
      await this.client.application!.commands.set([WA_COMMAND], this.opts.guildId);
    } catch (err) {
      const e = toDeliveryError(err);
      // The bridge still relays messages without /wa: say loudly how to fix it, don't stop.
      this.log.error(
        { code: e.explanation.code },
        `could not register /wa in Discord server ${this.opts.guildId}: ${e.explanation.meaning}; invite the bot with the applications.commands scope and check DISCORD_GUILD_ID`,
      );
    }
  }
}

/** Close codes after which reconnecting cannot help: a configuration error to report at start-up. */
function fatalCloseError(code: number): ConfigError | undefined {
  if (code === 4004)
    return new ConfigError(
      'DISCORD_BOT_TOKEN was refused by Discord (gateway close 4004 Authentication failed): copy the token from Developer Portal → your app → Bot → Reset Token',
    );
  if (code === 4014) {
    return new ConfigError(
      'Discord refused the Message Content intent (gateway close 4014): enable “Message Content Intent” under Developer Portal → your app → Bot → Privileged Gateway Intents',
    );
  }
  return undefined;
}

function fatalLoginError(err: unknown): ConfigError | undefined {
  if (err instanceof ConfigError) return err;
  const e = err as { code?: unknown; status?: number; message?: string };
  if (e.code === 'TokenInvalid' || e.status === 401 || e.message === 'Authentication failed') return fatalCloseError(4004);
  if (e.code === 'DisallowedIntents' || e.message === 'Used disallowed intents') return fatalCloseError(4014);
  return undefined;
}
