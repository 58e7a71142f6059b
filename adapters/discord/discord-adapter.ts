/**
 * Discord side of the bridge. A discord.js client receives people's messages in bridged threads and `/wa`
 * over the gateway; everything the bridge posts goes through `client.rest` (plain REST calls), so deliveries
 * keep working while the gateway is reconnecting and never depend on discord.js's channel cache.
 * discord.js resumes / re-identifies by itself and waits out 429s per route bucket: we let it.
 */
import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
  Routes,
  Status,
  type APIChannel,
  type APIMessage,
  type APIThreadChannel,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { AgentMessage, ChatAdapter, ChatInbound, ChatPost, ThreadOpening, ThreadRef } from '../../src/domain/chat';
import type { AgentFile, FileStream } from '../../src/domain/media';
import { ConfigError, DeliveryError } from '../../src/domain/errors';
import type { DeliveryStatus } from '../../src/domain/whatsapp';
import type { Logger } from '../../src/logger';
import { COMMAND_NAME, commandLine, WA_COMMAND } from './commands';
import { discordCode, toDeliveryError } from './errors';
import { clip, escapeMarkdown, fromDiscordText, MAX_MESSAGE_LENGTH, splitMessage, toDiscordText } from './format';
import { readAll, streamGet } from '../shared/streams';

export interface DiscordAdapterOptions {
  botToken: string;
  guildId: string;
  apiUrl: string;
  /** Every account's Discord channel: only threads under these are bridged. */
  channelIds: string[];
  /** How long to wait between start-up attempts while Discord cannot be reached. */
  startRetryMs?: number;
  /** Largest file the bot may attach (Discord: 10 MiB without server boosts). */
  maxFileBytes?: number;
}

/** Discord's attachment limit for a server without boosts (and for bots there). */
export const DISCORD_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** MESSAGE_REACTION_ADD / _REMOVE as the gateway sends them (gateway-events.mdx); read raw, so uncached messages count too. */
interface RawReaction {
  user_id: string;
  channel_id: string;
  message_id: string;
  guild_id?: string;
  emoji: { id: string | null; name: string | null };
}

/** The reaction that shows each WhatsApp status on a message. */
export const STATUS_REACTIONS: Record<DeliveryStatus, string> = {
  sent: '📤',
  delivered: '✅',
  read: '👀',
  played: '👂',
  failed: '❌',
};

/** Longest a thread stays open without activity (minutes); the customer writing again reopens it anyway. */
const AUTO_ARCHIVE_MINUTES = 10080;
const THREAD_NAME_MAX = 100;
const NOTICE_TITLE = 'WhatsApp bridge notice';
/** Answer `/wa` directly when the core is this fast, else defer: Discord wants a first answer within 3 s. */
const DEFER_AFTER_MS = 1500;
/** Only people's messages; thread-created notices, pins, joins … are system messages. */
const PERSON_MESSAGES = new Set<MessageType>([MessageType.Default, MessageType.Reply]);

