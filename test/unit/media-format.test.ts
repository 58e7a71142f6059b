/**
 * Formatting both ways: WhatsApp markup shown in Slack (mrkdwn) and Discord (markdown), and agents' formatting,
 * mentions, channel links and emoji codes turned back into what the customer reads. Emoji names for reactions.
 */
import { fromDiscordText, toDiscordText } from '../../adapters/discord/format';
import { emojiFromSlackName, replaceEmojiCodes, slackNameFromEmoji } from '../../adapters/slack/emoji';
import { fromSlackText, toSlackText } from '../../adapters/slack/format';
import { mediaCaption, mediaPostBody, snippet, struck } from '../../src/services/render';

const WHATSAPP = 'Order *4411* is _on its way_, ~not~ delayed.\n```tracking: 1Z999```\nSee https://example.com/t?id=1_2';

describe('markup round trip', () => {
  test('WhatsApp → Slack is the same markup (escaped), and an agent writing it back gives the customer the original', () => {
    const slack = toSlackText(WHATSAPP);
    expect(slack).toBe(WHATSAPP); // *bold* _italic_ ~strike~ ```mono``` and links are mrkdwn as they are
    expect(fromSlackText(slack, () => undefined)).toBe(WHATSAPP);
  });

  test('WhatsApp → Discord markdown → back to WhatsApp', () => {
    const discord = toDiscordText(WHATSAPP);
    expect(discord).toBe('Order **4411** is *on its way*, ~~not~~ delayed.\n```tracking: 1Z999```\nSee https://example.com/t?id=1_2');
    expect(fromDiscordText(discord, { user: () => undefined, channel: () => undefined, role: () => undefined })).toBe(WHATSAPP);
  });

  test('an agent’s Slack message: mentions, channel links, labelled links and emoji codes become readable text', () => {
    const names: Record<string, string> = { U0AGENT01: 'Ana Agent' };
    const text = '*Thanks* <@U0AGENT01>! :tada: See <#C0HELP|help-desk> or <https://example.com/faq|our FAQ> :+1::skin-tone-3: :no_such_emoji:';
    expect(fromSlackText(text, (id) => names[id])).toBe('*Thanks* @Ana Agent! 🎉 See #help-desk or our FAQ (https://example.com/faq) 👍🏼 :no_such_emoji:');
  });

  test('a struck deletion mark reads as strike-through on both platforms', () => {
    const body = struck('line one\n\nline ~two~');
    expect(body).toBe('~line one~\n\n~line two~');
    expect(toSlackText(body)).toBe(body);
    expect(toDiscordText(body)).toBe('~~line one~~\n\n~~line two~~');
  });
});

describe('emoji names', () => {
  test.each([
    ['👍', '+1'],
    ['❤️', 'heart'],
    ['❤', 'heart'],
    ['😂', 'joy'],
    ['🙏', 'pray'],
    ['🎉', 'tada'],
    ['👍🏽', '+1::skin-tone-4'],
    ['👋🏿', 'wave::skin-tone-6'],
    // Beyond the 153 names of the old hand-made table: Slack's whole list (iamcal's emoji-data).
    ['🫶', 'heart_hands'],
    ['🫶🏽', 'heart_hands::skin-tone-4'],
    ['🦩', 'flamingo'],
    ['🤝🏿', 'handshake::skin-tone-6'],
    ['💑🏽', 'couple_with_heart::skin-tone-4'], // two people, one tone: keyed 1F3FD-1F3FD in the data
    ['🏳️‍🌈', 'rainbow-flag'],
    ['🏳‍🌈', 'rainbow-flag'], // without VS16, as some keyboards send it
    ['#️⃣', 'hash'],
    ['🇩🇪', 'de'],
  ])('%s ⇄ %s', (emoji, name) => {
    expect(slackNameFromEmoji(emoji)).toBe(name);
    expect(emojiFromSlackName(name)?.replace(/\uFE0F/g, '')).toBe(emoji.replace(/\uFE0F/g, ''));
  });

  test('aliases read the same emoji; unknown names and emoji give nothing', () => {
    expect(emojiFromSlackName('thumbsup')).toBe('👍');
    expect(emojiFromSlackName('partyparrot')).toBeUndefined();
    expect(emojiFromSlackName('thumbsup::skin-tone-2')).toBe('👍🏻');
    expect(emojiFromSlackName('flag-de')).toBe('🇩🇪');
    expect(slackNameFromEmoji('🫍')).toBeUndefined(); // orca: Unicode 17, newer than the data
    expect(slackNameFromEmoji('🫱🏻‍🫲🏿')).toBeUndefined(); // two tones: Slack names one tone per emoji
    expect(slackNameFromEmoji('🎉🏽')).toBeUndefined(); // no such emoji: 🎉 has no skin tones
    expect(slackNameFromEmoji('hi')).toBeUndefined();
  });

  test('a tone on an emoji without skin tones, or out of Slack’s 2–6, reads the emoji itself', () => {
    expect(emojiFromSlackName('tada::skin-tone-3')).toBe('🎉');
    expect(emojiFromSlackName('+1::skin-tone-7')).toBe('👍');
  });

  test('replaceEmojiCodes leaves times and unknown codes alone', () => {
    expect(replaceEmojiCodes('at 12:30:45 :smile: :wave::skin-tone-2:')).toBe('at 12:30:45 😄 👋🏻');
    expect(replaceEmojiCodes(':heart_hands::skin-tone-3: :thumbsup::skin-tone-2: :flamingo: :partyparrot:')).toBe('🫶🏼 👍🏻 🦩 :partyparrot:');
  });
});

describe('media post text', () => {
  const photo = { kind: 'media', media: 'image', mediaId: '1', mimeType: 'image/jpeg', caption: 'Taj Mahal' } as const;
  test('a file’s post shows its caption, or what it is', () => {
    expect(mediaCaption(photo)).toBe('Taj Mahal');
    expect(mediaCaption({ kind: 'media', media: 'audio', mediaId: '2', voice: true })).toBe('🎤 Voice message');
    expect(mediaCaption({ kind: 'media', media: 'sticker', mediaId: '3' })).toBe('🏷️ Sticker');
  });
  test('context lines (forwarded, quote) stay above the caption', () => {
    expect(mediaPostBody('_↪ Forwarded_\n> earlier\n🖼️ Photo (image/jpeg)\nTaj Mahal', photo)).toBe('_↪ Forwarded_\n> earlier\nTaj Mahal');
  });
  test('snippet flattens and shortens', () => {
    expect(snippet('a\n  b')).toBe('a b');
    expect(snippet('x'.repeat(100))).toHaveLength(80);
  });
});
