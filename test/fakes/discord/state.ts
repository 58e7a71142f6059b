/**
 * Guild model of the fake Discord: channels, threads, messages, attachments, webhooks and
 * application commands, in the payload shapes Discord documents.
 * Every mutation that real Discord announces on the gateway calls `emit(t, d)`.
 * Shapes: see test/fixtures/discord/SOURCES.md.
 */
import { randomBytes } from 'node:crypto';
import { ChannelType, RESTJSONErrorCodes, type APIApplicationCommand, type APIUser } from 'discord.js';
import { DiscordRestError, invalidForm, NO_USER_FLAGS, shapeCommand, type JsonObject } from './shapes';
import { MessageState } from './messages';

export type { GuildOptions, NewMessage, WebhookRecord } from './guild';
import type { WebhookRecord } from './guild';

/** The whole guild: channels (channels.ts), messages (messages.ts), and here its webhooks, commands and GUILD_CREATE payload. */
export class DiscordState extends MessageState {
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
