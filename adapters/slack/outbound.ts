/**
 * Core → Slack: threads, posts, files, the bridge's reactions, edits and statuses, through one WebClient. Retries
 * belong to the outbox, so the WebClient never retries by itself and rate limits surface as errors (toDeliveryError).
 * The lifecycle (auth.test, Bolt) is slack-adapter.ts; what Slack sends us is inbound.ts.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ApiCallObserver } from '../../src/domain/ports/telemetry';
import { ObservedWebClient } from './api-metrics';
import PQueue from 'p-queue';
import type {
  Cards,
  ChatPost,
  Edits,
  Files,
  OpenedThread,
  Permalinks,
  ProgressMessages,
  Reactions,
  StatusMarks,
  ThreadOpening,
  ThreadRef,
} from '../../src/domain/chat/adapter';
import type { ConversationCard } from '../../src/domain/chat/card';
import { STATUS_MARKS } from '../../src/domain/chat/status-marks';
import { DeliveryError } from '../../src/domain/errors';
import type { AgentFile, FileStream } from '../../src/domain/media';
import type { DeliveryStatus } from '../../src/domain/whatsapp';
import type { Logger } from '../../src/logger';
import type { SlackConfig } from './config';
import { slackCardText, slackPostBody, slackThreadUrl } from './card';
import { actionBlocks } from './card-actions';
import { slackNameFromEmoji } from './emoji';
import { toDeliveryError } from './errors';
import { openSlackFile, shareTs, SLACK_MAX_FILE_BYTES, uploadToThread, type SlackFile } from './files';
import { mentionsPrefix, toSlackText } from './format';

/** The reaction (Slack short name) that shows a WhatsApp status: the core's mark (status-marks.ts), as Slack names it. */
export function statusReaction(status: DeliveryStatus): string {
  const name = slackNameFromEmoji(STATUS_MARKS[status]);
  if (!name) throw new Error(`Slack has no name for the status mark ${STATUS_MARKS[status]}`);
  return name;
}

/** Slack's error code on a Web API failure (`data.error`), if any. */
export const slackCode = (err: unknown): string | undefined => (err as { data?: { error?: string } }).data?.error;

