/** The fake guild's channels and threads (created, modified, archived), announced on the gateway as Discord does. */
import {
  ChannelType,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIGuildForumChannel,
  type APIMessage,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type ThreadChannelType,
} from 'discord.js';
import {
  ARCHIVE_DURATIONS,
  DiscordRestError,
  invalidForm,
  isoTimestamp,
  NO_CHANNEL_FLAGS,
  type CreatedThread,
  type JsonObject,
  type StoredChannel,
} from './shapes';
import { GuildBase, type NewMessage } from './guild';

export abstract class ChannelState extends GuildBase {
  /** Messages are messages.ts's job; a thread's starter message is one of them. */
  abstract findMessage(channelId: string, messageId: string): APIMessage;
  abstract createMessage(channelId: string, input: NewMessage, fixedId?: string): APIMessage;

  // ---------------------------------------------------------------- channels
  addTextChannel(id: string, name: string, extra: Partial<APITextChannel> = {}): APITextChannel {
    const ch = {
      id,
      type: ChannelType.GuildText,
      ...this.guildChannelFields(name),
      ...extra,
    } as APITextChannel;
    this.putChannel(ch, 'CHANNEL_CREATE');
    return ch;
  }

  addForumChannel(id: string, name: string, extra: Partial<APIGuildForumChannel> = {}): APIGuildForumChannel {
    const ch = {
      id,
      type: ChannelType.GuildForum,
      ...this.guildChannelFields(name),
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: 0,
      ...extra,
    } as APIGuildForumChannel;
    this.putChannel(ch, 'CHANNEL_CREATE');
    return ch;
  }

  /** What a text channel and a forum share, as Discord's channel object gives them (position: after the others). */
  private guildChannelFields(name: string) {
    return {
      guild_id: this.o.guildId,
      name,
      position: this.channels.size,
      parent_id: null,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 4320 as const,
      default_thread_rate_limit_per_user: 0,
      flags: 0,
    };
  }

  protected putChannel(ch: StoredChannel, event: string): void {
    this.channels.set(ch.id, ch);
    if (!this.messages.has(ch.id)) this.messages.set(ch.id, []);
    this.o.emit(event, ch);
  }

  channel(id: string): StoredChannel {
    const ch = this.channels.get(id);
    if (!ch) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
    return ch;
  }

  isThread(ch: StoredChannel): ch is APIThreadChannel {
    return ch.type === ChannelType.PublicThread || ch.type === ChannelType.PrivateThread || ch.type === ChannelType.AnnouncementThread;
  }

  threadsOf(parentId: string): APIThreadChannel[] {
    return [...this.channels.values()].filter((c): c is APIThreadChannel => this.isThread(c) && c.parent_id === parentId);
  }

  activeThreads(): APIThreadChannel[] {
    return [...this.channels.values()].filter((c): c is APIThreadChannel => this.isThread(c) && !c.thread_metadata?.archived);
  }

