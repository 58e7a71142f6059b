/**
 * The Discord side for the conformance suite: the Discord harness (test/support/discord-harness.ts: the real
 * discord.js client against the fake REST API and gateway), Discord as the only chat side. A thread is a Discord
 * thread under the configured text channel (or a forum post, with `forum: true`).
 */
import type { APIMessage } from 'discord.js';
import type { BridgeOptions } from '../../../src/bridge';
import type { FakeGraphApi } from '../../fakes/graph-api';
import { DISCORD_AGENT, DISCORD_NOTIFY, startDiscordHarness, type DiscordHarness } from '../discord-harness';
import { eventually } from '../harness';
import type { AgentFile, ChatSideDriver, CommandAnswer, PostView, StatusMark, ThreadView, WaCommand } from './driver';

/** The reactions the bridge uses for statuses on Discord (test/flow/discord-to-customer.test.ts). */
const STATUS_BY_EMOJI: Record<string, StatusMark> = { '📤': 'sent', '✅': 'delivered', '👀': 'read', '❌': 'failed' };
/** Discord's EPHEMERAL message flag: only the invoking user sees the answer (Discord docs, "Message Flags"). */
const EPHEMERAL = 1 << 6;
/** Interaction callback types: 4 answers at once, 5 defers and the answer is the edited original (Discord docs). */
const DEFERRED = 5;
/**
 * How the bridge attributes a post made on a customer's behalf (test/flow/discord-customer-to-discord.test.ts),
 * after the mentions of the people it pings: `<@id> **Name** (customer)\n`.
 */
const ATTRIBUTION = /^((?:<@!?\d+> )*)\*\*(.+?)\*\* \(customer\)\n/;

export class DiscordDriver implements ChatSideDriver {
  readonly platform: string;
  readonly agentId = DISCORD_AGENT.id;
  readonly notifyUsers = DISCORD_NOTIFY;
  protected h?: DiscordHarness;

  constructor(private readonly opts: { forum?: boolean; bridge?: BridgeOptions } = {}) {
    this.platform = opts.forum ? 'Discord (forum channel)' : 'Discord';
  }

  protected get harness(): DiscordHarness {
    if (!this.h) throw new Error('DiscordDriver: start() first');
    return this.h;
  }

  get graph(): FakeGraphApi {
    return this.harness.graph;
  }

  async start(label: string, env?: Record<string, string>): Promise<void> {
    this.h = await startDiscordHarness(label, { forum: this.opts.forum, bridge: this.opts.bridge, ...(env ? { env } : {}) });
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
    return this.harness.threads().map((t) => ({ id: t.id, title: t.name ?? '' }));
  }

  threadOf(phoneDigits: string): Promise<ThreadView> {
    return eventually(() => {
      const found = this.threads().filter((t) => t.title.includes(`+${phoneDigits}`));
      expect(found).toHaveLength(1);
      // The thread exists once its opening post is in it (a forum post is created with it; a text thread just after).
      expect(this.messages(found[0]!).length).toBeGreaterThanOrEqual(1);
      return found[0]!;
    });
  }

  opening(thread: ThreadView): PostView {
    const first = this.messages(thread)[0];
    if (!first) throw new Error(`thread ${thread.id} has no messages`);
    return this.view(first);
  }

  threadClosed(thread: ThreadView): boolean {
    const channel = this.harness.fake.state.channel(thread.id) as { thread_metadata?: { archived?: boolean } };
    return channel.thread_metadata?.archived === true;
  }

  postsIn(thread: ThreadView): PostView[] {
    return this.messages(thread)
      .slice(1)
      .map((m) => this.view(m));
  }

  async agentReplies(thread: ThreadView, text: string): Promise<string> {
    return this.harness.agentSays(thread.id, text).id;
  }

  async agentUploads(thread: ThreadView, text: string, files: AgentFile[]): Promise<string> {
    const attachments = files.map((f) => ({ filename: f.name, content: f.bytes, contentType: f.mimetype }));
    return this.harness.fake.userSays({ channelId: thread.id, content: text, user: DISCORD_AGENT, attachments }).id;
  }

  async agentReacts(thread: ThreadView, postId: string, emoji: string, opts: { remove?: boolean } = {}): Promise<void> {
    this.harness.fake.userReacts({ channelId: thread.id, messageId: postId, emoji, user: DISCORD_AGENT, remove: opts.remove });
  }

  statusMarksOn(thread: ThreadView, postId: string): StatusMark[] {
    return this.bridgeReactions(thread, postId)
      .map((e) => STATUS_BY_EMOJI[e])
      .filter((s): s is StatusMark => s !== undefined);
  }

