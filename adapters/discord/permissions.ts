/**
 * The bot's permissions in a channel, computed as Discord's "Permissions" topic describes (developers/topics/
 * permissions.mdx, "Permission Overwrites"): the guild owner and Administrator have all; otherwise @everyone's role
 * OR each role of the member, then the channel's @everyone overwrite, then the member's roles' overwrites (all denies,
 * then all allows), then the member's own overwrite.
 */
import { OverwriteType, PermissionFlagsBits, type APIGuildMember, type APIOverwrite, type APIRole } from 'discord.js';

const ALL = ~0n;

export function channelPermissions(
  guild: { id: string; owner_id?: string; roles: APIRole[] },
  member: APIGuildMember & { user?: { id: string } },
  overwrites: APIOverwrite[] = [],
): bigint {
  const userId = member.user?.id ?? '';
  if (guild.owner_id === userId) return ALL;
  const roleIds = new Set(member.roles);
  let perms = 0n;
  for (const role of guild.roles) if (role.id === guild.id || roleIds.has(role.id)) perms |= BigInt(role.permissions);
  if (perms & PermissionFlagsBits.Administrator) return ALL;
  const apply = (o: APIOverwrite | undefined) => {
    if (o) perms = (perms & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(overwrites.find((o) => o.id === guild.id));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && o.id !== guild.id && roleIds.has(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  apply(overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId));
  return perms;
}

/** What the bridge does with each permission in a conversations channel (adapters/discord/outbound.ts, files.ts). */
export const NEEDED_PERMISSIONS: Array<{ flag: bigint; name: string; why: string }> = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel', why: 'see the channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages', why: 'open conversations (thread starters, forum posts)' },
  { flag: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads', why: 'post customers’ messages' },
  { flag: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads', why: 'one thread per conversation' },
  { flag: PermissionFlagsBits.ReadMessageHistory, name: 'Read Message History', why: 'see agents’ replies and edit its own posts' },
  { flag: PermissionFlagsBits.AddReactions, name: 'Add Reactions', why: 'show delivery status and customers’ reactions' },
  { flag: PermissionFlagsBits.AttachFiles, name: 'Attach Files', why: 'post customers’ media' },
  { flag: PermissionFlagsBits.ManageThreads, name: 'Manage Threads', why: 'reopen a locked conversation thread' },
];