export function boltLogger(log: Logger): BoltLogger {
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

export abstract class SlackOutbound implements StatusMarks, Reactions, Edits, Files, ProgressMessages, Cards, Permalinks {
  readonly platform = 'slack' as const;
  readonly maxFileBytes = SLACK_MAX_FILE_BYTES;
  /** chat.postMessage: "truncates messages containing more than 40,000 characters" (docs.slack.dev, chat.postMessage). */
  readonly maxPostLength = 40_000;
  protected readonly client: WebClient;
  protected readonly queues = new Map<string, PQueue>();

  constructor(
    protected readonly opts: SlackConfig & { apiCalls?: ApiCallObserver },
    protected readonly log: Logger,
  ) {
    this.client = new ObservedWebClient(opts.apiCalls, opts.botToken, {
      slackApiUrl: opts.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 10_000,
      logger: boltLogger(log),
    });
  }

  abstract isReady(): boolean;
  /** Whether Web API calls may be made (the token was accepted); the receiving side's state is isReady's. */
  protected abstract webApiReady(): boolean;

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
    if (!this.webApiReady())
      throw DeliveryError.retryable('slack', { code: 'not_ready', meaning: 'the Slack connection is not up yet', action: 'nothing: the bridge retries' });
    try {
      return await fn();
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  async openThread(o: ThreadOpening): Promise<OpenedThread> {
    const body = o.card ? slackCardText(o.card) : toSlackText(o.intro);
    const text = `${mentionsPrefix(o.mentionUserIds)}${body}`;
    const blocks = o.card && actionBlocks(text, { conversationId: o.card.conversationId, actions: o.card.actions, language: o.card.language });
    const res = await this.call(() =>
      this.paced(o.channelId, () => this.client.chat.postMessage({ channel: o.channelId, text, ...(blocks ? { blocks } : {}), unfurl_links: false })),
    );
    return { platform: 'slack', channelId: res.channel ?? o.channelId, threadId: String(res.ts), rootMessageId: String(res.ts) };
  }

  /** chat.update of the root message (its first mentions, the notify users, are not kept: an edit pings nobody anyway). */
  async updateCard(thread: ThreadRef, rootMessageId: string, card: ConversationCard): Promise<void> {
    const text = slackCardText(card);
    // Blocks always sent (an empty list when there are no buttons): chat.update keeps the old blocks otherwise.
    const blocks = actionBlocks(text, { conversationId: card.conversationId, actions: card.actions, language: card.language }) ?? [];
    await this.call(() => this.paced(thread.channelId, () => this.client.chat.update({ channel: thread.channelId, ts: rootMessageId, text, blocks })));
  }

  /** Slack threads have no closed state: the card says the conversation is closed. */
  async setThreadClosed(): Promise<void> {}

  /** The root message's archive link (the form `chat.getPermalink` answers), built without a call: see card.ts. */
  threadUrl(thread: ThreadRef): string {
    return slackThreadUrl(thread.channelId, thread.threadId);
  }

  /** The `text` postInThread sends (the author goes in `username`), counted after escaping. */
  postLength(post: ChatPost): number {
    return mentionsPrefix(post.mentionUserIds).length + slackPostBody(post).length;
  }

  async postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }> {
    const icon = post.author.role === 'customer' ? ':bust_in_silhouette:' : post.author.role === 'bridge' ? ':robot_face:' : ':speech_balloon:';
    const text = `${mentionsPrefix(post.mentionUserIds)}${slackPostBody(post)}`;
    const blocks = actionBlocks(text, post.actions);
    const res = await this.call(() =>
      this.paced(thread.channelId, () =>
        this.client.chat.postMessage({
          channel: thread.channelId,
          thread_ts: thread.threadId,
          text,
          ...(blocks ? { blocks } : {}),
          // Shown as the customer (needs chat:write.customize; without it Slack shows the bot's name).
          username: post.author.detail ? `${post.author.name} · ${post.author.detail}` : post.author.name,
          icon_emoji: icon,
          unfurl_links: false,
        }),
      ),
    );
    return { messageId: String(res.ts) };
  }

  /**
   * A customer's file in the thread (files.uploadV2's three steps, streamed), the author and caption as its comment.
   * The file's message ts (for reactions and edits) comes from the file's shares, which Slack records a moment later.
   */
  async postFile(thread: ThreadRef, post: ChatPost, file: FileStream): Promise<{ messageId: string }> {
    const icon = post.author.role === 'customer' ? ':bust_in_silhouette: ' : '';
    const comment = `${mentionsPrefix(post.mentionUserIds)}${icon}*${toSlackText(post.author.name)}*\n${toSlackText(post.body)}`;
    const { fileId, completed } = await this.call(() =>
      this.paced(thread.channelId, () => uploadToThread(this.client, this.opts.botToken, thread, file, comment)),
    );
    let ts = shareTs(completed, thread);
    for (let attempt = 0; !ts && attempt <= 5; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 200 * attempt));
      const info = await this.call(() => this.client.files.info({ file: fileId })).catch(() => undefined);
      ts = shareTs(info?.file as SlackFile | undefined, thread);
    }
    if (!ts) this.log.warn({ fileId }, 'Slack has not recorded where the file was shared: reactions and edits on it will show as lines');
    return { messageId: ts ?? `file:${fileId}` };
  }

  async openFile(file: AgentFile): Promise<FileStream> {
    return openSlackFile(this.opts.botToken, file);
  }

  /** The bridge's reaction for a customer's emoji; false when it has no Slack name (the core posts a line instead). */
  async react(thread: ThreadRef, messageId: string, emoji: string, add: boolean): Promise<boolean> {
    const name = slackNameFromEmoji(emoji);
    if (!name || messageId.startsWith('file:')) return false;
    await this.call(async () => {
      try {
        if (add) await this.client.reactions.add({ channel: thread.channelId, timestamp: messageId, name });
        else await this.client.reactions.remove({ channel: thread.channelId, timestamp: messageId, name });
      } catch (err) {
        const code = slackCode(err);
        if (code !== 'already_reacted' && code !== 'no_reaction') throw err;
      }
    });
    return true;
  }

  /** chat.update of the bridge's own post; a file's message keeps its author line (Slack shows the bot as its author). */
  async editPost(thread: ThreadRef, messageId: string, post: ChatPost, opts: { withFile?: boolean } = {}): Promise<boolean> {
    if (messageId.startsWith('file:')) return false;
    const icon = post.author.role === 'customer' ? ':bust_in_silhouette: ' : '';
    const text = opts.withFile ? `${icon}*${toSlackText(post.author.name)}*\n${toSlackText(post.body)}` : toSlackText(post.body);
    await this.call(() => this.paced(thread.channelId, () => this.client.chat.update({ channel: thread.channelId, ts: messageId, text })));
    return true;
  }

  async showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void> {
    await this.call(async () => {
      try {
        await this.client.reactions.add({ channel: thread.channelId, timestamp: messageId, name: statusReaction(status) });
      } catch (err) {
        if (slackCode(err) !== 'already_reacted') throw err;
      }
      if (previous && previous !== status) {
        // One status at a time on the message: the newer replaces the older.
        await this.client.reactions.remove({ channel: thread.channelId, timestamp: messageId, name: statusReaction(previous) }).catch((err) => {
          if (slackCode(err) !== 'no_reaction') throw err;
        });
      }
    });
  }

  /** A channel message the bridge keeps up to date (a bulk send's progress): posted once, then edited. */
  async upsertChannelMessage(channelId: string, text: string, messageId?: string): Promise<{ messageId: string }> {
    const body = toSlackText(text);
    if (messageId) {
      await this.call(() => this.paced(channelId, () => this.client.chat.update({ channel: channelId, ts: messageId, text: body })));
      return { messageId };
    }
    const res = await this.call(() => this.paced(channelId, () => this.client.chat.postMessage({ channel: channelId, text: body, unfurl_links: false })));
    return { messageId: String(res.ts) };
  }

  async postToChannel(channelId: string, text: string): Promise<void> {
    await this.call(() => this.paced(channelId, () => this.client.chat.postMessage({ channel: channelId, text: toSlackText(text), unfurl_links: false })));
  }
}
