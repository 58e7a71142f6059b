/**
 * Emoji between Slack's short names (`:smile:`, reactions named `+1::skin-tone-3`) and Unicode (what WhatsApp and
 * Discord use). The names are iamcal's emoji-data, which Slack uses (https://github.com/iamcal/emoji-data#readme),
 * from the `emoji-datasource` package: every emoji Unicode has, with all its short names and skin-tone variants,
 * so a customer's 🫶 becomes the reaction `heart_hands`, not a text line. Custom emoji and anything unknown are
 * left as they are in text, and a reaction that cannot be named is shown as a line by the core.
 */
import { readFileSync } from 'node:fs';

/** The fields of an emoji-datasource row the bridge reads (emoji.json also carries image and sheet data). */
interface EmojiRow {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

/** Skin-tone modifiers U+1F3FB…U+1F3FF are Slack's `skin-tone-2` … `skin-tone-6`. */
const TONES = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];
const FIRST_TONE = 2;
/** The emoji presentation selector: WhatsApp and keyboards send ❤️ with or without it, so keys have none. */
const VS16 = /\uFE0F/g;

interface Emoji {
  text: string;
  /** By tone 2…6 (index 0…4); absent for an emoji without skin tones. */
  tones?: string[];
}

interface Tables {
  byName: Map<string, Emoji>;
  /** Unicode without VS16 → `name` or `name::skin-tone-N`. */
  byText: Map<string, string>;
}

const fromUnified = (unified: string): string => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
const key = (text: string): string => text.replace(VS16, '');

function build(rows: EmojiRow[]): Tables {
  const byName = new Map<string, Emoji>();
  const byText = new Map<string, string>();
  for (const row of rows) {
    const [name] = row.short_names;
    if (!name) continue;
    const emoji: Emoji = { text: fromUnified(row.unified) };
    const variations = row.skin_variations;
    if (variations) {
      // One tone (👍🏽), or the same tone twice for two people (💑🏽 is keyed 1F3FD-1F3FD); Slack names one tone per
      // emoji, so a pair of different tones has no Slack name and stays unnamed.
      const tones = TONES.map((t) => variations[t] ?? variations[`${t}-${t}`]);
      if (tones.every(Boolean)) {
        emoji.tones = tones.map((v) => fromUnified(v!.unified));
        emoji.tones.forEach((text, i) => byText.set(key(text), `${name}::skin-tone-${i + FIRST_TONE}`));
      }
    }
    for (const alias of row.short_names) byName.set(alias, emoji);
    byText.set(key(emoji.text), name);
  }
  return { byName, byText };
}

let tables: Tables | undefined;

/**
 * Read once, on first use; only the maps are kept (emoji.json is 1.3 MB of mostly image data: read as a file,
 * not `require`d, so the parsed rows are not held in the module cache).
 */
function load(): Tables {
  tables ??= build(JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8')) as EmojiRow[]);
  return tables;
}

/** `+1` → 👍, `+1::skin-tone-3` → 👍🏼; undefined for a custom or unknown emoji. */
export function emojiFromSlackName(name: string): string | undefined {
  const [base, tone] = name.split('::skin-tone-');
  const emoji = load().byName.get(base!);
  if (!emoji) return undefined;
  return emoji.tones?.[Number(tone) - FIRST_TONE] ?? emoji.text;
}

/** 👍 → `+1`, 👍🏼 → `+1::skin-tone-3`; undefined when Unicode's emoji list has no such emoji. */
export function slackNameFromEmoji(emoji: string): string | undefined {
  return load().byText.get(key(emoji));
}

/** `:smile:` and `:+1::skin-tone-2:` in a message → the emoji; unknown codes stay as typed. */
export function replaceEmojiCodes(text: string): string {
  return text.replace(
    /:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/g,
    (match, name: string, tone?: string) => emojiFromSlackName(tone ? `${name}::skin-tone-${tone}` : name) ?? match,
  );
}
