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
import type { AgentFile, FileStream } from '../../src/domain/media';
import { ConfigError, DeliveryError } from '../../src/domain/errors';
import type { DeliveryStatus } from '../../src/domain/whatsapp';
import type { Logger } from '../../src/logger';
import { toDeliveryError } from './errors';
import { emojiFromSlackName, slackNameFromEmoji } from './emoji';
import { agentFileOf, openSlackFile, shareTs, SLACK_MAX_FILE_BYTES, uploadToThread, type SlackFile } from './files';
import { fromSlackText, mentionsPrefix, toSlackText } from './format';
import { inlineErrors, PICK_ACTION_ID, readSubmission, TEMPLATE_CALLBACK_ID, templateModal, type ModalMetadata } from './template-modal';

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

/** What Bolt hands a block_actions listener for the template picker (the fields used). */
interface PickBody {
  view?: { id: string; hash?: string; private_metadata?: string };
  actions?: { selected_option?: { value?: string } }[];
}

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
  files?: SlackFile[];
}

/** `reaction_added` / `reaction_removed` (Slack's event reference): who, which emoji name, on what. */
interface SlackReactionEvent {
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
  event_ts?: string;
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
  readonly maxFileBytes = SLACK_MAX_FILE_BYTES;
  /** chat.postMessage: "truncates messages containing more than 40,000 characters" (docs.slack.dev, chat.postMessage). */
  readonly maxPostLength = 40_000;
  private readonly client: WebClient;
  private readonly queues = new Map<string, PQueue>();
  private readonly userNames = new Map<string, string | undefined>();
  private readonly groups = new Map<string, { users: string[]; until: number }>();
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
        if (code && FATAL_AUTH.has(code))
          throw new ConfigError(
            `SLACK_BOT_TOKEN was refused by Slack (${code}): create the app from docker/slack-app-manifest.yml and copy its Bot User OAuth Token`,
          );
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
    app.event('reaction_added', async ({ event }) => this.onReaction(event as SlackReactionEvent, true));
    app.event('reaction_removed', async ({ event }) => this.onReaction(event as SlackReactionEvent, false));
    // The bot was invited to a channel (docs.slack.dev/reference/events/member_joined_channel; Bolt's ignoreSelf keeps
    // this event for the bot itself): deliveries paused on `not_in_channel` are tried again now.
    app.event('member_joined_channel', async ({ event }) => {
      if (event.user === this.bot!.userId) this.core.accessChanged?.({ platform: 'slack', channelId: event.channel });
    });
    app.command('/wa', async ({ command, ack }) => {
      // `/wa template` alone opens the form (the trigger_id is valid for 3 seconds).
      if ((command.text ?? '').trim().toLowerCase() === 'template' && this.core.templates && this.core.sendTemplate) {
        const opened = await this.openTemplateModal(command.trigger_id, command.channel_id);
        if (opened) return ack();
      }
      const userName = await this.userName(command.user_id);
      const reply = await this.core.command({ platform: 'slack', userId: command.user_id, userName, channelId: command.channel_id, text: command.text ?? '' });
      await ack({ response_type: 'ephemeral', text: reply.text });
    });
    app.action(PICK_ACTION_ID, async ({ ack, body }) => {
      await ack();
      await this.onTemplatePicked(body as unknown as PickBody);
    });
    app.view(TEMPLATE_CALLBACK_ID, async ({ ack, view, body }) => {
      const meta = JSON.parse(view.private_metadata || '{}') as ModalMetadata;
      const { phone, template, fields } = readSubmission(view.state.values as never);
      const userName = await this.userName(body.user.id);
      const result = await this.core.sendTemplate!({
        platform: 'slack',
        userId: body.user.id,
        userName,
        channelId: meta.channelId,
        phone,
        template,
        values: fields,
      });
      if (!result.ok) {
        const blockIds = view.blocks.map((b) => b.block_id).filter((id): id is string => Boolean(id));
        await ack({ response_action: 'errors', errors: inlineErrors(result.errors, blockIds) });
        return;
      }
      await ack();
      await this.client.chat
        .postEphemeral({ channel: meta.channelId, user: body.user.id, text: toSlackText(result.text) })
        .catch((err: Error) => this.log.warn({ err: err.message }, 'could not confirm the template send'));
    });
    app.error(async (err) => {
      this.log.error({ err: err.message }, 'Slack event handling failed');
      throw err; // Bolt answers 500: Slack retries, and our idempotent ingest makes that safe.
    });
  }

  private async openTemplateModal(triggerId: string, channelId: string): Promise<boolean> {
    try {
      const choices = await this.core.templates!({ platform: 'slack', channelId });
      await this.client.views.open({ trigger_id: triggerId, view: templateModal({ channelId }, choices) as never });
      return true;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not open the template form; answering as a command');
      return false;
    }
  }

  private async onTemplatePicked(body: PickBody): Promise<void> {
    const meta = JSON.parse(body.view?.private_metadata || '{}') as ModalMetadata;
    const template = body.actions?.[0]?.selected_option?.value;
    if (!body.view || !template) return;
    const [choices, fields] = await Promise.all([
      this.core.templates!({ platform: 'slack', channelId: meta.channelId }),
      this.core.templateFields!({ platform: 'slack', channelId: meta.channelId, template }),
    ]);
    const view =
      'fields' in fields
        ? templateModal({ ...meta, template }, choices, fields.fields)
        : templateModal({ ...meta, template }, choices, undefined, fields.error);
    await this.client.views.update({ view_id: body.view.id, hash: body.view.hash, view: view as never });
  }

  /**
   * A file shared in Slack, named by its id (F…) or a link to it (permalink or url_private), read as text: the CSV
   * of a bulk template send. files.info gives its private URL, read with the bot token (files:read).
   */
  async readSharedFile(reference: string): Promise<{ name: string; text: string } | undefined> {
    const id = /(?:^|[/-])(F[A-Z0-9]{6,})(?=\/|$)/.exec(reference.trim().replace(/^<|>$/g, ''))?.[1];
    if (!id) return undefined;
    const info = await this.client.files.info({ file: id });
    const file = info.file;
    const url = file?.url_private_download ?? file?.url_private;
    if (!file || !url) throw new Error('Slack gave no download link for it');
    if ((file.size ?? 0) > 1_000_000) throw new Error('it is larger than 1 MB');
    const res = await fetch(url, { headers: { authorization: `Bearer ${this.opts.botToken}` }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) throw new Error(`Slack answered HTTP ${res.status}; the app needs the files:read scope`);
    return { name: file.name ?? id, text: await res.text() };
  }

  /** Members of a Slack user group (S…), cached a minute: template-sender allow-lists may name groups. */
  async groupMembers(groupId: string): Promise<string[]> {
    const cached = this.groups.get(groupId);
    if (cached && cached.until > Date.now()) return cached.users;
    const res = await this.client.usergroups.users.list({ usergroup: groupId });
    const users = (res.users as string[] | undefined) ?? [];
    this.groups.set(groupId, { users, until: Date.now() + 60_000 });
    return users;
  }

  private async onMessage(e: SlackMessageEvent): Promise<void> {
    // Only people's replies inside a thread. thread_broadcast and file_share are still replies by a person.
    if (e.subtype && e.subtype !== 'thread_broadcast' && e.subtype !== 'file_share') return;
    if (e.bot_id || e.app_id || !e.user || e.user === this.bot?.userId) return;
    if (!e.thread_ts || e.thread_ts === e.ts) return;
    await this.resolveMentionNames(e.text ?? '');
    const text = fromSlackText(e.text ?? '', (id) => this.userNames.get(id));
    // A message that starts by mentioning someone (`<@U…>`, mrkdwn reference): the core decides whether it stays internal.
    const lead = /^\s*<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[\s,:]*/.exec(e.text ?? '');
    const name = await this.userName(e.user);
    await this.core.agentMessage({
      platform: 'slack',
      channelId: e.channel,
      threadId: e.thread_ts,
      messageId: e.ts,
      author: { id: e.user, name },
      text,
      sentAt: new Date(Number(e.ts) * 1000),
      files: e.files?.length ? await this.agentFiles(e.files) : undefined,
      leadingMention: lead
        ? { userId: lead[1]!, isBot: lead[1] === this.bot?.userId, rest: fromSlackText(e.text!.slice(lead[0].length), (id) => this.userNames.get(id)) }
        : undefined,
    });
  }

  /** Files of a file_share, as the core describes them. Some events carry only ids (`file_access: check_file_info`). */
  private async agentFiles(files: SlackFile[]): Promise<AgentFile[]> {
    const described: AgentFile[] = [];
    for (const f of files) {
      let file = agentFileOf(f);
      if (!file && f.id) file = agentFileOf(((await this.client.files.info({ file: f.id }).catch(() => undefined))?.file as SlackFile | undefined) ?? {});
      if (file) described.push(file);
      else this.log.warn({ fileId: f.id }, 'a shared file could not be described (no URL): not sent to the customer');
    }
    return described;
  }

  /** An agent's reaction on a message (the bot's own reactions are statuses and mirrored customer reactions). */
  private async onReaction(e: SlackReactionEvent, added: boolean): Promise<void> {
    if (!this.core.agentReaction || e.item?.type !== 'message' || !e.item.channel || !e.item.ts || !e.user || e.user === this.bot?.userId) return;
    const emoji = e.reaction ? emojiFromSlackName(e.reaction) : undefined;
    if (!emoji) {
      this.log.debug({ reaction: e.reaction }, 'a reaction without a Unicode emoji (custom emoji) cannot go to WhatsApp');
      return;
    }
    await this.core.agentReaction({
      platform: 'slack',
      channelId: e.item.channel,
      messageId: e.item.ts,
      userId: e.user,
      emoji,
      added,
      eventId: e.event_ts ?? `${Date.now()}`,
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
    if (!this.isReady())
      throw DeliveryError.retryable('slack', { code: 'not_ready', meaning: 'the Slack connection is not up yet', action: 'nothing: the bridge retries' });
    try {
      return await fn();
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  async openThread(o: ThreadOpening): Promise<ThreadRef> {
    const res = await this.call(() =>
      this.paced(o.channelId, () =>
        this.client.chat.postMessage({ channel: o.channelId, text: `${mentionsPrefix(o.mentionUserIds)}${toSlackText(o.intro)}`, unfurl_links: false }),
      ),
    );
    return { platform: 'slack', channelId: res.channel ?? o.channelId, threadId: String(res.ts) };
  }

  /** The `text` postInThread sends (the author goes in `username`), counted after escaping. */
  postLength(post: ChatPost): number {
    return mentionsPrefix(post.mentionUserIds).length + toSlackText(post.body).length;
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
    // The same emoji may be a status (👀 = read): taking the customer's off must not take the status off.
    if (!add && Object.values(STATUS_REACTIONS).includes(name)) return true;
    await this.call(async () => {
      try {
        if (add) await this.client.reactions.add({ channel: thread.channelId, timestamp: messageId, name });
        else await this.client.reactions.remove({ channel: thread.channelId, timestamp: messageId, name });
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
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
