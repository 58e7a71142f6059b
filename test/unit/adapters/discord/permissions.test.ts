/** The bot's permissions in a channel, computed as Discord's "Permission Overwrites" pseudo-code describes. */
import { OverwriteType, PermissionFlagsBits as P, type APIGuildMember, type APIRole } from 'discord.js';
import { channelPermissions } from '../../../../adapters/discord/permissions';

const GUILD = '1100000000000000000';
const BOT = '1234567890123456789';
const role = (id: string, permissions: bigint) => ({ id, permissions: String(permissions) }) as APIRole;
const member = (roles: string[]) => ({ user: { id: BOT }, roles }) as unknown as APIGuildMember & { user: { id: string } };
const guild = (roles: APIRole[], owner = '300000000000000000') => ({ id: GUILD, owner_id: owner, roles });

const everyone = role(GUILD, P.ViewChannel | P.SendMessages | P.ReadMessageHistory);
const botRole = role('900', P.AddReactions | P.ManageThreads);

test('the base: @everyone OR the member’s roles (another role does not count)', () => {
  const perms = channelPermissions(guild([everyone, botRole, role('901', P.BanMembers)]), member(['900']));
  expect(perms & P.ReadMessageHistory).toBeTruthy();
  expect(perms & P.ManageThreads).toBeTruthy();
  expect(perms & P.BanMembers).toBe(0n);
});

test('Administrator and the server owner have everything, whatever the overwrites', () => {
  const deny = [{ id: GUILD, type: OverwriteType.Role, allow: '0', deny: String(P.ViewChannel) }];
  expect(channelPermissions(guild([everyone, role('900', P.Administrator)]), member(['900']), deny) & P.ViewChannel).toBeTruthy();
  expect(channelPermissions(guild([everyone], BOT), member([]), deny) & P.ViewChannel).toBeTruthy();
});

test('overwrites in order: @everyone, then the roles (a role’s allow beats @everyone’s deny), then the member', () => {
  const g = guild([everyone, botRole]);
  const everyoneDenies = { id: GUILD, type: OverwriteType.Role, allow: '0', deny: String(P.ReadMessageHistory | P.SendMessages) };
  const roleAllows = { id: '900', type: OverwriteType.Role, allow: String(P.ReadMessageHistory), deny: '0' };
  const memberDenies = { id: BOT, type: OverwriteType.Member, allow: '0', deny: String(P.ReadMessageHistory) };
  expect(channelPermissions(g, member(['900']), [everyoneDenies]) & P.ReadMessageHistory).toBe(0n);
  expect(channelPermissions(g, member(['900']), [everyoneDenies, roleAllows]) & P.ReadMessageHistory).toBeTruthy();
  expect(channelPermissions(g, member(['900']), [everyoneDenies, roleAllows]) & P.SendMessages).toBe(0n);
  expect(channelPermissions(g, member(['900']), [everyoneDenies, roleAllows, memberDenies]) & P.ReadMessageHistory).toBe(0n);
});
