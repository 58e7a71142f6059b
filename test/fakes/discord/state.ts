/**
 * Guild model of the fake Discord: channels, threads, messages, attachments, webhooks and
 * application commands, in the payload shapes Discord documents.
 * Every mutation that real Discord announces on the gateway calls `emit(t, d)`.
 * Shapes: see test/fixtures/discord/SOURCES.md.
 */
import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
  type APIApplicationCommand,
  type APIAttachment,
  type APIGuildForumChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type APIWebhook,
  type ThreadChannelType,
} from 'discord.js';
import {
  ARCHIVE_DURATIONS,
  BOT_ROLE_PERMISSIONS,
  contentTypeFor,
  DiscordRestError,
  EVERYONE_PERMISSIONS,
  invalidForm,
  isoTimestamp,
  NO_CHANNEL_FLAGS,
  NO_MEMBER_FLAGS,
  NO_ROLE_FLAGS,
  NO_USER_FLAGS,
  parseEmoji,
  shapeCommand,
  SnowflakeGen,
  type CreatedThread,
  type Emit,
  type JsonObject,
  type StoredChannel,
  type StoredFile,
  type UploadedFile,
} from './shapes';

export interface NewMessage {
  author: APIUser;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  /** `attachments` metadata from the JSON payload (`[{id: n, filename?, description?}]`). */
  attachmentMeta?: Array<{ id?: string | number; filename?: string; description?: string }>;
  files?: UploadedFile[];
  tts?: boolean;
  nonce?: string | number;
  flags?: number;
  type?: MessageType;
  webhookId?: string;
  applicationId?: string;
  messageReference?: JsonObject;
  interactionMetadata?: JsonObject;
  /** Dispatch MESSAGE_CREATE (default true). */
  dispatch?: boolean;
  /** Keep in the channel's history (default true; false for ephemeral interaction replies). */
  store?: boolean;
  /** Skip the "Cannot send an empty message" check (deferred interaction placeholders). */
  allowEmpty?: boolean;
  /** Allow posting into a forum channel itself (only used for forum starter messages). */
  isStarter?: boolean;
}

export type WebhookRecord = APIWebhook & { token: string };

export interface GuildOptions {
  applicationId: string;
  botUserId: string;
  botUsername: string;
  guildId: string;
  guildName: string;
  /** Base URL of the fake, for attachment URLs. */
  baseUrl: () => string;
  emit: Emit;
}

export class DiscordState {
  readonly ids = new SnowflakeGen();
  readonly bot: APIUser;
  readonly channels = new Map<string, StoredChannel>();
  readonly messages = new Map<string, APIMessage[]>();
  readonly files = new Map<string, StoredFile>();
  readonly webhooks = new Map<string, WebhookRecord>();
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly members = new Map<string, APIGuildMember>();
  readonly roles: APIRole[];
  readonly joinedAt = isoTimestamp();
  private readonly botRoleId: string;

  constructor(private readonly o: GuildOptions) {
    this.bot = {
      id: o.botUserId,
      username: o.botUsername,
      discriminator: '0417',
      global_name: null,
      avatar: null,
      bot: true,
      flags: NO_USER_FLAGS,
      public_flags: NO_USER_FLAGS,
    } as APIUser;
    this.botRoleId = this.ids.next();
    const role = (id: string, name: string, permissions: string, position: number, managed: boolean): APIRole =>
      ({
        id,
        name,
        permissions,
        position,
        managed,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        mentionable: false,
        flags: NO_ROLE_FLAGS,
        ...(managed ? { tags: { bot_id: o.botUserId } } : {}),
      }) as APIRole;
    this.roles = [role(o.guildId, '@everyone', EVERYONE_PERMISSIONS, 0, false), role(this.botRoleId, o.botUsername, BOT_ROLE_PERMISSIONS, 1, true)];
    this.members.set(this.bot.id, this.memberOf(this.bot, [this.botRoleId]));
  }

  get guildId(): string {
    return this.o.guildId;
  }

  // ---------------------------------------------------------------- users / members
  memberOf(user: APIUser, roles: string[] = []): APIGuildMember {
    return {
      user,
      roles,
      nick: null,
      avatar: null,
      banner: null,
      joined_at: this.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: NO_MEMBER_FLAGS,
      pending: false,
      communication_disabled_until: null,
    } as APIGuildMember;
  }

