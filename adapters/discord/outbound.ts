/**
 * Core → Discord, through `client.rest` only (plain REST calls): deliveries keep working while the gateway is
 * reconnecting and never depend on discord.js's channel cache. discord.js waits out 429s per route bucket.
 * The lifecycle (login, gateway) is discord-adapter.ts; what Discord sends is inbound.ts and interactions.ts.
 */
import { ChannelType, RESTJSONErrorCodes, Routes, type APIChannel, type APIMessage, type APIThreadChannel, type Client } from 'discord.js';
import type { Cards, ChatPost, Edits, Files, OpenedThread, Permalinks, Reactions, StatusMarks, ThreadOpening, ThreadRef } from '../../src/domain/chat/adapter';
import type { ConversationCard } from '../../src/domain/chat/card';
import { STATUS_MARKS } from '../../src/domain/chat/status-marks';
import { DeliveryError } from '../../src/domain/errors';
import type { AgentFile, FileStream } from '../../src/domain/media';
import type { DeliveryStatus } from '../../src/domain/whatsapp';
import type { Logger } from '../../src/logger';
import { CLOSED_TAG, discordCardText, discordPostBody } from './card';
import { actionRows } from './components';
import { discordCode, toDeliveryError } from './errors';
import { openAttachment, postAttachment, readForUpload } from './files';
import { clip, MAX_MESSAGE_LENGTH, splitMessage, toDiscordText } from './format';
import { allowedMentions, authorLine, mentionPrefix, threadName } from './post-format';

/** Longest a thread stays open without activity (minutes); the customer writing again reopens it anyway. */
const AUTO_ARCHIVE_MINUTES = 10080;
const NOTICE_TITLE = 'WhatsApp bridge notice';

export abstract class DiscordOutbound implements StatusMarks, Reactions, Edits, Files, Cards, Permalinks {
  readonly platform = 'discord' as const;
  /** "Message content … up to 2000 characters" (discord-api-docs, Create Message). */
  readonly maxPostLength = MAX_MESSAGE_LENGTH;
  private readonly channelTypes = new Map<string, ChannelType>();
  protected abstract client: Client;
  protected loggedIn = false;
  /** The guild, for links to threads. */
  protected abstract readonly guildId: string;
  protected stopped = false;

  constructor(
    readonly maxFileBytes: number,
    protected readonly log: Logger,
  ) {}

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

  private send(channelId: string, content: string, mentionUserIds?: string[], components: Record<string, unknown>[] = []): Promise<APIMessage> {
    return this.client.rest.post(Routes.channelMessages(channelId), {
      body: { content, allowed_mentions: allowedMentions(mentionUserIds), ...(components.length ? { components } : {}) },
    }) as Promise<APIMessage>;
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

  async openThread(o: ThreadOpening): Promise<OpenedThread> {
    return this.call(async () => {
      const name = threadName(o.title);
      const intro = `${mentionPrefix(o.mentionUserIds)}${o.card ? discordCardText(o.card) : toDiscordText(o.intro)}`;
      const components = o.card ? actionRows({ conversationId: o.card.conversationId, actions: o.card.actions, language: o.card.language }) : [];
      if ((await this.channelType(o.channelId)) === ChannelType.GuildForum) {
        // A forum post is a thread with its starter message: one call, nothing half-made.
        const post = (await this.client.rest.post(Routes.threads(o.channelId), {
          body: {
            name,
            auto_archive_duration: AUTO_ARCHIVE_MINUTES,
            message: { content: clip(intro), allowed_mentions: allowedMentions(o.mentionUserIds), ...(components.length ? { components } : {}) },
          },
        })) as APIThreadChannel;
        // A forum post's starter message has the thread's id.
        return { platform: 'discord', channelId: o.channelId, threadId: post.id, rootMessageId: post.id };
      }
      const thread = (await this.client.rest.post(Routes.threads(o.channelId), {
        body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES, type: ChannelType.PublicThread },
      })) as APIThreadChannel;
      let first: APIMessage;
      try {
        first = await this.send(thread.id, clip(intro), o.mentionUserIds, components);
      } catch (err) {
        // The outbox will open the thread again: don't leave an empty one behind.
        await this.client.rest.delete(Routes.channel(thread.id)).catch(() => undefined);
        throw err;
      }
      return { platform: 'discord', channelId: o.channelId, threadId: thread.id, rootMessageId: first.id };
    });
  }

