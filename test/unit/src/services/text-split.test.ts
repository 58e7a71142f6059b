/** The splitter behind every length limit (WhatsApp 4,096; each chat platform's own): where it cuts, and what it never does. */
import { markupSpans, splitText, SplitImpossible } from '../../../../src/services/text-split';

/** Only the whitespace at a cut is dropped: without any whitespace, the parts joined are the text. */
const squash = (s: string) => s.replace(/\s+/g, '');
const isLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function checkParts(text: string, parts: string[], max: number) {
  for (const p of parts) {
    expect(p.length).toBeGreaterThan(0);
    expect(p.length).toBeLessThanOrEqual(max);
    expect(p.trim()).not.toBe('');
    expect(isLoneSurrogate(p)).toBe(false);
  }
  expect(squash(parts.join(' '))).toBe(squash(text));
}

describe('splitText', () => {
  test('an empty text has no parts; a text that fits is one part, untouched (even its outer whitespace)', () => {
    expect(splitText('', { max: 10 })).toEqual([]);
    expect(splitText(' hello\n', { max: 10 })).toEqual([' hello\n']);
  });

  test('exact limits: max characters is one part, max + 1 is two', () => {
    const a = 'x'.repeat(4096);
    expect(splitText(a, { max: 4096 })).toEqual([a]);
    const b = `${'x'.repeat(4000)} ${'y'.repeat(96)}`;
    expect(b.length).toBe(4097);
    expect(splitText(b, { max: 4096 })).toEqual(['x'.repeat(4000), 'y'.repeat(96)]);
    // No boundary at all: cut at exactly max.
    expect(splitText('z'.repeat(4097), { max: 4096 })).toEqual(['z'.repeat(4096), 'z']);
  });

  test('a paragraph break is preferred over a later line break, sentence or space', () => {
    const p1 = 'First paragraph line one.\nLine two of it.';
    const p2 = 'Second one. Short words';
    const text = `${p1}\n\n${p2}`;
    expect(splitText(text, { max: text.length - 5 })).toEqual([p1, p2]);
  });

  test('then a line break, then a sentence end, then a space', () => {
    expect(splitText('aaaa bbbb\ncccc dddd eeee', { max: 20 })).toEqual(['aaaa bbbb', 'cccc dddd eeee']);
    expect(splitText('One two three. Four five six seven', { max: 22 })).toEqual(['One two three.', 'Four five six seven']);
    expect(splitText('alpha beta gamma delta', { max: 12 })).toEqual(['alpha beta', 'gamma delta']);
  });

  test('a boundary leaving the part less than half full is passed over for a lower-ranked one', () => {
    // The paragraph break is at 3 of 40: a sentence end near the limit is better than a 3-character message.
    const text = `Hi.\n\n${'word '.repeat(7)}End here. ${'more '.repeat(6)}`;
    const parts = splitText(text, { max: 40 });
    expect(parts[0]!.startsWith('Hi.\n\nword')).toBe(true);
    checkParts(text, parts, 40);
  });

  test('never splits a surrogate pair, an emoji sequence or a flag', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 code units, one grapheme
    const text = `${'😀'.repeat(3000)}${family.repeat(300)}🇫🇷🇫🇷`;
    const parts = splitText(text, { max: 4095 });
    checkParts(text, parts, 4095);
    expect(parts.join('')).toBe(text);
    for (const p of parts) {
      // Every part is whole graphemes: a family never loses a member at a cut.
      expect(p.replace(/😀|👨‍👩‍👧‍👦|🇫🇷/gu, '')).toBe('');
    }
    // An odd limit falls in the middle of a pair: the cut moves before it.
    expect(splitText('😀😀😀', { max: 3 })).toEqual(['😀', '😀', '😀']);
  });

  test('scripts without spaces are cut between words, not inside one', () => {
    const text = '今日は良い天気ですね'.repeat(50);
    const parts = splitText(text, { max: 64 });
    checkParts(text, parts, 64);
    expect(parts.join('')).toBe(text);
  });

  test('a space inside *bold*, _italic_, ~strike~ or `code` is used only when no other fits', () => {
    const bold = `*${'bold words '.repeat(3).trim()}*`; // 33 characters
    const text = `intro words ${bold} tail`;
    const parts = splitText(text, { max: text.length - 3 });
    expect(parts).toEqual([`intro words ${bold}`, 'tail']);
    const before = splitText(`some ${bold} more`, { max: 36 });
    expect(before).toEqual(['some', bold, 'more']);
    // A span longer than the limit must be cut inside.
    const long = `*${'x '.repeat(40).trim()}*`;
    checkParts(long, splitText(long, { max: 30 }), 30);
  });

  test('a fenced ``` block is kept whole when a boundary outside it fits, even a lower-ranked one', () => {
    const fence = '```\nline one\n\nline two\n```';
    const text = `Look at this code: ${fence}`;
    expect(splitText(text, { max: fence.length + 2 })).toEqual(['Look at this code:', fence]);
  });

  test('markupSpans finds WhatsApp emphasis but not snake_case or 2*3*4', () => {
    const t = 'a *b c* snake_case_name 2*3*4 ~gone~ `x y` ```\nz\n```';
    const spans = markupSpans(t).map(([s, e]) => t.slice(s, e));
    expect(spans).toEqual(['*b c*', '~gone~', '`x y`', '```\nz\n```']);
  });

  test('a 40,000-character reply becomes 10 WhatsApp messages of at most 4,096, in order, nothing lost', () => {
    const paragraph = 'Thanks for your order. Here is what happens next, step by step, so you know what to expect.';
    const body = Array.from({ length: 440 }, (_, i) => `${i + 1}. ${paragraph}${(i + 1) % 5 ? '\n' : '\n\n'}`)
      .join('')
      .slice(0, 40_000);
    const parts = splitText(body, { max: 4096 });
    checkParts(body, parts, 4096);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.length).toBeLessThanOrEqual(11);
    // Each part but the last ends at a paragraph (every fifth item).
    for (const p of parts.slice(0, -1)) expect(p).toMatch(/next, step by step, so you know what to expect\.$/);
  });

  test('`measure` counts as the platform does (escaping, an author line), and `max` may differ per part', () => {
    const text = 'a & b & c & d & e & f & g & h';
    const measure = (s: string) => s.replace(/&/g, '&amp;').length;
    const parts = splitText(text, { max: 20, measure });
    for (const p of parts) expect(measure(p)).toBeLessThanOrEqual(20);
    expect(parts.join(' ')).toBe(text);
    const firstRoom = splitText('one two three four five six', { max: (i) => (i === 0 ? 8 : 100) });
    expect(firstRoom).toEqual(['one two', 'three four five six']);
  });

  test('no empty or whitespace-only parts, even from runs of blank lines and spaces', () => {
    const text = `${' '.repeat(50)}start\n\n\n\n${' \n'.repeat(40)}end${'\n'.repeat(30)}more`;
    const parts = splitText(text, { max: 20 });
    for (const p of parts) expect(p.trim()).not.toBe('');
    expect(parts.join(' ').split(/\s+/).filter(Boolean)).toEqual(['start', 'end', 'more']);
  });

  test('when not even one character fits (the platform adds more than the limit), it says so', () => {
    expect(() => splitText('hello world', { max: 5, measure: (s) => s.length + 10 })).toThrow(SplitImpossible);
  });

  test('a 3.5 MB text splits in bounded time into parts that each fit', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur *adipiscing* elit. '.repeat(60_000);
    const parts = splitText(text, { max: 40_000 });
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(text.length / 40_000));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(40_000);
    expect(parts.join(' ')).toBe(text);
  });
});
