/**
 * The Slack side for the conformance suite: the regular harness (test/support/harness.ts: real Bolt behind
 * POST /slack/events with real signatures, the fake Slack Web API). A thread is a root message's ts.
 */
import { loadSlackFixture } from '../../fixtures/slack';
import type { FakeGraphApi } from '../../fakes/graph-api';
import type { StoredMessage } from '../../fakes/slack-api';
import { AGENT, CHANNEL, NOTIFY, eventually, slackTs, startHarness, type Harness } from '../harness';
import type { AgentFile, ChatSideDriver, CommandAnswer, PostView, StatusMark, ThreadView, WaCommand } from './driver';
import { slackEmojiName, unicodeOfSlackName } from './slack-emoji';

/** The reactions the bridge uses for statuses on Slack (test/flow/slack-to-customer.test.ts). */
const STATUS_BY_NAME: Record<string, StatusMark> = { outbox_tray: 'sent', white_check_mark: 'delivered', eyes: 'read', x: 'failed' };

const isRoot = (m: StoredMessage) => !m.thread_ts || m.thread_ts === m.ts;
/** A value with spaces or quotes is one argument when quoted (the core's `/wa` line parser: src/services/command-line.ts). */
const arg = (v: string) => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '\\"')}"` : v);

/** The `/wa` line a person types; a lifecycle subcommand names the customer (Slack runs no slash command typed in a thread). */
function commandText(c: WaCommand): string {
  switch (c.sub) {
    case 'help':
    case 'templates':
      return c.sub;
    case 'template':
      return ['template', arg(c.phone), c.name, c.params ?? ''].join(' ').trim();
    case 'assign':
    case 'add':
      // Slack escapes a mention in a command's text as <@U…|name> (the app manifest's should_escape).
      return `${c.sub} +${c.phone} <@${c.user}|${c.user.toLowerCase()}>`;
    case 'close':
      return `close +${c.phone}${c.message ? ` ${c.message}` : ''}`;
    case 'replies':
      return ['replies', c.action, c.name ?? '', c.text ?? ''].join(' ').trim();
    case 'reply':
      return ['reply', c.name, c.phone ? arg(c.phone) : ''].join(' ').trim();
    case 'find':
      return `find ${c.query}`;
    case 'history':
      return ['history', c.phone ? arg(c.phone) : '', c.count ?? ''].join(' ').trim();
    case 'failed':
      return c.sub;
    default:
      return `${c.sub} +${c.phone}`;
  }
}

export class SlackDriver implements ChatSideDriver {
  readonly platform: string = 'Slack';
  readonly agentId = AGENT;
  readonly notifyUsers = NOTIFY;
  protected h?: Harness;
  /** How startHarness is called (slack-socket-driver.ts: Socket Mode). */
  protected readonly harnessOptions: Parameters<typeof startHarness>[1] = {};

  protected get harness(): Harness {
    if (!this.h) throw new Error('SlackDriver: start() first');
    return this.h;
  }

  get graph(): FakeGraphApi {
    return this.harness.graph;
  }

  async start(label: string, env?: Record<string, string>): Promise<void> {
    this.h = await startHarness(label, { ...this.harnessOptions, ...(env ? { env: { ...this.harnessOptions?.env, ...env } } : {}) });
  }

  async stop(): Promise<void> {
    await this.h?.close();
    this.h = undefined;
  }

  async webhook(body: unknown): Promise<number> {
    return (await this.harness.postWebhook(body)).status;
  }

  async syncTemplates(): Promise<void> {
    await this.harness.bridge.templates!.sync.syncAll();
  }

  threads(): ThreadView[] {
    return this.harness.slack
      .messages(CHANNEL)
      .filter(isRoot)
      .filter((m) => this.isBridge(m))
      .map((m) => ({ id: m.ts, title: m.text }));
  }

  threadOf(phoneDigits: string): Promise<ThreadView> {
    return eventually(() => {
      const found = this.threads().filter((t) => t.title.includes(`+${phoneDigits}`));
      expect(found).toHaveLength(1);
      return found[0]!;
    });
  }

  opening(thread: ThreadView): PostView {
    const root = this.harness.slack.findMessage(CHANNEL, thread.id);
    if (!root) throw new Error(`no root message ${thread.id}`);
    return this.view(root);
  }

  threadClosed(): undefined {
    return undefined;
  }

  postsIn(thread: ThreadView): PostView[] {
    return this.harness.slack.threadReplies(CHANNEL, thread.id).map((m) => this.view(m));
  }

  async agentReplies(thread: ThreadView, text: string): Promise<string> {
    const { status, ts } = await this.harness.agentReplies(thread.id, text);
    expect(status).toBe(200);
    return ts;
  }