  /** The thread's opening message rewritten as the card; nobody is pinged by the edit. */
  async updateCard(thread: ThreadRef, rootMessageId: string, card: ConversationCard): Promise<void> {
    const content = clip(discordCardText(card));
    // The buttons fitting the new state replace the old ones (an empty list removes them).
    const components = actionRows({ conversationId: card.conversationId, actions: card.actions, language: card.language });
    await this.call(() =>
      this.inOpenThread(thread.threadId, () =>
        this.client.rest.patch(Routes.channelMessage(thread.threadId, rootMessageId), { body: { content, allowed_mentions: allowedMentions(), components } }),
      ),
    );
  }

  /**
   * Closed: the thread is archived (Modify Channel `archived`), and a forum post gets the forum's "closed" tag where
   * the forum has one (`applied_tags`, ids from the forum's `available_tags`); open again: unarchived, tag removed.
   */
  async setThreadClosed(thread: ThreadRef, closed: boolean): Promise<void> {
    await this.call(async () => {
      const body: Record<string, unknown> = { archived: closed };
      if ((await this.channelType(thread.channelId)) === ChannelType.GuildForum) {
        const forum = (await this.client.rest.get(Routes.channel(thread.channelId))) as { available_tags?: { id: string; name: string }[] };
        const tag = forum.available_tags?.find((t) => t.name.toLowerCase() === CLOSED_TAG);
        if (tag) {
          const post = (await this.client.rest.get(Routes.channel(thread.threadId))) as { applied_tags?: string[] };
          const others = (post.applied_tags ?? []).filter((id) => id !== tag.id);
          body.applied_tags = closed ? [...others, tag.id] : others;
        }
      }
      // Unarchive first when opening (an archived thread takes no other change), archive last when closing.
      if (!closed) await this.client.rest.patch(Routes.channel(thread.threadId), { body: { archived: false }, reason: 'Conversation reopened' });
      await this.client.rest.patch(Routes.channel(thread.threadId), { body, reason: closed ? 'Conversation closed' : 'Conversation reopened' });
    });
  }

  /** A thread (or forum post) is a channel; its link is Discord's channel URL (`/channels/{guild}/{channel}`). */
  threadUrl(thread: ThreadRef): string {
    return `https://discord.com/channels/${this.guildId}/${thread.threadId}`;
  }

  /** The content postInThread sends: mentions, the author line and the body as Discord markdown. */
  postLength(post: ChatPost): number {
    return `${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${discordPostBody(post)}`.length;
  }

  async postInThread(thread: ThreadRef, post: ChatPost): Promise<{ messageId: string }> {
    const text = `${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${discordPostBody(post)}`;
    const parts = splitMessage(text);
    return this.call(() =>
      this.inOpenThread(thread.threadId, async () => {
        // Parts go one after the other: same route bucket, and discord.js keeps their order.
        // The buttons (a refusal's "send a template") go under the last part, after the text they belong to.
        const rows = actionRows(post.actions);
        const first = await this.send(thread.threadId, parts[0]!, post.mentionUserIds, parts.length === 1 ? rows : []);
        for (const [i, part] of parts.slice(1).entries()) await this.send(thread.threadId, part, undefined, i === parts.length - 2 ? rows : []);
        return { messageId: first.id };
      }),
    );
  }

  /** A customer's file as an attachment of the post (files.ts), read whole first and bounded by `maxFileBytes`. */
  async postFile(thread: ThreadRef, post: ChatPost, file: FileStream): Promise<{ messageId: string }> {
    const data = await readForUpload(file, this.maxFileBytes);
    return this.call(() => this.inOpenThread(thread.threadId, () => postAttachment(this.client.rest, thread.threadId, post, file, data)));
  }

  openFile(file: AgentFile): Promise<FileStream> {
    return openAttachment(file);
  }

  /** The bridge's reaction (Discord takes Unicode emoji as they are); false for an emoji Discord does not know. */
  async react(thread: ThreadRef, messageId: string, emoji: string, add: boolean): Promise<boolean> {
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

  /** The status as the core's mark (status-marks.ts), the bot's own reaction: Discord takes the Unicode emoji as it is. */
  async showStatus(thread: ThreadRef, messageId: string, status: DeliveryStatus, previous?: DeliveryStatus): Promise<void> {
    const route = (s: DeliveryStatus) => Routes.channelMessageOwnReaction(thread.threadId, messageId, encodeURIComponent(STATUS_MARKS[s]));
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
