/**
 * The Discord side's configuration: its environment variables (a fragment src/config.ts merges and feeds) and the
 * settings the adapter gets, typed from the schema.
 */
import { z } from 'zod';
import { list, url } from '../../src/config-fields';
import type { ChatConfigFragment, ChatDestination } from '../chat-module';

const snowflake = z.string().regex(/^\d{15,22}$/, 'must be a Discord id (a number of 15–22 digits)');
const USER_ID = /^\d{15,22}$/;

export const discordEnv = z.object({
  DISCORD_BOT_TOKEN: z.string().min(20, 'must be a Discord bot token').optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_CHANNEL_ID: snowflake.optional(),
  DISCORD_NOTIFY_USERS: list(USER_ID, 'a Discord user id (15–22 digits)'),
  DISCORD_API_URL: url.default('https://discord.com/api'),
});

/** What the Discord adapter is configured with. */
export const discordSettings = z.object({
  botToken: z.string(),
  guildId: z.string(),
  /** Discord's REST API; the gateway URL comes from `GET /gateway/bot`. */
  apiUrl: z.string(),
});
export type DiscordConfig = z.infer<typeof discordSettings>;

export const discordConfig: ChatConfigFragment<typeof discordEnv, DiscordConfig> = {
  env: discordEnv,
  required: ['DISCORD_BOT_TOKEN', 'DISCORD_GUILD_ID'],
  channelVariable: 'DISCORD_CHANNEL_ID',
  side: (env) => discordSettings.parse({ botToken: env.DISCORD_BOT_TOKEN, guildId: env.DISCORD_GUILD_ID, apiUrl: env.DISCORD_API_URL }),
  destination: (env): ChatDestination | undefined =>
    env.DISCORD_CHANNEL_ID ? { channelId: env.DISCORD_CHANNEL_ID, notifyUsers: env.DISCORD_NOTIFY_USERS } : undefined,
  accountDestination: z.object({ channelId: snowflake, notifyUsers: z.array(z.string().regex(USER_ID)).default([]) }),
  senderIds: [{ pattern: /\d{15,22}/, what: 'a Discord user id' }],
};
