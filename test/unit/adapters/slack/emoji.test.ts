/** Emoji names for reactions, and emoji codes in agents' text. */
import { emojiFromSlackName, replaceEmojiCodes, slackNameFromEmoji } from '../../../../adapters/slack/emoji';

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
