/**
 * Slack side of the bridge: the real Bolt app (ExpressReceiver mounted on our express server) receives
 * thread replies and `/wa`; a WebClient posts customer messages, statuses and notices.
 * Retries belong to the outbox, so the WebClient never retries by itself and rate limits surface as errors.
 */
import { App, ExpressReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Express } from 'express';
import PQueue from 'p-queue';
import type { ChatAdapter, ChatInbound, ChatPost, ThreadOpening, ThreadRef } from '../../src/domain/chat';
import { ConfigError, DeliveryError } from '../../src/domain/errors';
import type { DeliveryStatus } from '../../src/domain/whatsapp';
import type { Logger } from '../../src/logger';
import { toDeliveryError } from './errors';
import { fromSlackText, mentionsPrefix, toSlackText } from './format';

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret: string;
  apiUrl: string;
  postsPerSecondPerChannel: number;
  /** How long to wait between start-up attempts while Slack cannot be reached. */
  startRetryMs?: number;
}

/** The reaction that shows each WhatsApp status on a message. */
export const STATUS_REACTIONS: Record<DeliveryStatus, string> = {
  sent: 'outbox_tray',
  delivered: 'white_check_mark',
  read: 'eyes',
  played: 'ear',
  failed: 'x',
};

const FATAL_AUTH = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed']);

interface SlackMessageEvent {
  type: 'message';
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: { name?: string; title?: string }[];
}

