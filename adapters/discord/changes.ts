/**
 * Discord → core: a person's edit or deletion of their message in a bridged thread, read from the raw gateway events
 * (MESSAGE_UPDATE carries the whole message, MESSAGE_DELETE only its ids: Discord's Gateway Events reference), so
 * messages discord.js has not cached count too. Bots' and webhooks' edits are dropped here; the core decides whether
 * the change concerns a message sent to WhatsApp (src/services/inbound/agent-edit.ts).
 */
import { Events, Routes, type APIChannel, type APIMessage } from 'discord.js';
import type { AgentChange } from '../../src/domain/chat/inbound';
import { fromDiscordText } from './format';
import type { DiscordInboundContext } from './inbound';

/** MESSAGE_DELETE's payload. */
interface RawDelete {
  id: string;
  channel_id: string;
  guild_id?: string;
}

/** MESSAGE_UPDATE's payload: a message, with `guild_id` and each mentioned user's partial `member`. */
type RawUpdate = Omit<Partial<APIMessage>, 'mentions'> & {
  id: string;
  channel_id: string;
  guild_id?: string;
  mentions?: (APIMessage['mentions'][number] & { member?: { nick?: string | null } })[];
};

export function registerChanges(ctx: DiscordInboundContext): void {
  ctx.client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (!ctx.core.agentChange) return;
    if (packet.t === 'MESSAGE_UPDATE') void onUpdate(ctx, packet.d as RawUpdate);
    else if (packet.t === 'MESSAGE_DELETE') void onDelete(ctx, packet.d as RawDelete);
  });
}

/** The bridged channel a thread belongs to, or undefined when it is not a thread of one. */
async function parentOf(ctx: DiscordInboundContext, channelId: string): Promise<string | undefined> {
  const { client } = ctx;
  const channel = client.channels.cache.get(channelId) ?? ((await client.rest.get(Routes.channel(channelId))) as APIChannel);
  const parentId = 'parentId' in channel ? channel.parentId : 'parent_id' in channel ? channel.parent_id : undefined;
  return parentId && ctx.channelIds.has(parentId) ? parentId : undefined;
}

async function onUpdate(ctx: DiscordInboundContext, d: RawUpdate): Promise<void> {
  const { client } = ctx;
  try {
    // An embed added to a message (a link preview) is an update without `edited_timestamp`: not an edit.
    if (d.guild_id !== ctx.guildId || typeof d.content !== 'string' || !d.edited_timestamp) return;
    if (!d.author || d.author.bot || d.webhook_id || d.author.id === client.user?.id) return;
    const parentId = await parentOf(ctx, d.channel_id);
    if (!parentId) return;
    const names = {
      user: (id: string) => {
        const u = d.mentions?.find((m) => m.id === id);
        return u ? (u.member?.nick ?? u.global_name ?? u.username) : undefined;
      },
      channel: (id: string) => {
        const c = client.channels.cache.get(id);
        return c && 'name' in c ? (c.name ?? undefined) : undefined;
      },
      role: (id: string) => client.guilds.cache.get(ctx.guildId)?.roles.cache.get(id)?.name,
    };
    const lead = /^\s*<@!?(\d+)>[\s,:]*/.exec(d.content);
    const change: AgentChange = {
      platform: 'discord',
      channelId: parentId,
      messageId: d.id,
      text: fromDiscordText(d.content, names),
      leadingMention: lead
        ? { userId: lead[1]!, isBot: lead[1] === client.user?.id, rest: fromDiscordText(d.content.slice(lead[0].length), names) }
        : undefined,
    };
    await ctx.core.agentChange!(change);
  } catch (err) {
    ctx.log.error({ messageId: d.id, err }, 'could not process a Discord message edit');
  }
}

async function onDelete(ctx: DiscordInboundContext, d: RawDelete): Promise<void> {
  try {
    if (d.guild_id !== ctx.guildId) return;
    const parentId = await parentOf(ctx, d.channel_id);
    if (!parentId) return;
    // The payload does not say who wrote the message: the core knows which of its records it was, if any.
    await ctx.core.agentChange!({ platform: 'discord', channelId: parentId, messageId: d.id });
  } catch (err) {
    ctx.log.error({ messageId: d.id, err }, 'could not process a Discord message deletion');
  }
}
