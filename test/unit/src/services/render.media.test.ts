/** How a file's post reads: caption, context lines, snippets. */
import { mediaCaption, mediaPostBody, snippet } from '../../../../src/services/render';

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