/** Gateway events after which the bot's access may have changed (Discord's Gateway Events reference). */
const ACCESS_EVENTS = new Set(['GUILD_CREATE', 'GUILD_UPDATE', 'GUILD_ROLE_CREATE', 'GUILD_ROLE_UPDATE', 'CHANNEL_CREATE', 'CHANNEL_UPDATE', 'THREAD_UPDATE']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function threadName(title: string): string {
  const name = title.replace(/\s+/g, ' ').trim() || 'WhatsApp conversation';
  return name.length <= THREAD_NAME_MAX ? name : `${name.slice(0, THREAD_NAME_MAX - 1)}…`;
}

function mentionPrefix(userIds: string[] | undefined): string {
  return userIds?.length ? `${userIds.map((u) => `<@${u}>`).join(' ')} ` : '';
}

/** Bold author line: the bot posts for everyone, so readers must see who wrote. The bridge's own notices need none. */
function authorLine(author: ChatPost['author']): string {
  if (author.role === 'bridge') return '';
  const suffix = author.role === 'customer' ? ' (customer)' : author.detail ? ` ${author.detail}` : '';
  return `**${escapeMarkdown(author.name)}**${suffix}\n`;
}

/** Who may be pinged: only the users the core asked for, never @everyone / roles typed by a customer. */
function allowedMentions(users: string[] = []): RESTPostAPIChannelMessageJSONBody['allowed_mentions'] {
  return { parse: [], users };
}

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly maxFileBytes: number;
  /** "Message content … up to 2000 characters" (discord-api-docs, Create Message). */
  readonly maxPostLength = MAX_MESSAGE_LENGTH;
  private client: Client;
  private readonly channelIds: Set<string>;
  private readonly channelTypes = new Map<string, ChannelType>();
  private loggedIn = false;
  private stopped = false;

  constructor(
    private readonly opts: DiscordAdapterOptions,
    private readonly core: ChatInbound,
    private readonly log: Logger,
  ) {
    this.channelIds = new Set(opts.channelIds);
    this.maxFileBytes = opts.maxFileBytes ?? DISCORD_MAX_FILE_BYTES;
    this.client = this.createClient();
  }

  private createClient(): Client {
    const client = new Client({
      // GuildMessageReactions: agents' reactions on customers' messages go to WhatsApp.
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions],
      rest: { api: this.opts.apiUrl },
      allowedMentions: { parse: [] },
    });
    client.on(Events.MessageCreate, (m) => void this.onMessage(m));
    client.on(Events.InteractionCreate, (i) => void this.onInteraction(i));
    client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
      if (packet.t === 'MESSAGE_REACTION_ADD' || packet.t === 'MESSAGE_REACTION_REMOVE')
        void this.onReaction(packet.d as RawReaction, packet.t === 'MESSAGE_REACTION_ADD');
    });
    // Permissions, roles, channels or the guild changed, or the bot was added to a guild (all sent with the Guilds
    // intent): deliveries paused on Missing Access / Missing Permissions are tried again now.
    client.on(Events.Raw, (packet: { t?: string | null }) => {
      if (packet.t && ACCESS_EVENTS.has(packet.t)) this.core.accessChanged?.({ platform: 'discord' });
    });
    client.on(Events.ShardDisconnect, (e, shard) => this.log.error({ code: e.code, shard }, 'Discord gateway closed for good'));
    client.on(Events.ShardReconnecting, (shard) => this.log.warn({ shard }, 'Discord gateway connection lost; reconnecting'));
    client.on(Events.ShardResume, (shard, replayed) => this.log.info({ shard, replayed }, 'Discord gateway resumed'));
    client.on(Events.ShardError, (err, shard) => this.log.warn({ shard, err: err.message }, 'Discord gateway error'));
    client.on(Events.Error, (err) => this.log.error({ err: err.message }, 'Discord client error'));
    client.on(Events.Warn, (m) => this.log.warn(m));
    client.rest.on('rateLimited', (info) =>
      this.log.info({ route: info.route, retryAfterMs: info.retryAfter, scope: info.scope }, 'Discord rate limit: waiting'),
    );
    return client;
  }

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
        this.log.warn({ err: (err as Error).message }, 'Discord not reachable yet; retrying');
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

  // ---------------------------------------------------------------- Discord → core

  private async onMessage(message: Message): Promise<void> {
    try {
      if (message.author.bot || message.webhookId || message.author.id === this.client.user?.id) return;
      if (!PERSON_MESSAGES.has(message.type) || message.guildId !== this.opts.guildId) return;
      const channel = message.channel;
      if (!channel.isThread() || !channel.parentId || !this.channelIds.has(channel.parentId)) return;
      const names = {
        user: (id: string) => message.mentions.members?.get(id)?.displayName ?? message.mentions.users.get(id)?.displayName,
        channel: (id: string) => {
          const c = this.client.channels.cache.get(id);
          return c && 'name' in c ? (c.name ?? undefined) : undefined;
        },
        role: (id: string) => message.guild?.roles.cache.get(id)?.name,
      };
      const text = fromDiscordText(message.content, names);
      // A message that starts by mentioning someone (`<@id>`, `<@!id>`): the core decides whether it stays internal.
      const lead = /^\s*<@!?(\d+)>[\s,:]*/.exec(message.content);
      const reply: AgentMessage = {
        platform: 'discord',
        channelId: channel.parentId,
        threadId: channel.id,
        messageId: message.id,
        author: { id: message.author.id, name: message.member?.displayName ?? message.author.globalName ?? message.author.username },
        text,
        sentAt: message.createdAt,
        files: message.attachments.size
          ? [...message.attachments.values()].map((a): AgentFile => ({
              id: a.id,
              name: a.name,
              mimeType: a.contentType ?? '',
              size: a.size,
              url: a.url,
              auth: 'none',
            }))
          : undefined,
        leadingMention: lead
          ? { userId: lead[1]!, isBot: lead[1] === this.client.user?.id, rest: fromDiscordText(message.content.slice(lead[0].length), names) }
          : undefined,
      };
      await this.handOver(reply);
    } catch (err) {
      this.log.error({ messageId: message.id, err: (err as Error).message }, 'could not process a Discord message');
    }
  }

  /** An agent's reaction in a bridged thread (the bot's own are statuses and mirrored customer reactions). */
  private async onReaction(d: RawReaction, added: boolean): Promise<void> {
    try {
      if (!this.core.agentReaction || d.guild_id !== this.opts.guildId || d.user_id === this.client.user?.id) return;
      // A custom emoji (with an id) has no Unicode form for WhatsApp.
      if (d.emoji.id || !d.emoji.name) return;
      const channel = this.client.channels.cache.get(d.channel_id) ?? ((await this.client.rest.get(Routes.channel(d.channel_id))) as APIChannel);
      const parentId = 'parentId' in channel ? channel.parentId : 'parent_id' in channel ? channel.parent_id : undefined;
      if (!parentId || !this.channelIds.has(parentId)) return;
      await this.core.agentReaction({
        platform: 'discord',
        channelId: parentId,
        messageId: d.message_id,
        userId: d.user_id,
        emoji: d.emoji.name,
        added,
        eventId: `${Date.now()}`,
      });
    } catch (err) {
      this.log.error({ messageId: d.message_id, err: (err as Error).message }, 'could not process a Discord reaction');
    }
  }

  /** The gateway never redelivers an event: retry the hand-over a few times (the core is idempotent on the message id). */
  private async handOver(reply: AgentMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.core.agentMessage(reply);
        return;
      } catch (err) {
        if (attempt >= 5 || this.stopped) throw err;
        this.log.warn({ messageId: reply.messageId, attempt, err: (err as Error).message }, 'could not store a Discord reply yet; retrying');
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete() && interaction.commandName === COMMAND_NAME) return await this.autocomplete(interaction);
      if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) return await this.command(interaction);
    } catch (err) {
      this.log.error({ interactionId: interaction.id, err: (err as Error).message }, 'could not answer a Discord interaction');
    }
  }

  /** Template names for `/wa template name:`: the synced, approved templates of this channel's number. */
  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const channel = interaction.channel;
    const channelId = channel?.isThread() && channel.parentId ? channel.parentId : interaction.channelId;
    const prefix = String(interaction.options.getFocused() ?? '');
    const choices = (await this.core.templates?.({ platform: 'discord', channelId, prefix })) ?? [];
    // Discord shows at most 25 choices, each name and value at most 100 characters.
    await interaction.respond(
      choices
        .slice(0, 25)
        .map((c) => ({ name: `${c.name} [${c.language}]${c.category ? ` · ${c.category.toLowerCase()}` : ''}`.slice(0, 100), value: c.ref.slice(0, 100) })),
    );
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const sub = interaction.options.getSubcommand(false);
    const options = (interaction.options.data.find((o) => o.name === sub)?.options ?? []).map((o) => ({ name: o.name, value: o.value }));
    const channel = interaction.channel;
    // Inside a conversation's thread the account is the parent channel's: that is the id the core knows.
    const channelId = channel?.isThread() && channel.parentId ? channel.parentId : interaction.channelId;
    const work = this.core
      .command({ platform: 'discord', userId: interaction.user.id, channelId, text: commandLine(sub, options) })
      .then((r) => r.text)
      .catch((err: Error) => {
        this.log.error({ err: err.message }, '/wa failed');
        return `⚠️ The command failed: ${err.message}. Try again; if it keeps failing, tell the bridge’s admin.`;
      });
    const slow = new Promise<undefined>((r) => setTimeout(() => r(undefined), DEFER_AFTER_MS).unref());
    const quick = await Promise.race([work, slow]);
    const content = (text: string) => ({ content: clip(toDiscordText(text || 'Done.')), allowedMentions: { parse: [] } });
    if (quick !== undefined) {
      await interaction.reply({ ...content(quick), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(content(await work));
  }

  // ---------------------------------------------------------------- core → Discord (REST only)

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.loggedIn || this.stopped) {
      throw DeliveryError.retryable('discord', {
        code: 'not_ready',
        meaning: 'the bridge has not logged in to Discord yet',
        action: 'nothing: the bridge retries',
      });
    }
    try {
      return await fn();
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  private async channelType(channelId: string): Promise<ChannelType> {
    let type = this.channelTypes.get(channelId);
    if (type === undefined) {
      type = ((await this.client.rest.get(Routes.channel(channelId))) as APIChannel).type;
      this.channelTypes.set(channelId, type);
    }
    return type;
  }

  private send(channelId: string, content: string, mentionUserIds?: string[]): Promise<APIMessage> {
    const body: RESTPostAPIChannelMessageJSONBody = { content, allowed_mentions: allowedMentions(mentionUserIds) };
    return this.client.rest.post(Routes.channelMessages(channelId), { body }) as Promise<APIMessage>;
  }

  /**
   * Runs a thread operation; if Discord says the thread is archived and locked (50083), reopens it first.
   * An archived thread that is not locked reopens by itself when the bot posts.
   */
  private async inOpenThread<T>(threadId: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (discordCode(err) !== RESTJSONErrorCodes.InvalidActionOnArchivedThread) throw err;
    }
    this.log.info({ threadId }, 'conversation thread is archived and locked: reopening it');
    try {
      await this.client.rest.patch(Routes.channel(threadId), { body: { archived: false, locked: false }, reason: 'The WhatsApp customer wrote again' });
    } catch (err) {
      const code = discordCode(err);
      if (
        code === RESTJSONErrorCodes.MissingPermissions ||
        code === RESTJSONErrorCodes.MissingAccess ||
        code === RESTJSONErrorCodes.InvalidActionOnArchivedThread
      ) {
        throw DeliveryError.permanent('discord', {
          code: String(code),
          meaning: 'the conversation’s Discord thread is archived and locked, and the bot lacks Manage Threads to reopen it',
          action: 'give the bot’s role Manage Threads on the channel set in DISCORD_CHANNEL_ID, or unlock the thread yourself',
        });
      }
      throw err;
    }
    return op();
  }

  async openThread(o: ThreadOpening): Promise<ThreadRef> {
    return this.call(async () => {
      const name = threadName(o.title);
      const intro = `${mentionPrefix(o.mentionUserIds)}${toDiscordText(o.intro)}`;
      if ((await this.channelType(o.channelId)) === ChannelType.GuildForum) {
        // A forum post is a thread with its starter message: one call, nothing half-made.
        const post = (await this.client.rest.post(Routes.threads(o.channelId), {
          body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES, message: { content: clip(intro), allowed_mentions: allowedMentions(o.mentionUserIds) } },
        })) as APIThreadChannel;
        return { platform: 'discord', channelId: o.channelId, threadId: post.id };
      }
      const thread = (await this.client.rest.post(Routes.threads(o.channelId), {
        body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES, type: ChannelType.PublicThread },
      })) as APIThreadChannel;
      try {
        await this.send(thread.id, clip(intro), o.mentionUserIds);
      } catch (err) {
        // The outbox will open the thread again: don't leave an empty one behind.
        await this.client.rest.delete(Routes.channel(thread.id)).catch(() => undefined);
        throw err;
      }
      return { platform: 'discord', channelId: o.channelId, threadId: thread.id };
    });
  }

  /** The content postInThread sends: mentions, the author line and the body as Discord markdown. */
  postLength(post: ChatPost): number {
    return `${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${toDiscordText(post.body)}`.length;
  }

  async postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }> {
    const text = `${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${toDiscordText(post.body)}`;
    const parts = splitMessage(text);
    return this.call(() =>
      this.inOpenThread(thread.threadId, async () => {
        // Parts go one after the other: same route bucket, and discord.js keeps their order.
        const first = await this.send(thread.threadId, parts[0]!, post.mentionUserIds);
        for (const part of parts.slice(1)) await this.send(thread.threadId, part);
        return { messageId: first.id };
      }),
    );
  }

  /**
   * A customer's file as an attachment of the post (multipart `files[0]` + `payload_json`). @discordjs/rest needs the
   * bytes as a buffer (it may resend them after a 429), so the file is read whole, bounded by `maxFileBytes`.
   */
  async postFile(thread: ThreadRef, post: ChatPost, file: FileStream): Promise<{ messageId: string }> {
    let data: Buffer;
    try {
      data = await readAll(file.stream, this.maxFileBytes);
    } catch (err) {
      if ((err as { code?: string }).code !== 'TOO_LARGE')
        throw DeliveryError.retryable('discord', {
          code: 'network',
          meaning: `the file could not be read (${(err as Error).message})`,
          action: 'nothing: the bridge retries',
        });
      throw DeliveryError.permanent('discord', {
        code: 'too_large',
        meaning: `the file is larger than the ${Math.round(this.maxFileBytes / 1048576)} MB Discord takes from the bot`,
        action: 'ask the customer for a smaller file, or to share it another way',
      });
    }
    const content = clip(`${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${toDiscordText(post.body)}`);
    return this.call(() =>
      this.inOpenThread(thread.threadId, async () => {
        const body = { content, allowed_mentions: allowedMentions(post.mentionUserIds), attachments: [{ id: 0, filename: file.name }] };
        const message = (await this.client.rest.post(Routes.channelMessages(thread.threadId), {
          body,
          files: [{ name: file.name, data, contentType: file.mimeType }],
        })) as APIMessage;
        return { messageId: message.id };
      }),
    );
  }

  /** An agent's attachment: its CDN URL is signed, no token needed. */
  async openFile(file: AgentFile): Promise<FileStream> {
    let res;
    try {
      res = await streamGet(file.url, {});
    } catch (err) {
      throw DeliveryError.retryable('discord', {
        code: 'network',
        meaning: `the download from Discord failed (${(err as Error).message})`,
        action: 'nothing: the bridge retries',
      });
    }
    if (res.status !== 200) {
      res.body.destroy();
      const explanation = {
        code: `download HTTP ${res.status}`,
        meaning: `Discord did not hand out “${file.name}” (HTTP ${res.status})`,
        action: 'nothing: the bridge retries',
      };
      if (res.status === 429 || res.status >= 500) throw DeliveryError.retryable('discord', explanation);
      throw DeliveryError.permanent('discord', { ...explanation, action: 'the attachment was deleted or its link expired: share it again' });
    }
    return { name: file.name, mimeType: file.mimeType || (res.headers.get('content-type') ?? ''), size: res.length, stream: res.body };
  }

  /** The bridge's reaction (Discord takes Unicode emoji as they are); false for an emoji Discord does not know. */
  async react(thread: ThreadRef, messageId: string, emoji: string, add: boolean): Promise<boolean> {
    // The same emoji may be a status (👀 = read): taking the customer's off must not take the status off.
    if (!add && Object.values(STATUS_REACTIONS).includes(emoji)) return true;
    const route = Routes.channelMessageOwnReaction(thread.threadId, messageId, encodeURIComponent(emoji));
    try {
      await this.call(() => this.inOpenThread(thread.threadId, () => (add ? this.client.rest.put(route) : this.client.rest.delete(route))));
      return true;
    } catch (err) {
      if (err instanceof DeliveryError && err.explanation.code === String(RESTJSONErrorCodes.UnknownEmoji)) return false;
      throw err;
    }
  }

  /** The bridge's own post, rewritten (author line kept, attachments untouched). */
  async editPost(thread: ThreadRef, messageId: string, post: ChatPost): Promise<boolean> {
    const content = clip(`${authorLine(post.author)}${toDiscordText(post.body)}`);
    await this.call(() =>
      this.inOpenThread(thread.threadId, () =>
        this.client.rest.patch(Routes.channelMessage(thread.threadId, messageId), { body: { content, allowed_mentions: allowedMentions() } }),
      ),
    );
    return true;
  }

  async showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void> {
    const route = (s: DeliveryStatus) => Routes.channelMessageOwnReaction(thread.threadId, messageId, encodeURIComponent(STATUS_REACTIONS[s]));
    await this.call(() =>
      this.inOpenThread(thread.threadId, async () => {
        await this.client.rest.put(route(status)); // idempotent: adding it twice changes nothing
        // One status at a time on the message: the newer replaces the older.
        if (previous && previous !== status) {
          await this.client.rest.delete(route(previous)).catch((err: unknown) => {
            if (discordCode(err) !== RESTJSONErrorCodes.UnknownEmoji) throw err;
          });
        }
      }),
    );
  }

  async postToChannel(channelId: string, text: string): Promise<void> {
    const parts = splitMessage(toDiscordText(text));
    await this.call(async () => {
      if ((await this.channelType(channelId)) === ChannelType.GuildForum) {
        // Nothing can be posted to a forum itself: a notice is a post of its own.
        const post = (await this.client.rest.post(Routes.threads(channelId), {
          body: { name: NOTICE_TITLE, auto_archive_duration: AUTO_ARCHIVE_MINUTES, message: { content: parts[0]!, allowed_mentions: allowedMentions() } },
        })) as APIThreadChannel;
        for (const part of parts.slice(1)) await this.send(post.id, part);
        return;
      }
      for (const part of parts) await this.send(channelId, part);
    });
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