  createThread(parentId: string, body: JsonObject, owner: APIUser, starter?: { fromMessageId?: string; message?: Omit<NewMessage, 'author'> }): CreatedThread {
    const parent = this.channel(parentId);
    const isForum = parent.type === ChannelType.GuildForum;
    if (this.isThread(parent))
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType, 'Cannot execute action on this channel type');
    const name = body.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
      throw invalidForm('name', 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    const duration = body.auto_archive_duration ?? parent.default_auto_archive_duration ?? 4320;
    if (!ARCHIVE_DURATIONS.includes(duration as (typeof ARCHIVE_DURATIONS)[number])) {
      throw invalidForm('auto_archive_duration', 'BASE_TYPE_CHOICES', 'Value must be one of {60, 1440, 4320, 10080}.');
    }
    if (isForum && !starter?.message) throw invalidForm('message', 'BASE_TYPE_REQUIRED', 'This field is required');
    const now = isoTimestamp();
    const id = starter?.fromMessageId ?? this.ids.next();
    const type = isForum || starter?.fromMessageId ? ChannelType.PublicThread : ((body.type as ThreadChannelType | undefined) ?? ChannelType.PrivateThread);
    const thread = {
      id,
      guild_id: this.o.guildId,
      parent_id: parentId,
      owner_id: owner.id,
      name,
      type,
      last_message_id: null,
      rate_limit_per_user: (body.rate_limit_per_user as number | undefined) ?? 0,
      flags: NO_CHANNEL_FLAGS,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: duration,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
        ...(type === ChannelType.PrivateThread ? { invitable: body.invitable !== false } : {}),
      },
      ...(isForum ? { applied_tags: (body.applied_tags as string[] | undefined) ?? [] } : {}),
    } as APIThreadChannel;
    this.channels.set(id, thread);
    this.messages.set(id, []);
    const member = owner.id === this.bot.id ? { id, user_id: owner.id, join_timestamp: now, flags: 1 } : undefined;
    this.o.emit('THREAD_CREATE', { ...thread, newly_created: true, ...(member ? { member } : {}) });
    if (starter?.fromMessageId) {
      const origin = this.findMessage(parentId, starter.fromMessageId);
      origin.flags = (origin.flags ?? 0) | MessageFlags.HasThread;
      origin.thread = thread;
    }
    if (isForum && starter?.message) {
      const msg = this.createMessage(id, { ...starter.message, author: owner, isStarter: true }, id);
      return { ...thread, message: msg, ...(member ? { member } : {}) } as CreatedThread;
    }
    return { ...thread, ...(member ? { member } : {}) } as APIThreadChannel;
  }

  /** PATCH /channels/:id. Threads: name, archived, locked, auto_archive_duration (→ THREAD_UPDATE). */
  modifyChannel(id: string, body: JsonObject): StoredChannel {
    const ch = this.channel(id);
    if (this.isThread(ch)) {
      const meta = ch.thread_metadata!;
      if (meta.archived && meta.locked && body.archived !== false && body.locked !== false) {
        throw new DiscordRestError(400, RESTJSONErrorCodes.InvalidActionOnArchivedThread, 'Thread is archived');
      }
      if (body.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.includes(body.auto_archive_duration as 60)) {
        throw invalidForm('auto_archive_duration', 'BASE_TYPE_CHOICES', 'Value must be one of {60, 1440, 4320, 10080}.');
      }
      if (typeof body.name === 'string') ch.name = body.name;
      if (typeof body.locked === 'boolean') meta.locked = body.locked;
      if (Array.isArray(body.applied_tags)) {
        // Forum posts only; every id must be one of the forum's available_tags (Modify Channel, "Thread" fields).
        const parent = this.channel(ch.parent_id!) as APIGuildForumChannel;
        if (parent.type !== ChannelType.GuildForum) throw invalidForm('applied_tags', 'BASE_TYPE_BAD_TYPE', 'Not a forum post');
        const known = new Set(parent.available_tags.map((t) => t.id));
        if (!(body.applied_tags as string[]).every((id) => known.has(id))) throw invalidForm('applied_tags', 'BASE_TYPE_CHOICES', 'Unknown tag');
        (ch as APIThreadChannel & { applied_tags?: string[] }).applied_tags = body.applied_tags as string[];
      }
      if (typeof body.auto_archive_duration === 'number') meta.auto_archive_duration = body.auto_archive_duration;
      if (typeof body.archived === 'boolean' && body.archived !== meta.archived) {
        meta.archived = body.archived;
        meta.archive_timestamp = isoTimestamp();
      }
      this.o.emit('THREAD_UPDATE', ch);
      return ch;
    }
    for (const key of ['name', 'topic', 'nsfw', 'rate_limit_per_user', 'default_auto_archive_duration'] as const) {
      if (key in body) (ch as unknown as JsonObject)[key] = body[key];
    }
    this.o.emit('CHANNEL_UPDATE', ch);
    return ch;
  }

  setThreadState(id: string, state: { archived?: boolean; locked?: boolean }): APIThreadChannel {
    const ch = this.channel(id);
    if (!this.isThread(ch)) throw new Error(`${id} is not a thread`);
    const meta = ch.thread_metadata!;
    if (state.locked !== undefined) meta.locked = state.locked;
    if (state.archived !== undefined && state.archived !== meta.archived) {
      meta.archived = state.archived;
      meta.archive_timestamp = isoTimestamp();
    }
    this.o.emit('THREAD_UPDATE', ch);
    return ch;
  }
}