  human(user: { id?: string; username?: string; globalName?: string | null; avatar?: string | null } = {}): APIUser {
    const u = {
      id: user.id ?? '300000000000000001',
      username: user.username ?? 'agent.alice',
      discriminator: '0',
      global_name: user.globalName === undefined ? 'Alice' : user.globalName,
      avatar: user.avatar ?? null,
      public_flags: NO_USER_FLAGS,
      flags: NO_USER_FLAGS,
    } as APIUser;
    if (!this.members.has(u.id)) this.members.set(u.id, this.memberOf(u));
    return u;
  }

  // ---------------------------------------------------------------- channels
  addTextChannel(id: string, name: string, extra: Partial<APITextChannel> = {}): APITextChannel {
    const ch = {
      id,
      type: ChannelType.GuildText,
      guild_id: this.o.guildId,
      name,
      position: this.channels.size,
      parent_id: null,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 4320,
      default_thread_rate_limit_per_user: 0,
      flags: 0,
      ...extra,
    } as APITextChannel;
    this.putChannel(ch, 'CHANNEL_CREATE');
    return ch;
  }

  addForumChannel(id: string, name: string, extra: Partial<APIGuildForumChannel> = {}): APIGuildForumChannel {
    const ch = {
      id,
      type: ChannelType.GuildForum,
      guild_id: this.o.guildId,
      name,
      position: this.channels.size,
      parent_id: null,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 4320,
      default_thread_rate_limit_per_user: 0,
      flags: 0,
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: 0,
      ...extra,
    } as APIGuildForumChannel;
    this.putChannel(ch, 'CHANNEL_CREATE');
    return ch;
  }