  /** Slack's file_share message event (bolt-python's capture, test/fixtures/slack/SOURCES.md) with the files stored on the fake. */
  async agentUploads(thread: ThreadView, text: string, files: AgentFile[]): Promise<string> {
    const { slack, sender } = this.harness;
    const fixture = loadSlackFixture('file_share').event;
    const stored = files.map((f) => slack.addFile({ name: f.name, mimetype: f.mimetype, content: f.bytes, user: AGENT }));
    const ts = slackTs();
    slack.addMessage(CHANNEL, { ts, text, user: AGENT, thread_ts: thread.id, files: stored });
    const event = {
      ...fixture,
      channel: CHANNEL,
      user: AGENT,
      ts,
      event_ts: ts,
      thread_ts: thread.id,
      text,
      files: stored.map((f) => ({ ...fixture.files[0], ...f })),
    };
    expect((await sender.sendEvent(event)).status).toBe(200);
    return ts;
  }

  /** Slack's reaction_added / reaction_removed example (test/fixtures/slack/reaction_added.json), by the agent. */
  async agentReacts(thread: ThreadView, postId: string, emoji: string, opts: { remove?: boolean } = {}): Promise<void> {
    const name = slackEmojiName(emoji);
    expect(name).toBeDefined();
    await this.sendReaction(postId, name!, AGENT, opts.remove ?? false);
  }

  statusMarksOn(_thread: ThreadView, postId: string): StatusMark[] {
    return this.bridgeReactions(postId)
      .map((name) => STATUS_BY_NAME[name])
      .filter((s): s is StatusMark => s !== undefined);
  }

  reactionsOn(_thread: ThreadView, postId: string): string[] {
    return this.bridgeReactions(postId)
      .filter((name) => !STATUS_BY_NAME[name])
      .map((name) => unicodeOfSlackName(name) ?? `:${name}:`);
  }

  /**
   * Slack sends a bot its own messages and reactions through the Events API like anyone else's: each of the
   * bridge's posts comes back in the shape of the captured echo (bot_own_echo.json), each reaction as reaction_added.
   */
  async echoBridgeActivity(thread: ThreadView): Promise<void> {
    const { slack, sender } = this.harness;
    const echo = loadSlackFixture('bot_own_echo').event;
    const mine = [slack.findMessage(CHANNEL, thread.id)!, ...slack.threadReplies(CHANNEL, thread.id)].filter((m) => this.isBridge(m));
    for (const m of mine) {
      const event = {
        ...echo,
        channel: CHANNEL,
        user: slack.botUserId,
        bot_id: slack.botId,
        app_id: slack.appId,
        team: slack.teamId,
        bot_profile: { ...echo.bot_profile, id: slack.botId, app_id: slack.appId, team_id: slack.teamId },
        text: m.text,
        blocks: m.blocks ?? [],
        ts: m.ts,
        event_ts: m.ts,
        thread_ts: m.thread_ts,
        parent_user_id: isRoot(m) ? undefined : slack.botUserId,
      };
      expect((await sender.sendEvent(event)).status).toBe(200);
      for (const name of this.bridgeReactions(m.ts)) await this.sendReaction(m.ts, name, slack.botUserId, false);
    }
  }

  readonly commandsInThreads = false;
  readonly agentName = 'Ana Agent'; // users.info real_name of AGENT on the fake (test/support/harness.ts)

  /** Slack runs no slash command in a thread: `opts.in` is not used (the suite gives a number instead). */
  async runCommand(command: WaCommand): Promise<CommandAnswer> {
    const text = commandText(command);
    const res = await this.harness.sender.sendCommand({ command: '/wa', text, user_id: AGENT, channel_id: CHANNEL });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { response_type?: string; text: string };
    // Slack shows a slash command's answer only to its author unless response_type is in_channel.
    return { text: body.text, private: body.response_type !== 'in_channel' };
  }