function boltLogger(log: Logger): BoltLogger {
  return {
    debug: (...m: unknown[]) => log.debug(m.join(' ')),
    info: (...m: unknown[]) => log.info(m.join(' ')),
    warn: (...m: unknown[]) => log.warn(m.join(' ')),
    error: (...m: unknown[]) => log.error(m.join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly client: WebClient;
  private readonly queues = new Map<string, PQueue>();
  private readonly userNames = new Map<string, string | undefined>();
  private bot?: { userId: string; botId: string };
  private stopped = false;

  constructor(
    private readonly opts: SlackAdapterOptions,
    private readonly http: Express,
    private readonly core: ChatInbound,
    private readonly log: Logger,
  ) {
    this.client = new WebClient(opts.botToken, {
      slackApiUrl: opts.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 10_000,
      logger: boltLogger(log),
    });
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
        const code = (err as { data?: { error?: string } }).data?.error;
        if (code && FATAL_AUTH.has(code)) throw new ConfigError(`SLACK_BOT_TOKEN was refused by Slack (${code}): create the app from docker/slack-app-manifest.yml and copy its Bot User OAuth Token`);
        if (this.stopped) return;
        this.log.warn({ err: (err as Error).message }, 'Slack not reachable yet; retrying');
        await new Promise((r) => setTimeout(r, this.opts.startRetryMs ?? 5000));
      }
    }
    this.mountBolt();
    this.log.info({ botUserId: this.bot.userId }, 'Slack connected');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()].map((q) => q.onIdle()));
  }

  private mountBolt(): void {
    const receiver = new ExpressReceiver({
      signingSecret: this.opts.signingSecret,
      endpoints: '/slack/events',
      // Hold the HTTP answer until the reply is persisted: a Slack ack then means "stored".
      processBeforeResponse: true,
      app: this.http,
      logger: boltLogger(this.log),
    });
    const app = new App({
      token: this.opts.botToken,
      botId: this.bot!.botId,
      botUserId: this.bot!.userId,
      receiver,
      logger: boltLogger(this.log),
      clientOptions: { slackApiUrl: this.opts.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    });
    app.event('message', async ({ event }) => this.onMessage(event as unknown as SlackMessageEvent));
    app.command('/wa', async ({ command, ack }) => {
      const reply = await this.core.command({ platform: 'slack', userId: command.user_id, channelId: command.channel_id, text: command.text ?? '' });
      await ack({ response_type: 'ephemeral', text: reply.text });
    });
    app.error(async (err) => {
      this.log.error({ err: err.message }, 'Slack event handling failed');
      throw err; // Bolt answers 500: Slack retries, and our idempotent ingest makes that safe.
    });
  }

  private async onMessage(e: SlackMessageEvent): Promise<void> {
    // Only people's replies inside a thread. thread_broadcast and file_share are still replies by a person.
    if (e.subtype && e.subtype !== 'thread_broadcast' && e.subtype !== 'file_share') return;
    if (e.bot_id || e.app_id || !e.user || e.user === this.bot?.userId) return;
    if (!e.thread_ts || e.thread_ts === e.ts) return;
    await this.resolveMentionNames(e.text ?? '');
    const text = fromSlackText(e.text ?? '', (id) => this.userNames.get(id));
    const name = await this.userName(e.user);
    await this.core.agentMessage({
      platform: 'slack',
      channelId: e.channel,
      threadId: e.thread_ts,
      messageId: e.ts,
      author: { id: e.user, name },
      text,
      sentAt: new Date(Number(e.ts) * 1000),
      files: e.files?.map((f) => f.name ?? f.title ?? 'file'),
    });
  }

  private async resolveMentionNames(text: string): Promise<void> {
    const ids = [...text.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((m) => m[1]!);
    await Promise.all(ids.map((id) => this.userName(id)));
  }

  private async userName(id: string): Promise<string | undefined> {
    if (this.userNames.has(id)) return this.userNames.get(id);
    try {
      const res = await this.client.users.info({ user: id });
      const name = res.user?.real_name || res.user?.profile?.display_name || res.user?.name || undefined;
      this.userNames.set(id, name);
      return name;
    } catch (err) {
      this.log.debug({ user: id, err: (err as Error).message }, 'users.info failed; using the id');
      return undefined;
    }
  }

  /**
   * chat.postMessage is limited to about one message per second per channel: starts are paced per channel.
   * Several calls may be in flight, so one slow call does not hold up other conversations; order within a
   * conversation is kept by the outbox, which runs one job per conversation at a time.
   */
  private paced<T>(channelId: string, fn: () => Promise<T>): Promise<T> {
    let q = this.queues.get(channelId);
    if (!q) {
      const perSecond = this.opts.postsPerSecondPerChannel;
      q = new PQueue({ concurrency: 8, intervalCap: 1, interval: Math.ceil(1000 / perSecond) });
      this.queues.set(channelId, q);
    }
    return q.add(fn, { throwOnTimeout: true }) as Promise<T>;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.isReady()) throw DeliveryError.retryable('slack', { code: 'not_ready', meaning: 'the Slack connection is not up yet', action: 'nothing: the bridge retries' });
    try {
      return await fn();
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  async openThread(o: ThreadOpening): Promise<ThreadRef> {
    const res = await this.call(() => this.paced(o.channelId, () => this.client.chat.postMessage({ channel: o.channelId, text: `${mentionsPrefix(o.mentionUserIds)}${toSlackText(o.intro)}`, unfurl_links: false })));
    return { platform: 'slack', channelId: res.channel ?? o.channelId, threadId: String(res.ts) };
  }

  async postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }> {
    const icon = post.author.role === 'customer' ? ':bust_in_silhouette:' : post.author.role === 'bridge' ? ':robot_face:' : ':speech_balloon:';
    const res = await this.call(() =>
      this.paced(thread.channelId, () =>
        this.client.chat.postMessage({
          channel: thread.channelId,
          thread_ts: thread.threadId,
          text: `${mentionsPrefix(post.mentionUserIds)}${toSlackText(post.body)}`,
          // Shown as the customer (needs chat:write.customize; without it Slack shows the bot's name).
          username: post.author.detail ? `${post.author.name} · ${post.author.detail}` : post.author.name,
          icon_emoji: icon,
          unfurl_links: false,
        }),
      ),
    );
    return { messageId: String(res.ts) };
  }

  async showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void> {
    await this.call(async () => {
      try {
        await this.client.reactions.add({ channel: thread.channelId, timestamp: messageId, name: STATUS_REACTIONS[status] });
      } catch (err) {
        if ((err as { data?: { error?: string } }).data?.error !== 'already_reacted') throw err;
      }
      if (previous && previous !== status) {
        // One status at a time on the message: the newer replaces the older.
        await this.client.reactions.remove({ channel: thread.channelId, timestamp: messageId, name: STATUS_REACTIONS[previous] }).catch((err) => {
          if ((err as { data?: { error?: string } }).data?.error !== 'no_reaction') throw err;
        });
      }
    });
  }

  async postToChannel(channelId: string, text: string): Promise<void> {
    await this.call(() => this.paced(channelId, () => this.client.chat.postMessage({ channel: channelId, text: toSlackText(text), unfurl_links: false })));
  }
}
