/**
 * `doctor` for the Discord side, over discord.js' REST client (the one the adapter posts with): the token
 * (`GET /users/@me`), the Message Content intent (`GET /applications/@me` flags GATEWAY_MESSAGE_CONTENT 1<<18 or
 * _LIMITED 1<<19, Discord's "Application" resource), the guild (`GET /guilds/{id}`, with its roles), and per channel
 * its type (text, announcement or forum) and the permissions the bridge needs, computed from the bot member's roles
 * (`GET /guilds/{id}/members/{bot}`) and the channel's overwrites (permissions.ts).
 */
import {
  ApplicationFlags,
  ChannelType,
  DiscordAPIError,
  REST,
  Routes,
  type APIApplication,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIUser,
} from 'discord.js';
import type { ChatDestination } from '../chat-module';
import { failed, passed, type DoctorCheck } from '../../src/domain/doctor';
import type { DiscordConfig } from './config';
import { channelPermissions, NEEDED_PERMISSIONS } from './permissions';

const TOKEN_FIX = 'Discord Developer Portal → your application → Bot → Reset Token; set it as DISCORD_BOT_TOKEN';
const INTENT_FIX = 'Discord Developer Portal → your application → Bot → Privileged Gateway Intents: turn on Message Content Intent, Save';
const CHANNEL_TYPES = new Map<number, string>([
  [ChannelType.GuildText, 'text channel'],
  [ChannelType.GuildAnnouncement, 'announcement channel'],
  [ChannelType.GuildForum, 'forum channel'],
]);

const why = (err: unknown) => (err instanceof DiscordAPIError ? `${err.status} ${err.message}` : (err as Error).message);

export async function discordDoctor(config: DiscordConfig, destinations: ChatDestination[]): Promise<DoctorCheck[]> {
  const rest = new REST({ api: config.apiUrl, retries: 0, timeout: 10_000 }).setToken(config.botToken);
  let bot: APIUser;
  try {
    bot = (await rest.get(Routes.user('@me'))) as APIUser;
  } catch (err) {
    return [failed('bot token', `GET /users/@me: ${why(err)}`, TOKEN_FIX)];
  }
  const checks = [passed('bot token', `${bot.username} (${bot.id})`)];
  checks.push(await intentCheck(rest));
  let guild: APIGuild;
  let member: APIGuildMember;
  try {
    [guild, member] = (await Promise.all([rest.get(Routes.guild(config.guildId)), rest.get(Routes.guildMember(config.guildId, bot.id))])) as [
      APIGuild,
      APIGuildMember,
    ];
  } catch (err) {
    checks.push(
      failed(
        'server',
        `${config.guildId}: ${why(err)}`,
        `check DISCORD_GUILD_ID, and invite the bot: Developer Portal → OAuth2 → URL Generator, scopes bot and applications.commands`,
      ),
    );
    return checks;
  }
  checks.push(passed('server', `${guild.name} (${guild.id})`));
  const memberWithUser = { ...member, user: member.user ?? bot };
  for (const channelId of new Set(destinations.map((d) => d.channelId))) checks.push(...(await channelChecks(rest, guild, memberWithUser, channelId)));
  return checks;
}

async function intentCheck(rest: REST): Promise<DoctorCheck> {
  try {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    const flags = app.flags ?? 0;
    const on = (flags & (ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) !== 0;
    return on
      ? passed('Message Content intent', 'enabled')
      : failed('Message Content intent', 'disabled: the bot would see agents’ replies without their text', INTENT_FIX);
  } catch (err) {
    return failed('Message Content intent', `GET /applications/@me: ${why(err)}`, INTENT_FIX);
  }
}

async function channelChecks(rest: REST, guild: APIGuild, member: APIGuildMember, channelId: string): Promise<DoctorCheck[]> {
  let channel: APIChannel;
  try {
    channel = (await rest.get(Routes.channel(channelId))) as APIChannel;
  } catch (err) {
    return [failed(`channel ${channelId}`, why(err), 'check the channel id (right-click the channel → Copy Channel ID) and that the bot can see it')];
  }
  const label = `#${channel.name ?? channelId}`;
  const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
  const kind = CHANNEL_TYPES.get(channel.type);
  if (guildId !== guild.id || !kind)
    return [
      failed(
        `channel ${channelId}`,
        guildId !== guild.id ? `${label} is not in the server ${guild.name}` : `${label} is of type ${ChannelType[channel.type]}`,
        'use a text, announcement or forum channel of the server DISCORD_GUILD_ID names',
      ),
    ];
  const checks = [passed(`channel ${channelId}`, `${label}, a ${kind}`)];
  const overwrites = 'permission_overwrites' in channel ? channel.permission_overwrites : [];
  const perms = channelPermissions(guild, member as APIGuildMember & { user: APIUser }, overwrites);
  const missing = NEEDED_PERMISSIONS.filter((p) => (perms & p.flag) === 0n);
  checks.push(
    missing.length
      ? failed(
          `permissions in ${label}`,
          `missing ${missing.map((p) => `${p.name} (to ${p.why})`).join(', ')}`,
          `Edit Channel ${label} → Permissions → the bot’s role: allow ${missing.map((p) => p.name).join(', ')} (or grant them to the role in Server Settings → Roles)`,
        )
      : passed(`permissions in ${label}`, NEEDED_PERMISSIONS.map((p) => p.name).join(', ')),
  );
  return checks;
}
