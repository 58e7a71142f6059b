/**
 * What the fake gateway (gateway.ts) keeps per connection and session, and the protocol facts it applies: which
 * intent each event needs, which close codes end a session, the replay buffer's size (developers/events/gateway.mdx,
 * gateway-events.mdx, opcodes-and-status-codes.mdx).
 */
import { GatewayIntentBits, type APIUser } from 'discord.js';
import type { JsonObject } from './shapes';
import type { WebSocket } from 'ws';

export interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface Session {
  id: string;
  intents: number;
  seq: number;
  buffer: DispatchFrame[];
  ws: WebSocket | null;
  /** Still resumable (not ended by a normal close or an invalidating close code). */
  alive: boolean;
}

export interface Conn {
  ws: WebSocket;
  url: string;
  session?: Session;
  serverCloseCode?: number;
}

export const I = GatewayIntentBits;
export const PRIVILEGED = I.GuildMembers | I.GuildPresences | I.MessageContent;
/** Which intent a guild event needs (gateway.mdx "List of Intents"); unlisted events are always sent. */
export const EVENT_INTENT: Record<string, number> = {
  GUILD_UPDATE: I.Guilds,
  GUILD_DELETE: I.Guilds,
  GUILD_ROLE_CREATE: I.Guilds,
  GUILD_ROLE_UPDATE: I.Guilds,
  CHANNEL_CREATE: I.Guilds,
  CHANNEL_UPDATE: I.Guilds,
  CHANNEL_DELETE: I.Guilds,
  THREAD_CREATE: I.Guilds,
  THREAD_UPDATE: I.Guilds,
  THREAD_DELETE: I.Guilds,
  THREAD_LIST_SYNC: I.Guilds,
  THREAD_MEMBER_UPDATE: I.Guilds,
  GUILD_MEMBER_ADD: I.GuildMembers,
  GUILD_MEMBER_UPDATE: I.GuildMembers,
  GUILD_MEMBER_REMOVE: I.GuildMembers,
  WEBHOOKS_UPDATE: I.GuildWebhooks,
  MESSAGE_CREATE: I.GuildMessages,
  MESSAGE_UPDATE: I.GuildMessages,
  MESSAGE_DELETE: I.GuildMessages,
  MESSAGE_DELETE_BULK: I.GuildMessages,
  MESSAGE_REACTION_ADD: I.GuildMessageReactions,
  MESSAGE_REACTION_REMOVE: I.GuildMessageReactions,
  TYPING_START: I.GuildMessageTyping,
};
/** Server close codes after which the session cannot be resumed. */
export const INVALIDATING = new Set([1000, 1001, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);
export const BUFFER_LIMIT = 1000;
export const trace = (name: string) => [`["gateway-prd-fake-${name}",{"micros":0}]`];

/** READY's `d` without session_id / resume_gateway_url (gateway-events.mdx "Ready"), for the bot in one guild. */
export function readyPayload(bot: APIUser, guildId: string, applicationId: string): JsonObject {
  return {
    v: 10,
    user: { ...bot, verified: true, mfa_enabled: false, email: null },
    guilds: [{ id: guildId, unavailable: true }],
    session_type: 'normal',
    application: { id: applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    user_settings: {},
    geo_ordered_rtc_regions: ['local'],
    auth: {},
  };
}