  /**
   * The message shortcut “Send a saved reply” on the thread's last message (bolt-python's captured message_action,
   * test/fixtures/slack/SOURCES.md), then the form's submission with the reply chosen (the captured view_submission
   * with the view the bridge opened).
   */
  async agentPicksSavedReply(thread: ThreadView, name: string): Promise<{ offered: string[]; answer?: CommandAnswer }> {
    const { slack, sender } = this.harness;
    const shortcut = loadSlackFixture('message_shortcut');
    const last = slack.threadReplies(CHANNEL, thread.id).at(-1);
    const viewsBefore = slack.views().length;
    Object.assign(shortcut, { callback_id: 'wa_saved_reply', trigger_id: `${Date.now()}.1.shortcut`, message_ts: last?.ts ?? thread.id });
    shortcut.team = { ...shortcut.team, id: slack.teamId };
    shortcut.user.id = AGENT;
    shortcut.channel.id = CHANNEL;
    Object.assign(shortcut.message, { ts: last?.ts ?? thread.id, thread_ts: thread.id, text: last?.text ?? '', user: last?.user ?? AGENT });
    expect((await sender.sendInteraction(shortcut)).status).toBe(200);
    const view = await eventually(() => {
      expect(slack.views().length).toBeGreaterThan(viewsBefore);
      return slack.views().at(-1)!;
    });
    const select = (view.blocks as { element?: { options?: { value: string }[] } }[]).find((b) => b.element?.options)?.element;
    const offered = (select?.options ?? []).map((o) => o.value);
    const submission = loadSlackFixture('view_submission');
    submission.user.id = AGENT;
    Object.assign(submission.view, {
      id: view.id,
      hash: view.hash,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: { saved_reply: { name: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: name }, value: name } } } } },
    });
    const res = await sender.sendInteraction(submission);
    expect(res.status).toBe(200);
    const errors = res.body ? (JSON.parse(res.body) as { errors?: Record<string, string> }).errors : undefined;
    return { offered, answer: errors ? { text: Object.values(errors).join('\n'), private: true } : undefined };
  }

  /** Slack's message_changed (the captured event, test/fixtures/slack/message_changed.json) for the agent's reply. */
  async agentEdits(_thread: ThreadView, postId: string, text: string): Promise<void> {
    const { slack, sender } = this.harness;
    const stored = slack.findMessage(CHANNEL, postId)!;
    const previous = { ...stored };
    stored.text = text;
    const event = loadSlackFixture('message_changed').event;
    Object.assign(event, { channel: CHANNEL, ts: slackTs(), event_ts: slackTs() });
    event.message = { type: 'message', user: AGENT, text, ts: postId, thread_ts: stored.thread_ts, edited: { user: AGENT, ts: slackTs() } };
    event.previous_message = { type: 'message', user: AGENT, text: previous.text, ts: postId, thread_ts: stored.thread_ts };
    expect((await sender.sendEvent(event)).status).toBe(200);
  }

  /** Slack's message_deleted (the captured event, test/fixtures/slack/message_deleted.json) for the agent's reply. */
  async agentDeletes(_thread: ThreadView, postId: string): Promise<void> {
    const { slack, sender } = this.harness;
    const stored = slack.findMessage(CHANNEL, postId)!;
    const event = loadSlackFixture('message_deleted').event;
    Object.assign(event, { channel: CHANNEL, deleted_ts: postId, ts: slackTs(), event_ts: slackTs() });
    event.previous_message = { type: 'message', user: AGENT, text: stored.text, ts: postId, thread_ts: stored.thread_ts };
    expect((await sender.sendEvent(event)).status).toBe(200);
  }

  /** The form of a Slack message link (`chat.getPermalink` answers it too): `…/archives/<channel>/p<ts without the dot>`. */
  threadLinkPart(thread: ThreadView): string {
    return `/archives/${CHANNEL}/p${thread.id.replace('.', '')}`;
  }

  probeParked(): void {
    this.harness.bridge.outbox.probeParked();
  }

  private isBridge(m: StoredMessage): boolean {
    return m.bot_id === this.harness.slack.botId || m.user === this.harness.slack.botUserId;
  }

  private bridgeReactions(ts: string): string[] {
    const m = this.harness.slack.findMessage(CHANNEL, ts);
    return (m?.reactions ?? []).filter((r) => r.users.includes(this.harness.slack.botUserId)).map((r) => r.name);
  }

  private async sendReaction(ts: string, name: string, user: string, remove: boolean): Promise<void> {
    const item = this.harness.slack.findMessage(CHANNEL, ts);
    const event = {
      ...loadSlackFixture('reaction_added'),
      type: remove ? 'reaction_removed' : 'reaction_added',
      user,
      reaction: name,
      item_user: item?.user,
      item: { type: 'message', channel: CHANNEL, ts },
      event_ts: slackTs(),
    };
    expect((await this.harness.sender.sendEvent(event)).status).toBe(200);
  }

  private view(m: StoredMessage): PostView {
    const { slack } = this.harness;
    return {
      id: m.ts,
      text: m.text,
      author: m.username,
      byBridge: this.isBridge(m),
      mentions: [...m.text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((x) => x[1]!),
      files: (m.files ?? []).map((f) => ({
        name: f.name,
        bytes: async () => {
          const content = slack.files().find((x) => x.id === f.id)?.content;
          if (!content) throw new Error(`file ${f.id} has no content on the fake`);
          return content;
        },
      })),
    };
  }
}
