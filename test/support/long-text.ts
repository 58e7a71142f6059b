/**
 * Long texts and customer events for the length-limit flow tests (length-limits-*.test.ts). Texts are built from the
 * text of Meta's "Incoming messages" example (test/fixtures/whatsapp/message-text.json); reactions and edits are
 * Meta's fixtures with the target changed (test/fixtures/whatsapp/SOURCES.md).
 */
import { loadWhatsAppFixture } from '../fixtures/whatsapp';
import { fixtureMessage } from './media';

/** Only the whitespace where a text was cut may differ. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** A long text of numbered lines (the fixture's text, markup, an emoji with a skin tone), a blank line every fourth. */
export function longText(length: number, tag = ''): string {
  const said: string = loadWhatsAppFixture('message-text').entry[0].changes[0].value.messages[0].text.body;
  let text = '';
  for (let i = 1; text.length < length; i++) text += `${i}.${tag} ${said} It is *really* important to me 👍🏽 thanks!${i % 4 ? '\n' : '\n\n'}`;
  return text.slice(0, length).replace(/[\s\uD800-\uDBFF]+$/, '');
}

export const customerReaction = (target: string, emoji: string) =>
  fixtureMessage('message-reaction', {
    edit: (m) => {
      m.reaction.message_id = target;
      m.reaction.emoji = emoji;
    },
  }).body;
export const customerEdit = (target: string, text: string) =>
  fixtureMessage('message-edit', {
    edit: (m) => {
      m.edit.original_message_id = target;
      // Meta's example edits an image's caption; a text edit carries the text message instead.
      m.edit.message = { type: 'text', text: { body: text } };
    },
  }).body;
