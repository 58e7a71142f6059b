import { replaceDateMarks, utcMinutes } from '../../src/domain/chat/date-mark';
import { replaceEmojiCodes } from './emoji';

/**
 * A date each reader sees in their own time zone: `<!date^unix^{date_short_pretty} {time}|fallback>` (docs.slack.dev,
 * "Formatting text for app surfaces"); the fallback, for clients that cannot, is UTC.
 */
export const slackDate = (d: Date): string => `<!date^${Math.floor(d.getTime() / 1000)}^{date_short_pretty} {time}|${utcMinutes(d)}>`;

/**
 * WhatsApp markup and Slack mrkdwn share *bold*, _italic_, ~strike~ and ```code```, so text passes
 * as it is; only Slack's control characters are escaped one way and its <…> entities resolved the other.
 */
export function toSlackText(whatsappText: string): string {
  // The core's date marks (src/domain/chat/date-mark.ts) become date tokens after escaping: their `<…>` is Slack's.
  return replaceDateMarks(whatsappText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), slackDate);
}

export function mentionsPrefix(userIds: string[] | undefined): string {
  return userIds?.length ? `${userIds.map((u) => `<@${u}>`).join(' ')} ` : '';
}

/** Slack's message text → what the customer reads: mentions, channels and links become plain words, `:emoji:` codes emoji. */
export function fromSlackText(text: string, userName: (id: string) => string | undefined): string {
  const plain = text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => `@${label ?? userName(id) ?? id}`)
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, (_m, name: string) => `#${name}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_m, label?: string) => label ?? '@team')
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(mailto:)?([^>|]+)(?:\|[^>]+)?>/g, (_m, _mailto, target: string) => target)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return replaceEmojiCodes(plain);
}

/**
 * A `/wa` command's text as the core reads it. The app manifests set `should_escape: true`, so Slack sends a person
 * as `<@U…|name>` (the core's commands resolve that: services/lifecycle/commands/target.ts), a channel as `<#C…|name>`
 * and a link as `<https://…>` or `<https://…|label>` ("Escaping text", https://api.slack.com/interactivity/slash-commands).
 * Links become their bare URL (a recipients file's link) and `&amp; &lt; &gt;` their characters; mentions stay.
 */
export function commandText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, (_m, url: string) => url.replace(/^mailto:/, ''))
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, (_m, name: string) => `#${name}`)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