  reactionsOn(thread: ThreadView, postId: string): string[] {
    return this.bridgeReactions(thread, postId).filter((e) => !STATUS_BY_EMOJI[e]);
  }

  /**
   * Nothing to do: the fake gateway, like Discord's, already dispatched MESSAGE_CREATE and MESSAGE_REACTION_ADD to
   * the bot for each of its own posts and reactions when it made them (test/fakes/discord/state.ts).
   */
  async echoBridgeActivity(): Promise<void> {}

  readonly commandsInThreads = true;
  readonly agentName = DISCORD_AGENT.globalName; // the member has no nickname: Discord shows the global name

  /** INTERACTION_CREATE for `/wa <sub>` with typed options (the registered command, adapters/discord/commands.ts), in the channel or `opts.in`. */
  async runCommand(command: WaCommand, opts: { in?: ThreadView } = {}): Promise<CommandAnswer> {
    const { fake, channelId } = this.harness;
    let options: Record<string, string | number> | undefined;
    if ('thread' in command) {
      // A lifecycle subcommand is typed in the conversation's thread (Discord runs commands there).
      options =
        command.sub === 'assign' || command.sub === 'add'
          ? { user: command.user }
          : command.sub === 'close' && command.message
            ? { message: command.message }
            : undefined;
    } else {
      const { sub: _sub, ...rest } = command;
      // The typed options, as Discord sends them: only those the agent filled in.
      const filled = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;
      options = Object.keys(filled).length ? filled : undefined;
    }
    const where = opts.in?.id ?? ('thread' in command ? command.thread.id : channelId);
    const rec = fake.interaction({ name: 'wa', subcommand: command.sub, options, channelId: where, user: DISCORD_AGENT });
    const first = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    const flags = Number(first.data?.flags ?? 0);
    const shown = first.type === DEFERRED ? await fake.waitForInteractionResponse(rec.id, 'editOriginal', 10_000) : first;
    return { text: String(shown.data?.content ?? ''), private: (flags & EPHEMERAL) !== 0 };
  }

  /** The name typed into `/wa reply name:` autocompletes (INTERACTION_CREATE type 4), then `/wa reply` runs in the thread. */
  async agentPicksSavedReply(thread: ThreadView, name: string): Promise<{ offered: string[]; answer?: CommandAnswer }> {
    const { fake } = this.harness;
    const rec = fake.autocomplete({ name: 'wa', subcommand: 'reply', options: { name: '' }, focused: 'name', channelId: thread.id, user: DISCORD_AGENT });
    const shown = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    const offered = ((shown.data?.choices ?? []) as { value: string }[]).map((c) => c.value);
    const answer = await this.runCommand({ sub: 'reply', name }, { in: thread });
    return { offered, answer };
  }

  /** The fake stores the edit, then sends MESSAGE_UPDATE (the whole message, `edited_timestamp` set) on the gateway. */
  async agentEdits(thread: ThreadView, postId: string, text: string): Promise<void> {
    this.harness.fake.state.editMessage(thread.id, postId, { content: text });
  }

  /** The fake removes the message, then sends MESSAGE_DELETE (`id`, `channel_id`, `guild_id` only) on the gateway. */
  async agentDeletes(thread: ThreadView, postId: string): Promise<void> {
    this.harness.fake.state.deleteMessage(thread.id, postId);
  }

  threadLinkPart(thread: ThreadView): string {
    return `https://discord.com/channels/${this.harness.fake.guildId}/${thread.id}`;
  }

  probeParked(): void {
    this.harness.bridge.outbox.probeParked();
  }

  private messages(thread: ThreadView): APIMessage[] {
    return this.harness.fake.messagesIn(thread.id);
  }

  private bridgeReactions(thread: ThreadView, postId: string): string[] {
    const m = this.messages(thread).find((x) => x.id === postId);
    return (m?.reactions ?? []).filter((r) => r.me).map((r) => r.emoji.name ?? '');
  }

  private view(m: APIMessage): PostView {
    const attribution = ATTRIBUTION.exec(m.content);
    return {
      id: m.id,
      // The mentions stay in the text, as on Slack, where they lead the customer's text.
      text: attribution ? `${attribution[1]}${m.content.slice(attribution[0].length)}` : m.content,
      author: attribution?.[2],
      byBridge: m.author.id === this.harness.fake.botUserId,
      mentions: m.mentions.map((u) => u.id),
      files: m.attachments.map((a) => ({
        name: a.filename,
        // The attachment as Discord's CDN (the fake) serves it.
        bytes: async () => Buffer.from(await (await fetch(a.url)).arrayBuffer()),
      })),
    };
  }
}
