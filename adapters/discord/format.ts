/**
 * WhatsApp markup ⇄ Discord markdown.
 * WhatsApp: *bold* _italic_ ~strike~ ```mono``` `code`. Discord: **bold** *italic* ~~strike~~ ```mono``` `code`,
 * plus things WhatsApp has not (headings, masked links, underline, spoilers, <@mentions>).
 * Code and URLs are never touched: a placeholder hides them while the rest is rewritten.
 */
import { escapeMarkdown } from 'discord.js';
import { replaceDateMarks } from '../../src/domain/chat/date-mark';

/** Discord's limit on a message's content (discord-api-docs, Create Message). */
export const MAX_MESSAGE_LENGTH = 2000;
const MAX_MESSAGE = MAX_MESSAGE_LENGTH;

/** Fenced code, inline code and bare URLs: copied verbatim both ways. */
const PROTECTED = /```[\s\S]*?```|`[^`\n]+`|https?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"]/g;
// eslint-disable-next-line no-control-regex -- NUL marks a placeholder: it cannot occur in chat text.
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

function protect(text: string, fn: (plain: string) => string): string {
  const kept: string[] = [];
  const hidden = text.replace(PROTECTED, (m) => `\u0000${kept.push(m) - 1}\u0000`);
  return fn(hidden).replace(PLACEHOLDER, (_m, i: string) => kept[Number(i)]!);
}

// ---------------------------------------------------------------- WhatsApp → Discord

/** WhatsApp emphasis: the marker hugs non-space text and is not inside a word (so snake_case and 2*3*4 stay). */
const WA_EMPHASIS = /(?<![\p{L}\p{N}\\])([*_~])(?=\S)([^\n]*?\S)\1(?![\p{L}\p{N}])/gu;
const TO_DISCORD_MARKER: Record<string, string> = { '*': '**', _: '*', '~': '~~' };

/**
 * Markdown Discord would read although the customer meant it literally, escaped by discord.js's own escapeMarkdown
 * (https://discord.js.org/docs/packages/formatters/main/escapeMarkdown:Function), which follows Discord's parser
 * (pairs of ~~ and ||, _ and * outside links and emoji, lone backticks); with headings (WhatsApp has none) and
 * masked links (they could disguise a URL). Lists stay: WhatsApp and Discord both show `- item` and `1. item`.
 * Subtext (`-# `) is newer than escapeMarkdown's options.
 */
function escapeStray(plain: string): string {
  return escapeMarkdown(plain, { heading: true, maskedLink: true }).replace(/^-# /gm, '\\-# ');
}

function convertWhatsApp(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WA_EMPHASIS)) {
    const marker = TO_DISCORD_MARKER[m[1]!]!;
    out += escapeStray(text.slice(last, m.index)) + marker + convertWhatsApp(m[2]!) + marker;
    last = m.index + m[0].length;
  }
  return out + escapeStray(text.slice(last));
}

/** A customer's (or the core's) WhatsApp-markup text as Discord markdown. */
export function toDiscordText(whatsappText: string): string {
  // The core's date marks (src/domain/chat/date-mark.ts) become timestamps once the markdown is converted.
  return replaceDateMarks(protect(whatsappText, convertWhatsApp), discordDate);
}

/** `<t:unix:f> (<t:unix:R>)`: date and time, then "in 3 hours", in each reader's time zone (discord-api-docs, "Message Formatting"). */
export function discordDate(d: Date): string {
  const s = Math.floor(d.getTime() / 1000);
  return `<t:${s}:f> (<t:${s}:R>)`;
}

/** A name shown in bold (its own markdown must not end the bold early): discord.js's escapeMarkdown. */
export { escapeMarkdown };

// ---------------------------------------------------------------- Discord → WhatsApp

export interface MentionNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

/** What escapeMarkdown (and an agent) puts a backslash before; `1\.` is its escape of a numbered list. */
const ESCAPED = /\\([*_~|`\\#[\]()<>.-])/g;
// eslint-disable-next-line no-control-regex -- SOH marks a hidden escape: it cannot occur in chat text.
const HIDDEN_ESCAPE = /\u0001(\d+)\u0001/g;
const DISCORD_EMPHASIS = /(\*\*\*|\*\*|__|\*|_|~~|\|\|)(?=\S)([\s\S]*?\S)\1/g;
const FROM_DISCORD: Record<string, (inner: string) => string> = {
  '***': (s) => `*_${s}_*`,
  '**': (s) => `*${s}*`,
  __: (s) => s, // underline: WhatsApp has none
  '*': (s) => `_${s}_`,
  _: (s) => `_${s}_`,
  '~~': (s) => `~${s}~`,
  '||': (s) => s, // spoiler: WhatsApp has none
};

function convertDiscord(text: string): string {
  return text.replace(DISCORD_EMPHASIS, (_m, marker: string, inner: string) => FROM_DISCORD[marker]!(convertDiscord(inner)));
}

function timestampText(seconds: string): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** An agent's Discord message as what the customer reads on WhatsApp: mentions and links become plain words. */
export function fromDiscordText(text: string, names: MentionNames): string {
  // Discord's backslash escapes (outside code) are literal characters, not WhatsApp's business: hidden first, so that
  // neither a masked link nor emphasis is read where the agent escaped it (2\*3\*4), and given back as the character.
  const escaped: string[] = [];
  const hidden = protect(text, (plain) => plain.replace(ESCAPED, (_m, c: string) => `\u0001${escaped.push(c) - 1}\u0001`));
  const entities = hidden
    .replace(/<@!?(\d+)>/g, (_m, id: string) => `@${names.user(id) ?? id}`)
    .replace(/<@&(\d+)>/g, (_m, id: string) => `@${names.role(id) ?? 'role'}`)
    .replace(/<#(\d+)>/g, (_m, id: string) => `#${names.channel(id) ?? id}`)
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_m, s: string) => timestampText(s))
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // <url> only suppresses the embed
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`));
  return protect(entities, (plain) =>
    convertDiscord(
      plain
        .replace(/^#{1,3} +(.+)$/gm, '**$1**') // headings read as bold lines (converted below)
        .replace(/^-# +/gm, ''),
    ),
  ).replace(HIDDEN_ESCAPE, (_m, i: string) => escaped[Number(i)]!);
}

// ---------------------------------------------------------------- length

/**
 * Splits text into messages of at most `max` characters, at a line break or space when possible.
 * A split inside a ``` block closes it and reopens it in the next part, so code stays code.
 */
export function splitMessage(text: string, max = MAX_MESSAGE): string[] {
  const parts: string[] = [];
  let rest = text;
  const room = max - 4; // for a closing "\n```"
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', room);
    if (cut < room / 2) cut = rest.lastIndexOf(' ', room);
    if (cut < room / 2) cut = room;
    let part = rest.slice(0, cut);
    rest = rest.slice(cut).replace(/^[\n ]/, '');
    if ((part.match(/```/g) ?? []).length % 2 === 1) {
      part += '\n```';
      rest = `\`\`\`\n${rest}`;
    }
    parts.push(part);
  }
  if (rest.length || !parts.length) parts.push(rest);
  return parts;
}

/** Clips text to one Discord message (interaction replies are one message). */
export function clip(text: string, max = MAX_MESSAGE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
