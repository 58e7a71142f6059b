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
import type { DoctorCheck, DoctorText } from '../../src/domain/doctor';
import { checkFailed, checkPassed, doctorText as tx, listText, rawText } from '../../src/doctor/text';
import type { TextKey } from '../../src/i18n';
import type { DiscordConfig } from './config';
import { channelPermissions, NEEDED_PERMISSIONS } from './permissions';

const TOKEN_FIX = tx('doctor.discord.tokenFix');
const INTENT_FIX = tx('doctor.discord.intentFix');
/** The channel types the bridge posts in, each with its check's words (`#name, a text channel`). */
const CHANNEL_TYPES = new Map<number, TextKey>([
  [ChannelType.GuildText, 'doctor.discord.textChannel'],
  [ChannelType.GuildAnnouncement, 'doctor.discord.announcementChannel'],
  [ChannelType.GuildForum, 'doctor.discord.forumChannel'],
]);
/** Why the bridge needs each permission (permissions.ts' `why`), as catalogue texts by the permission's name. */
const WHY = new Map<string, TextKey>([
  ['View Channel', 'doctor.discord.why.viewChannel'],
  ['Send Messages', 'doctor.discord.why.sendMessages'],
  ['Send Messages in Threads', 'doctor.discord.why.sendMessagesInThreads'],
  ['Create Public Threads', 'doctor.discord.why.createPublicThreads'],
  ['Read Message History', 'doctor.discord.why.readMessageHistory'],
  ['Add Reactions', 'doctor.discord.why.addReactions'],
  ['Attach Files', 'doctor.discord.why.attachFiles'],
  ['Manage Threads', 'doctor.discord.why.manageThreads'],
]);
const whyText = (p: { name: string; why: string }): DoctorText => {
  const key = WHY.get(p.name);
  return key ? tx(key) : rawText(p.why);
};

const why = (err: unknown) => (err instanceof DiscordAPIError ? `${err.status} ${err.message}` : (err as Error).message);

export async function discordDoctor(config: DiscordConfig, destinations: ChatDestination[]): Promise<DoctorCheck[]> {
  const rest = new REST({ api: config.apiUrl, retries: 0, timeout: 10_000 }).setToken(config.botToken);
  let bot: APIUser;
  try {
    bot = (await rest.get(Routes.user('@me'))) as APIUser;
  } catch (err) {
    return [checkFailed(tx('doctor.chat.botToken'), rawText(`GET /users/@me: ${why(err)}`), TOKEN_FIX)];
  }
  const checks = [checkPassed(tx('doctor.chat.botToken'), rawText(`${bot.username} (${bot.id})`))];
  checks.push(await intentCheck(rest));
  let guild: APIGuild;
  let member: APIGuildMember;
  try {
    [guild, member] = (await Promise.all([rest.get(Routes.guild(config.guildId)), rest.get(Routes.guildMember(config.guildId, bot.id))])) as [
      APIGuild,
      APIGuildMember,
    ];
  } catch (err) {
    checks.push(checkFailed(tx('doctor.discord.server'), rawText(`${config.guildId}: ${why(err)}`), tx('doctor.discord.serverFix')));
    return checks;
  }
  checks.push(checkPassed(tx('doctor.discord.server'), rawText(`${guild.name} (${guild.id})`)));
  const memberWithUser = { ...member, user: member.user ?? bot };
  for (const channelId of new Set(destinations.map((d) => d.channelId))) checks.push(...(await channelChecks(rest, guild, memberWithUser, channelId)));
  return checks;
}

async function intentCheck(rest: REST): Promise<DoctorCheck> {
  const intent = tx('doctor.discord.intent');
  try {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    const flags = app.flags ?? 0;
    const on = (flags & (ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) !== 0;
    return on ? checkPassed(intent, tx('doctor.discord.enabled')) : checkFailed(intent, tx('doctor.discord.disabled'), INTENT_FIX);
  } catch (err) {
    return checkFailed(intent, rawText(`GET /applications/@me: ${why(err)}`), INTENT_FIX);
  }
}

async function channelChecks(rest: REST, guild: APIGuild, member: APIGuildMember, channelId: string): Promise<DoctorCheck[]> {
  const name = tx('doctor.chat.channel', { id: channelId });
  let channel: APIChannel;
  try {
    channel = (await rest.get(Routes.channel(channelId))) as APIChannel;
  } catch (err) {
    return [checkFailed(name, rawText(why(err)), tx('doctor.discord.channelFix'))];
  }
  const label = `#${channel.name ?? channelId}`;
  const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
  const kind = CHANNEL_TYPES.get(channel.type);
  if (guildId !== guild.id || !kind)
    return [
      checkFailed(
        name,
        guildId !== guild.id
          ? tx('doctor.discord.notInServer', { channel: label, server: guild.name })
          : tx('doctor.discord.wrongType', { channel: label, type: ChannelType[channel.type] }),
        tx('doctor.discord.typeFix'),
      ),
    ];
  const checks = [checkPassed(name, tx(kind, { channel: label }))];
  const overwrites = 'permission_overwrites' in channel ? channel.permission_overwrites : [];
  const perms = channelPermissions(guild, member as APIGuildMember & { user: APIUser }, overwrites);
  const missing = NEEDED_PERMISSIONS.filter((p) => (perms & p.flag) === 0n);
  const permissions = tx('doctor.discord.permissionsIn', { channel: label });
  checks.push(
    missing.length
      ? checkFailed(
          permissions,
          tx('doctor.discord.permissionsMissing', {
            missing: listText(missing.map((p) => tx('doctor.discord.permissionWhy', { permission: p.name, why: whyText(p) })) as [DoctorText, ...DoctorText[]]),
          }),
          tx('doctor.discord.permissionsFix', { channel: label, missing: missing.map((p) => p.name).join(', ') }),
        )
      : checkPassed(permissions, rawText(NEEDED_PERMISSIONS.map((p) => p.name).join(', '))),
  );
  return checks;
}
