/** What WhatsApp takes from agents (type and Meta's per-type size limits), how a message with files is split, file names. */
import type { AgentFile } from '../../../../src/domain/media';
import { classifyForWhatsApp, formatBytes, inboundFileName, isAnimatedWebp, normalizeMime, planAgentMessage } from '../../../../src/services/media-rules';
import { fileBytes } from '../../../support/media';

const KB = 1024;
const MB = 1024 * 1024;
const file = (name: string, mimeType: string, size: number): AgentFile => ({
  id: name,
  name,
  mimeType,
  size,
  url: `https://files.example/${name}`,
  auth: 'none',
});

describe('classifyForWhatsApp', () => {
  test.each([
    ['photo.jpg', 'image/jpeg', 5 * MB, 'image'],
    ['photo.png', 'image/png', 1000, 'image'],
    ['clip.mp4', 'video/mp4', 16 * MB, 'video'],
    ['clip.3gp', 'video/3gpp', 1000, 'video'],
    ['note.ogg', 'audio/ogg; codecs=opus', 16 * MB, 'audio'],
    ['song.mp3', 'audio/mpeg', 1000, 'audio'],
    ['memo.m4a', 'audio/x-m4a', 1000, 'audio'],
    ['invoice.pdf', 'application/pdf', 100 * MB, 'document'],
    ['sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 1000, 'document'],
    ['notes.txt', 'text/plain', 1000, 'document'],
    ['sticker.webp', 'image/webp', 500 * KB, 'sticker'],
  ])('%s (%s, %d bytes) is sent as %s', (name, mime, size, kind) => {
    expect(classifyForWhatsApp({ name, mimeType: mime, size })).toMatchObject({ ok: true, kind });
  });

  test.each([
    ['big.jpg', 'image/jpeg', 5 * MB + 1, 'it is 5 MB, and WhatsApp takes images (JPEG or PNG) up to 5 MB'],
    ['big.mp4', 'video/mp4', 17 * MB, 'it is 17 MB, and WhatsApp takes videos (MP4 or 3GPP) up to 16 MB'],
    ['big.ogg', 'audio/ogg', 20 * MB, 'it is 20 MB, and WhatsApp takes audio (AAC, AMR, MP3, M4A or OGG/Opus) up to 16 MB'],
    ['big.pdf', 'application/pdf', 101 * MB, 'it is 101 MB, and WhatsApp takes documents (PDF, text, Word, Excel or PowerPoint) up to 100 MB'],
    ['big.webp', 'image/webp', 501 * KB, 'it is 501 KB, and WhatsApp takes stickers (WebP) up to 100 KB (static) or 500 KB (animated)'],
  ])('%s is refused with the limit that applies', (name, mime, size, reason) => {
    expect(classifyForWhatsApp({ name, mimeType: mime, size })).toEqual({ ok: false, reason });
  });

  test('an unsupported type is refused with what WhatsApp does take', () => {
    const c = classifyForWhatsApp({ name: 'anim.gif', mimeType: 'image/gif', size: 1000 });
    expect(c).toEqual({ ok: false, reason: expect.stringMatching(/^WhatsApp does not take image\/gif files\. It takes images \(JPEG or PNG\), videos/) });
  });

  test.each([
    ['it', 'big.webp', 'image/webp', 501 * KB, 'il file è di 501 KB e WhatsApp accetta sticker (WebP) fino a 100 KB (statici) o 500 KB (animati)'],
    ['fr', 'big.ogg', 'audio/ogg', 20.5 * MB, 'le fichier fait 20,5 Mo, et WhatsApp accepte les fichiers audio (AAC, AMR, MP3, M4A ou OGG/Opus) jusqu’à 16 Mo'],
    ['vi', 'big.jpg', 'image/jpeg', 6 * MB, 'tệp có dung lượng 6 MB, trong khi WhatsApp chỉ nhận hình ảnh (JPEG hoặc PNG) tối đa 5 MB'],
    ['it', 'logs.zip', 'application/zip', 10, expect.stringMatching(/^WhatsApp non accetta file application\/zip\. Accetta immagini \(JPEG o PNG\), video/)],
  ] as const)('in %s: %s is refused in the agents’ language', (lang, name, mime, size, reason) => {
    expect(classifyForWhatsApp({ name, mimeType: mime, size }, lang)).toEqual({ ok: false, reason });
    expect(planAgentMessage('', [file(name, mime, size)], lang).refused).toEqual([{ file: file(name, mime, size), reason }]);
  });

  test('a missing or generic type is read from the extension', () => {
    expect(normalizeMime('application/octet-stream', 'Report.PDF')).toBe('application/pdf');
    expect(normalizeMime(undefined, 'x.mp3')).toBe('audio/mpeg');
    expect(normalizeMime('', 'no-extension')).toBe('application/octet-stream');
    expect(normalizeMime('image/JPG')).toBe('image/jpeg');
  });
});

describe('planAgentMessage', () => {
  test('every accepted file in order, the text as the first file’s caption', () => {
    const files = [file('a.jpg', 'image/jpeg', 10), file('b.pdf', 'application/pdf', 10), file('c.mp4', 'video/mp4', 10)];
    const plan = planAgentMessage('see these', files);
    expect(plan.text).toBeUndefined();
    expect(plan.files.map((f) => [f.file.name, f.kind, f.caption])).toEqual([
      ['a.jpg', 'image', 'see these'],
      ['b.pdf', 'document', undefined],
      ['c.mp4', 'video', undefined],
    ]);
  });

  test('the text goes first, on its own, when the first file takes no caption (audio, sticker)', () => {
    const plan = planAgentMessage('listen', [file('a.ogg', 'audio/ogg', 10), file('b.jpg', 'image/jpeg', 10)]);
    expect(plan.text).toBe('listen');
    expect(plan.files.map((f) => f.caption)).toEqual([undefined, undefined]);
  });

  test('a text over Meta’s 1024-character caption limit goes on its own', () => {
    const long = 'x'.repeat(1025);
    expect(planAgentMessage(long, [file('a.jpg', 'image/jpeg', 10)]).text).toBe(long);
    expect(planAgentMessage('x'.repeat(1024), [file('a.jpg', 'image/jpeg', 10)]).text).toBeUndefined();
  });

  test('refused files are listed and skipped; the caption moves to the first accepted file', () => {
    const plan = planAgentMessage('hi', [file('huge.png', 'image/png', 6 * MB), file('ok.png', 'image/png', 10)]);
    expect(plan.refused.map((r) => r.file.name)).toEqual(['huge.png']);
    expect(plan.files.map((f) => [f.file.name, f.caption])).toEqual([['ok.png', 'hi']]);
  });

  test('text only: no files, the text alone', () => {
    expect(planAgentMessage('hello', [])).toEqual({ text: 'hello', files: [], refused: [] });
  });
});

test('isAnimatedWebp reads the VP8X animation flag', () => {
  expect(isAnimatedWebp(fileBytes('webp-animated', 64))).toBe(true);
  expect(isAnimatedWebp(fileBytes('webp-static', 64))).toBe(false);
  expect(isAnimatedWebp(fileBytes('png', 64))).toBe(false);
});

test('inboundFileName: a document keeps its name; others get kind, time and extension', () => {
  const at = new Date('2025-04-11T04:08:16Z');
  expect(inboundFileName({ media: 'document', filename: 'receipt.pdf' }, 'application/pdf', at)).toBe('receipt.pdf');
  expect(inboundFileName({ media: 'document', filename: '../../etc/passwd' }, 'text/plain', at)).toBe('.._.._etc_passwd');
  expect(inboundFileName({ media: 'image' }, 'image/jpeg', at)).toBe('whatsapp-photo-20250411-040816.jpg');
  expect(inboundFileName({ media: 'audio', voice: true }, 'audio/ogg; codecs=opus', at)).toBe('whatsapp-voice-message-20250411-040816.ogg');
  expect(inboundFileName({ media: 'video' }, 'video/x-unknown', at)).toBe('whatsapp-video-20250411-040816.bin');
});

test('formatBytes', () => {
  expect(formatBytes(5 * MB)).toBe('5 MB');
  expect(formatBytes(5.25 * MB)).toBe('5.3 MB');
  expect(formatBytes(100 * KB)).toBe('100 KB');
  expect(formatBytes(900)).toBe('900 bytes');
  // In the agents' language: its decimal mark and units.
  expect(formatBytes(5.25 * MB, 'it')).toBe('5,3 MB');
  expect(formatBytes(100 * KB, 'fr')).toBe('100 Ko');
  expect(formatBytes(900, 'fr')).toBe('900 octets');
});
