/**
 * Slack names emoji by iamcal's short names (https://github.com/iamcal/emoji-data#readme, shipped as the
 * `emoji-datasource` package); the suite speaks Unicode. A small table of its own (without skin tones) so the
 * Slack driver does not check the bridge's conversion (adapters/slack/emoji.ts) with that same code.
 */
import { readFileSync } from 'node:fs';

interface Row {
  unified: string;
  short_names: string[];
}

/** The emoji presentation selector (U+FE0F): ❤️ is sent with or without it, so comparisons drop it. */
const bare = (text: string) => text.replace(/\uFE0F/g, '');

let tables: { byName: Map<string, string>; byText: Map<string, string> } | undefined;

function load() {
  if (tables) return tables;
  const rows = JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8')) as Row[];
  const byName = new Map<string, string>();
  const byText = new Map<string, string>();
  for (const row of rows) {
    const text = String.fromCodePoint(...row.unified.split('-').map((hex) => parseInt(hex, 16)));
    for (const name of row.short_names) byName.set(name, text);
    if (row.short_names[0]) byText.set(bare(text), row.short_names[0]);
  }
  return (tables = { byName, byText });
}

/** 👍 → `+1`. */
export const slackEmojiName = (emoji: string): string | undefined => load().byText.get(bare(emoji));

/** `+1` → 👍 (without U+FE0F). */
export const unicodeOfSlackName = (name: string): string | undefined => {
  const text = load().byName.get(name);
  return text === undefined ? undefined : bare(text);
};
