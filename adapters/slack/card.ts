/**
 * The conversation's card on Slack (issue 11 point 4): the core's words (src/services/present/card.ts) with Slack's
 * tokens. Dates use Slack's date formatting, `<!date^unix^{date_short_pretty} {time}|fallback>` (docs.slack.dev,
 * "Formatting text for app surfaces": each reader sees their own time zone); people are `<@U…>` mentions.
 */
import type { ChatPost } from '../../src/domain/chat/adapter';
import type { CardTokens, ConversationCard } from '../../src/domain/chat/card';
import { cardText } from '../../src/services/present/card';
import { slackDate, toSlackText } from './format';

export const slackCardTokens: CardTokens = {
  text: toSlackText,
  date: slackDate,
  person: (p) => (p.userId ? `<@${p.userId}>` : toSlackText(p.name ?? 'someone')),
};

export const slackCardText = (card: ConversationCard): string => cardText(card, slackCardTokens);

/** A post's body as Slack text: escaped, its `{date}` (ChatPost.date) a date token (after escaping, which would break it). */
export const slackPostBody = (post: ChatPost): string => {
  const text = toSlackText(post.body);
  return post.date ? text.replace('{date}', slackCardTokens.date(post.date)) : text;
};

/** A permalink to a thread: Slack's `archives/<channel>/p<ts without the dot>` form (redirects to the workspace). */
export const slackThreadUrl = (channelId: string, ts: string): string => `https://slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