  private putChannel(ch: StoredChannel, event: string): void {
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

  // ---------------------------------------------------------------- messages
  findMessage(channelId: string, messageId: string): APIMessage {
    const msg = (this.messages.get(this.channel(channelId).id) ?? []).find((m) => m.id === messageId);
    if (!msg) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
    return msg;
  }

  createMessage(channelId: string, input: NewMessage, fixedId?: string): APIMessage {
    const ch = this.channel(channelId);
    if (ch.type === ChannelType.GuildForum && !input.isStarter) {
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel, 'Cannot send messages in a non-text channel');
    }
    const content = input.content ?? '';
    if (content.length > 2000) throw invalidForm('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
    const attachments = this.storeAttachments(channelId, input.files ?? [], input.attachmentMeta);
    if (!input.allowEmpty && !content && !input.embeds?.length && !attachments.length && !input.components?.length) {
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
    }
    if (this.isThread(ch) && input.store !== false) {
      const meta = ch.thread_metadata!;
      if (meta.archived && meta.locked) {
        throw new DiscordRestError(403, RESTJSONErrorCodes.InvalidActionOnArchivedThread, 'Thread is archived');
      }
      if (meta.archived) this.setThreadState(ch.id, { archived: false }); // "Sending a message will automatically unarchive the thread"
    }
    const id = fixedId ?? this.ids.next();
    const msg = {
      id,
      channel_id: channelId,
      type: input.type ?? MessageType.Default,
      content,
      author: input.author,
      timestamp: isoTimestamp(),
      edited_timestamp: null,
      tts: input.tts ?? false,
      mention_everyone: /@(everyone|here)/.test(content),
      mentions: this.mentionsIn(content),
      mention_roles: [],
      attachments,
      embeds: input.embeds ?? [],
      pinned: false,
      flags: input.flags ?? 0,
      components: input.components ?? [],
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
      ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
      ...(input.applicationId ? { application_id: input.applicationId } : {}),
      ...(input.messageReference ? { message_reference: input.messageReference } : {}),
      ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
    } as APIMessage;
    if (input.store === false) return msg;
    if (this.isThread(ch)) {
      if (!input.isStarter) {
        ch.message_count = (ch.message_count ?? 0) + 1;
        ch.total_message_sent = (ch.total_message_sent ?? 0) + 1;
      }
      msg.position = (this.messages.get(channelId) ?? []).length;
    }
    ch.last_message_id = id;
    this.messages.get(channelId)!.push(msg);
    if (input.dispatch !== false) this.o.emit('MESSAGE_CREATE', this.gatewayMessage(msg));
    return msg;
  }

  editMessage(channelId: string, messageId: string, body: JsonObject, files: UploadedFile[] = []): APIMessage {
    const msg = this.applyEdit(this.findMessage(channelId, messageId), body, files);
    this.o.emit('MESSAGE_UPDATE', this.gatewayMessage(msg));
    return msg;
  }

  /** Applies a PATCH body (content, embeds, components, flags, attachments to keep + new files). */
  applyEdit(msg: APIMessage, body: JsonObject, files: UploadedFile[] = []): APIMessage {
    if (typeof body.content === 'string' || body.content === null) {
      const content = (body.content as string | null) ?? '';
      if (content.length > 2000) throw invalidForm('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
      msg.content = content;
    }
    if (Array.isArray(body.embeds)) msg.embeds = body.embeds as APIMessage['embeds'];
    if (Array.isArray(body.components)) msg.components = body.components as APIMessage['components'];
    if (typeof body.flags === 'number') msg.flags = body.flags;
    if (Array.isArray(body.attachments) || files.length) {
      const meta = (body.attachments as NewMessage['attachmentMeta']) ?? [];
      const keepIds = new Set(meta.map((a) => String(a.id)));
      const kept = Array.isArray(body.attachments) ? msg.attachments.filter((a) => keepIds.has(a.id)) : msg.attachments;
      msg.attachments = [...kept, ...this.storeAttachments(msg.channel_id, files, meta)];
    }
    msg.edited_timestamp = isoTimestamp();
    return msg;
  }

  deleteMessage(channelId: string, messageId: string): void {
    this.findMessage(channelId, messageId);
    const list = this.messages.get(channelId)!;
    list.splice(
      list.findIndex((m) => m.id === messageId),
      1,
    );
    this.o.emit('MESSAGE_DELETE', { id: messageId, channel_id: channelId, guild_id: this.o.guildId });
  }

  react(channelId: string, messageId: string, rawEmoji: string, user: APIUser, add: boolean): void {
    const msg = this.findMessage(channelId, messageId);
    const emoji = parseEmoji(rawEmoji);
    const same = (r: { emoji: { id: string | null; name: string | null } }) => r.emoji.id === emoji.id && r.emoji.name === emoji.name;
    const reactions = (msg.reactions ??= []);
    let reaction = reactions.find(same);
    if (add) {
      if (!reaction) {
        reaction = { count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, burst_colors: [], emoji } as NonNullable<
          APIMessage['reactions']
        >[number];
        reactions.push(reaction);
      }
      reaction.count += 1;
      reaction.count_details.normal += 1;
      if (user.id === this.bot.id) reaction.me = true;
    } else if (reaction) {
      reaction.count -= 1;
      reaction.count_details.normal -= 1;
      if (user.id === this.bot.id) reaction.me = false;
      if (reaction.count <= 0) reactions.splice(reactions.indexOf(reaction), 1);
    }
    const base = { user_id: user.id, channel_id: channelId, message_id: messageId, guild_id: this.o.guildId, emoji, burst: false, type: 0 };
    this.o.emit(
      add ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE',
      add ? { ...base, member: this.members.get(user.id), message_author_id: msg.author.id } : base,
    );
  }

  /** MESSAGE_CREATE / MESSAGE_UPDATE body: message + guild_id + partial member for guild users. */
  gatewayMessage(msg: APIMessage): JsonObject {
    const member = msg.webhook_id ? undefined : this.members.get(msg.author.id);
    const { user: _user, ...partialMember } = member ?? ({} as APIGuildMember);
    return { ...msg, guild_id: this.o.guildId, ...(member ? { member: partialMember } : {}) };
  }

  private mentionsIn(content: string): APIUser[] {
    const ids = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
    return ids.map((id) => this.members.get(id)?.user).filter((u): u is APIUser => !!u);
  }

  private storeAttachments(channelId: string, files: UploadedFile[], meta: NewMessage['attachmentMeta'] = []): APIAttachment[] {
    return files.map((file, index) => {
      const n = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(index);
      const m = meta.find((a) => String(a.id) === n);
      const id = this.ids.next();
      const filename = (m?.filename ?? file.filename).replace(/[^\w.-]+/g, '_');
      const contentType = contentTypeFor(filename, file.contentType);
      this.files.set(id, { filename, contentType, bytes: file.bytes });
      const url = this.attachmentUrl(channelId, id, filename);
      return {
        id,
        filename,
        size: file.bytes.length,
        url,
        proxy_url: url.replace('/attachments/', '/media/attachments/'),
        content_type: contentType,
        ...(m?.description ? { description: m.description } : {}),
      } as APIAttachment;
    });
  }

  /** Like cdn.discordapp.com: `/attachments/{channel}/{attachment}/{filename}?ex=&is=&hm=`. */
  attachmentUrl(channelId: string, attachmentId: string, filename: string): string {
    const ex = Math.floor(Date.now() / 1000 + 86400).toString(16);
    const is = Math.floor(Date.now() / 1000).toString(16);
    return `${this.o.baseUrl()}/attachments/${channelId}/${attachmentId}/${filename}?ex=${ex}&is=${is}&hm=${randomBytes(32).toString('hex')}&`;
  }

  // ---------------------------------------------------------------- webhooks
  createWebhook(channelId: string, body: JsonObject): WebhookRecord {
    const ch = this.channel(channelId);
    if (this.isThread(ch))
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType, 'Cannot execute action on this channel type');
    const name = body.name;
    if (typeof name !== 'string' || !name.length || name.length > 80 || /clyde|discord/i.test(name)) {
      throw invalidForm('name', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 80 in length.');
    }
    const hook = {
      id: this.ids.next(),
      type: 1,
      guild_id: this.o.guildId,
      channel_id: channelId,
      name,
      avatar: null,
      token: randomBytes(34).toString('base64url'),
      application_id: this.o.applicationId,
      user: this.bot,
    } as WebhookRecord;
    this.webhooks.set(hook.id, hook);
    this.o.emit('WEBHOOKS_UPDATE', { guild_id: this.o.guildId, channel_id: channelId });
    return hook;
  }

  webhook(id: string, token?: string): WebhookRecord {
    const hook = this.webhooks.get(id);
    if (!hook || (token !== undefined && hook.token !== token)) {
      throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
    }
    return hook;
  }

  /** Author object Discord puts on webhook messages. */
  webhookAuthor(hook: WebhookRecord, username?: unknown, avatarUrl?: unknown): APIUser {
    return {
      id: hook.id,
      username: typeof username === 'string' && username ? username : hook.name!,
      avatar: typeof avatarUrl === 'string' ? randomBytes(16).toString('hex') : hook.avatar,
      discriminator: '0000',
      public_flags: NO_USER_FLAGS,
      flags: NO_USER_FLAGS,
      bot: true,
      global_name: null,
    } as APIUser;
  }

  // ---------------------------------------------------------------- commands
  putCommands(scope: string, body: unknown): APIApplicationCommand[] {
    if (!Array.isArray(body)) throw invalidForm('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
    const previous = this.commands.get(scope) ?? [];
    const list = body.map((raw: JsonObject, i) => {
      const old = previous.find((c) => c.name === raw.name && c.type === ((raw.type as number | undefined) ?? 1));
      return shapeCommand(raw, i, { id: old?.id ?? this.ids.next(), version: this.ids.next(), applicationId: this.o.applicationId, scope });
    });
    this.commands.set(scope, list);
    return list;
  }

  commandByName(name: string): APIApplicationCommand | undefined {
    return (this.commands.get(this.o.guildId) ?? []).find((c) => c.name === name) ?? (this.commands.get('global') ?? []).find((c) => c.name === name);
  }

  /** Full guild object for GUILD_CREATE / GET /guilds/:id. */
  guildPayload(): JsonObject {
    const all = [...this.channels.values()];
    return {
      id: this.o.guildId,
      name: this.o.guildName,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      owner_id: '300000000000000000',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: this.roles,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: all.find((c) => c.type === ChannelType.GuildText)?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 25000000,
      max_video_channel_users: 25,
      vanity_url_code: null,
      description: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      nsfw: false,
      premium_progress_bar_enabled: false,
      incidents_data: null,
      hub_type: null,
      latest_onboarding_question_id: null,
      // GUILD_CREATE extra fields (gateway-events.mdx "Guild Create")
      joined_at: this.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.members.size,
      lazy: true,
      voice_states: [],
      members: [this.members.get(this.bot.id)],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      activity_instances: [],
      channels: all.filter((c) => !this.isThread(c)),
      threads: this.activeThreads(),
    };
  }
}
