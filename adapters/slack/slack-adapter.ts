/**
 * Slack side of the bridge, its lifecycle: the token is checked (auth.test), then the real Bolt app receives thread
 * replies, reactions, `/wa` and interactivity over the transport receiver.ts picks: mounted on our express server
 * (ExpressReceiver, POST /slack/events) or over Socket Mode (SLACK_APP_TOKEN). What it posts is outbound.ts (the
 * base class), what Slack sends is inbound.ts, what it looks up is directory.ts. Split like matterbridge's
 * bridge/slack (slack.go / handlers.go / helpers.go).
 */
import { App } from '@slack/bolt';
import type { Express } from 'express';
import type { ChatAdapter, Directory } from '../../src/domain/chat/adapter';
import type { ChatInbound } from '../../src/domain/chat/inbound';
import { ConfigError } from '../../src/domain/errors';
import type { ApiCallObserver } from '../../src/domain/ports/telemetry';
import type { Logger } from '../../src/logger';
import type { SlackConfig } from './config';
import { SlackDirectory } from './directory';
import { registerInbound } from './inbound';
import { boltLogger, slackCode, SlackOutbound } from './outbound';
import { createSlackTransport, FATAL_APP_TOKEN, type SlackTransport } from './receiver';

export interface SlackAdapterOptions extends SlackConfig {
  /** How long to wait between start-up attempts while Slack cannot be reached. */
  startRetryMs?: number;
  /** Told of every Web API call (api-metrics.ts). */
  apiCalls?: ApiCallObserver;
}

/** auth.test answers that no retry can fix: the token is wrong. */
const FATAL_AUTH = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed']);

export class SlackAdapter extends SlackOutbound implements ChatAdapter, Directory {
  private readonly directory: SlackDirectory;
  private bot?: { userId: string; botId: string };
  private transport?: SlackTransport;
  private stopped = false;

  constructor(
    private readonly options: SlackAdapterOptions,
    private readonly http: Express,
    private readonly core: ChatInbound,
    log: Logger,
  ) {
    super(options, log);
    this.directory = new SlackDirectory(this.client, options.botToken, log);
  }

  /** The token was accepted and Slack can reach us (in Socket Mode: the WebSocket is open, not reconnecting). */
  isReady(): boolean {
    return this.bot !== undefined && (this.transport?.connected() ?? false);
  }

  /** Posting needs only an accepted token: the Web API does not go through the Socket Mode connection. */
  protected webApiReady(): boolean {
    return this.bot !== undefined;
  }

  /**
   * Checks the token (auth.test), then starts Bolt on its transport (Socket Mode: opens the WebSocket). Retries while
   * Slack is unreachable; a refused token is fatal.
   */
  async start(): Promise<void> {
    for (;;) {
      try {
        const res = await this.client.auth.test();
        this.bot = { userId: String(res.user_id), botId: String(res.bot_id) };
        break;
      } catch (err) {
        const code = slackCode(err);
        if (code && FATAL_AUTH.has(code))
          throw new ConfigError(
            `SLACK_BOT_TOKEN was refused by Slack (${code}): create the app from docker/slack-app-manifest.yml and copy its Bot User OAuth Token`,
          );
        if (this.stopped) return;
        this.log.warn({ err }, 'Slack not reachable yet; retrying');
        await new Promise((r) => setTimeout(r, this.options.startRetryMs ?? 5000));
      }
    }
    const transport = this.mountBolt(this.bot);
    await this.connect(transport);
    this.log.info({ botUserId: this.bot.userId, socketMode: transport.socketMode }, 'Slack connected');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.transport?.stop();
    await Promise.all([...this.queues.values()].map((q) => q.onIdle()));
  }

  private mountBolt(bot: { userId: string; botId: string }): SlackTransport {
    const transport = createSlackTransport({ ...this.options, http: this.http, log: this.log, reconnectRetryMs: this.options.startRetryMs });
    const app = new App({
      token: this.options.botToken,
      botId: bot.botId,
      botUserId: bot.userId,
      receiver: transport.receiver,
      // Bolt accepts a Socket Mode receiver only when told (App.initReceiver checks it is a SocketModeReceiver).
      socketMode: transport.socketMode,
      logger: boltLogger(this.log),
      clientOptions: { slackApiUrl: this.options.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    });
    registerInbound(app, {
      client: this.client,
      core: this.core,
      directory: this.directory,
      log: this.log,
      botUserId: bot.userId,
      commandAckMs: this.options.commandAckMs,
    });
    this.transport = transport;
    return transport;
  }

  /** Socket Mode: opens the WebSocket (apps.connections.open, then Slack's hello); retried while Slack is unreachable. */
  private async connect(transport: SlackTransport): Promise<void> {
    for (;;) {
      try {
        await transport.start();
        return;
      } catch (err) {
        const code = slackCode(err);
        if (code && FATAL_APP_TOKEN.has(code))
          throw new ConfigError(
            `SLACK_APP_TOKEN was refused by Slack (${code}): create an app-level token with the scope connections:write (Basic Information → App-Level Tokens)`,
          );
        if (this.stopped) return;
        this.log.warn({ err }, 'Slack Socket Mode connection failed; retrying');
        await new Promise((r) => setTimeout(r, this.options.startRetryMs ?? 5000));
      }
    }
  }

  groupMembers(groupId: string): Promise<string[]> {
    return this.directory.groupMembers(groupId);
  }

  readSharedFile(reference: string): Promise<{ name: string; text: string } | undefined> {
    return this.directory.readSharedFile(reference);
  }
}
