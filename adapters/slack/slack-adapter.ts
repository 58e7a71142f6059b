/**
 * Slack side of the bridge, its lifecycle: the token is checked (auth.test), then the real Bolt app is mounted on
 * our express server (ExpressReceiver) for thread replies, reactions and `/wa`. What it posts is outbound.ts (the
 * base class), what Slack sends is inbound.ts, what it looks up is directory.ts. Split like matterbridge's
 * bridge/slack (slack.go / handlers.go / helpers.go).
 */
import { App, ExpressReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { ChatAdapter, Directory, Permalinks, ThreadRef } from '../../src/domain/chat/adapter';
import type { ChatInbound } from '../../src/domain/chat/inbound';
import { ConfigError } from '../../src/domain/errors';
import type { Logger } from '../../src/logger';
import type { SlackConfig } from './config';
import { SlackDirectory } from './directory';
import { registerInbound } from './inbound';
import { boltLogger, slackCode, SlackOutbound } from './outbound';

export interface SlackAdapterOptions extends SlackConfig {
  /** How long to wait between start-up attempts while Slack cannot be reached. */
  startRetryMs?: number;
}

/** auth.test answers that no retry can fix: the token is wrong. */
const FATAL_AUTH = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed']);

export class SlackAdapter extends SlackOutbound implements ChatAdapter, Directory, Permalinks {
  private readonly directory: SlackDirectory;
  private bot?: { userId: string; botId: string };
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

  isReady(): boolean {
    return this.bot !== undefined;
  }

  /** Checks the token (auth.test) then mounts Bolt. Retries while Slack is unreachable; a refused token is fatal. */
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
    this.mountBolt(this.bot);
    this.log.info({ botUserId: this.bot.userId }, 'Slack connected');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()].map((q) => q.onIdle()));
  }

  private mountBolt(bot: { userId: string; botId: string }): void {
    const receiver = new ExpressReceiver({
      signingSecret: this.options.signingSecret,
      endpoints: '/slack/events',
      // Hold the HTTP answer until the reply is persisted: a Slack ack then means "stored".
      processBeforeResponse: true,
      app: this.http,
      logger: boltLogger(this.log),
    });
    const app = new App({
      token: this.options.botToken,
      botId: bot.botId,
      botUserId: bot.userId,
      receiver,
      logger: boltLogger(this.log),
      clientOptions: { slackApiUrl: this.options.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    });
    registerInbound(app, { client: this.client, core: this.core, directory: this.directory, log: this.log, botUserId: bot.userId });
  }

  /** The thread's root message link (https://docs.slack.dev/reference/methods/chat.getPermalink): opens the thread. */
  async threadLink(thread: ThreadRef): Promise<string | undefined> {
    const res = await this.client.chat.getPermalink({ channel: thread.channelId, message_ts: thread.threadId });
    return res.permalink;
  }

  groupMembers(groupId: string): Promise<string[]> {
    return this.directory.groupMembers(groupId);
  }

  readSharedFile(reference: string): Promise<{ name: string; text: string } | undefined> {
    return this.directory.readSharedFile(reference);
  }
}
