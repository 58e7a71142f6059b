/**
 * The conversation's card on Discord (issue 11 point 4): the core's words (src/services/present/card.ts) with
 * Discord's tokens: `<t:unix:f>` and `<t:unix:R>` timestamps (discord-api-docs, "Message Formatting": shown in each
 * reader's time zone) and `<@id>` mentions (never pinging on an edit: allowed_mentions is empty).
 */
import type { ChatPost } from '../../src/domain/chat/adapter';
import type { CardTokens, ConversationCard } from '../../src/domain/chat/card';
import { cardText } from '../../src/services/present/card';
import { discordDate, toDiscordText } from './format';

export const discordCardTokens: CardTokens = {
  text: toDiscordText,
  date: discordDate,
  person: (p) => (p.userId ? `<@${p.userId}>` : toDiscordText(p.name ?? 'someone')),
};

export const discordCardText = (card: ConversationCard): string => cardText(card, discordCardTokens);

/** A post's body as Discord markdown, its `{date}` (ChatPost.date) a timestamp token (after conversion, which would escape it). */
export const discordPostBody = (post: ChatPost): string => {
  const text = toDiscordText(post.body);
  return post.date ? text.replace('{date}', discordCardTokens.date(post.date)) : text;
};

/** The name of the forum tag put on a closed conversation's post, where the forum has one (any case). */
export const CLOSED_TAG = 'closed';
