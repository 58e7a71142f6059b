/**
 * The fake Discord's guild (test/fakes/discord/state.ts composes it): its ids, bot, roles and members, and the
 * stores the channel, message, webhook and command parts share. Shapes: see test/fixtures/discord/SOURCES.md.
 */
import { MessageType, type APIApplicationCommand, type APIGuildMember, type APIMessage, type APIRole, type APIUser, type APIWebhook } from 'discord.js';
import {
  BOT_ROLE_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  isoTimestamp,
  NO_MEMBER_FLAGS,
  NO_ROLE_FLAGS,
  NO_USER_FLAGS,
  SnowflakeGen,
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

export class GuildBase {
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
  protected readonly botRoleId: string;

  constructor(protected readonly o: GuildOptions) {
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
}
