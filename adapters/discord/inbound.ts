/**
 * Discord → core: people's messages and reactions in bridged threads, and gateway events after which the bot's
 * access may have changed. The bot's own events and anything outside the bridged channels are dropped here (only
 * the adapter knows the bot's id and the channels); everything else is handed to the core, which decides.
 */
import { Events, MessageType, Routes, type APIChannel, type Client, type Message } from 'discord.js';
import type { AgentFile } from '../../src/domain/media';
import type { AgentMessage, ChatInbound } from '../../src/domain/chat/inbound';
import type { Logger } from '../../src/logger';
import { registerChanges } from './changes';
import { fromDiscordText } from './format';
import { onInteraction } from './interactions';

export interface DiscordInboundContext {
  client: Client;
  core: ChatInbound;
  log: Logger;
  guildId: string;
  /** Every account's Discord channel: only threads under these are bridged. */
  channelIds: Set<string>;
  stopped(): boolean;
}

/** MESSAGE_REACTION_ADD / _REMOVE as the gateway sends them (gateway-events.mdx); read raw, so uncached messages count too. */
interface RawReaction {
  user_id: string;
  channel_id: string;
  message_id: string;
  guild_id?: string;
  emoji: { id: string | null; name: string | null };
}

/** Only people's messages; thread-created notices, pins, joins … are system messages. */
const PERSON_MESSAGES = new Set<MessageType>([MessageType.Default, MessageType.Reply]);
/** Gateway events after which the bot's access may have changed (Discord's Gateway Events reference). */
const ACCESS_EVENTS = new Set(['GUILD_CREATE', 'GUILD_UPDATE', 'GUILD_ROLE_CREATE', 'GUILD_ROLE_UPDATE', 'CHANNEL_CREATE', 'CHANNEL_UPDATE', 'THREAD_UPDATE']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wires the client's events to the core. */
export function registerInbound(ctx: DiscordInboundContext): void {
  const { client } = ctx;
  client.on(Events.MessageCreate, (m) => void onMessage(ctx, m));
  client.on(Events.InteractionCreate, (i) => void onInteraction(ctx, i));
  registerChanges(ctx);
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t === 'MESSAGE_REACTION_ADD' || packet.t === 'MESSAGE_REACTION_REMOVE')
      void onReaction(ctx, packet.d as RawReaction, packet.t === 'MESSAGE_REACTION_ADD');
  });
  // Permissions, roles, channels or the guild changed, or the bot was added to a guild (all sent with the Guilds
  // intent): deliveries paused on Missing Access / Missing Permissions are tried again now.
  client.on(Events.Raw, (packet: { t?: string | null }) => {
    if (packet.t && ACCESS_EVENTS.has(packet.t)) ctx.core.accessChanged?.({ platform: 'discord' });
  });
}

async function onMessage(ctx: DiscordInboundContext, message: Message): Promise<void> {
  const { client } = ctx;
  try {
    if (message.author.bot || message.webhookId || message.author.id === client.user?.id) return;
    if (!PERSON_MESSAGES.has(message.type) || message.guildId !== ctx.guildId) return;
    const channel = message.channel;
    if (!channel.isThread() || !channel.parentId || !ctx.channelIds.has(channel.parentId)) return;
    const names = {
      user: (id: string) => message.mentions.members?.get(id)?.displayName ?? message.mentions.users.get(id)?.displayName,
      channel: (id: string) => {
        const c = client.channels.cache.get(id);
        return c && 'name' in c ? (c.name ?? undefined) : undefined;
      },
      role: (id: string) => message.guild?.roles.cache.get(id)?.name,
    };
    const text = fromDiscordText(message.content, names);
    // A message that starts by mentioning someone (`<@id>`, `<@!id>`): the core decides whether it stays internal.
    const lead = /^\s*<@!?(\d+)>[\s,:]*/.exec(message.content);
    const reply: AgentMessage = {
      platform: 'discord',
      channelId: channel.parentId,
      threadId: channel.id,
      messageId: message.id,
      author: { id: message.author.id, name: message.member?.displayName ?? message.author.globalName ?? message.author.username },
      text,
      sentAt: message.createdAt,
      files: message.attachments.size
        ? [...message.attachments.values()].map((a): AgentFile => ({
            id: a.id,
            name: a.name,
            mimeType: a.contentType ?? '',
            size: a.size,
            url: a.url,
            auth: 'none',
          }))
        : undefined,
      leadingMention: lead
        ? { userId: lead[1]!, isBot: lead[1] === client.user?.id, rest: fromDiscordText(message.content.slice(lead[0].length), names) }
        : undefined,
    };
    await handOver(ctx, reply);
  } catch (err) {
    ctx.log.error({ messageId: message.id, err }, 'could not process a Discord message');
  }
}

/** An agent's reaction in a bridged thread (the bot's own are statuses and mirrored customer reactions). */
async function onReaction(ctx: DiscordInboundContext, d: RawReaction, added: boolean): Promise<void> {
  const { client, core } = ctx;
  try {
    if (!core.agentReaction || d.guild_id !== ctx.guildId || d.user_id === client.user?.id) return;
    // A custom emoji (with an id) has no Unicode form for WhatsApp.
    if (d.emoji.id || !d.emoji.name) return;
    const channel = client.channels.cache.get(d.channel_id) ?? ((await client.rest.get(Routes.channel(d.channel_id))) as APIChannel);
    const parentId = 'parentId' in channel ? channel.parentId : 'parent_id' in channel ? channel.parent_id : undefined;
    if (!parentId || !ctx.channelIds.has(parentId)) return;
    await core.agentReaction({
      platform: 'discord',
      channelId: parentId,
      messageId: d.message_id,
      userId: d.user_id,
      emoji: d.emoji.name,
      added,
      eventId: `${Date.now()}`,
    });
  } catch (err) {
    ctx.log.error({ messageId: d.message_id, err }, 'could not process a Discord reaction');
  }
}

/** The gateway never redelivers an event: retry the hand-over a few times (the core is idempotent on the message id). */
async function handOver(ctx: DiscordInboundContext, reply: AgentMessage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.core.agentMessage(reply);
      return;
    } catch (err) {
      if (attempt >= 5 || ctx.stopped()) throw err;
      ctx.log.warn({ messageId: reply.messageId, attempt, err }, 'could not store a Discord reply yet; retrying');
      await sleep(200 * 2 ** attempt);
    }
  }
}
