/** How the bridge's posts read in Discord: the author line, mentions, thread names, who may be pinged. */
import type { RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { ChatPost } from '../../src/domain/chat/adapter';
import { escapeMarkdown } from './format';

/** Discord's limit on a thread's name (Start Thread without Message: 1–100 characters). */
const THREAD_NAME_MAX = 100;

export function threadName(title: string): string {
  const name = title.replace(/\s+/g, ' ').trim() || 'WhatsApp conversation';
  return name.length <= THREAD_NAME_MAX ? name : `${name.slice(0, THREAD_NAME_MAX - 1)}…`;
}

export function mentionPrefix(userIds: string[] | undefined): string {
  return userIds?.length ? `${userIds.map((u) => `<@${u}>`).join(' ')} ` : '';
}

/** Bold author line: the bot posts for everyone, so readers must see who wrote. The bridge's own notices need none. */
export function authorLine(author: ChatPost['author']): string {
  if (author.role === 'bridge') return '';
  const suffix = author.role === 'customer' ? ' (customer)' : author.detail ? ` ${author.detail}` : '';
  return `**${escapeMarkdown(author.name)}**${suffix}\n`;
}

/** Who may be pinged: only the users the core asked for, never @everyone / roles typed by a customer. */
export function allowedMentions(users: string[] = []): RESTPostAPIChannelMessageJSONBody['allowed_mentions'] {
  return { parse: [], users };
}
