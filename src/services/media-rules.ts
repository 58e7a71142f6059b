/**
 * What WhatsApp accepts from the business (Meta's "Supported media types", shared notes §7), file names and sizes
 * in plain words, and how an agent's message with files becomes WhatsApp sends. Pure functions.
 */
import type { MediaKind } from '../domain/content';
import type { AgentFile } from '../domain/media';
import { DEFAULT_LANGUAGE, formatNumber, t, type Language } from '../i18n';

export const KB = 1024;
export const MB = 1024 * 1024;

/** Meta's caption limit for image, video and document messages. */
export const CAPTION_MAX = 1024;
/** Kinds that carry a caption (audio and stickers do not). */
const CAPTIONED = new Set<MediaKind>(['image', 'video', 'document']);

interface Rule {
  kind: MediaKind;
  maxBytes: number;
  mimes: string[];
}

/** Static stickers: 100 KB; animated ones 500 KB (the larger limit applies until the file shows it is static). */
export const STICKER_STATIC_MAX = 100 * KB;
const STICKER_ANIMATED_MAX = 500 * KB;

const RULES: Rule[] = [
  // How each kind reads in a refusal: the catalogue's `media.kinds.<kind>` (src/i18n/catalogue/<language>/media.ts).
  { kind: 'image', maxBytes: 5 * MB, mimes: ['image/jpeg', 'image/png'] },
  { kind: 'video', maxBytes: 16 * MB, mimes: ['video/mp4', 'video/3gpp'] },
  { kind: 'audio', maxBytes: 16 * MB, mimes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'] },
  {
    kind: 'document',
    maxBytes: 100 * MB,
    mimes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
  { kind: 'sticker', maxBytes: STICKER_ANIMATED_MAX, mimes: ['image/webp'] },
];

/** Other names platforms use for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-aac': 'audio/aac',
  'audio/opus': 'audio/ogg',
  'video/3gp': 'video/3gpp',
};

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mov: 'video/quicktime',
  aac: 'audio/aac',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const EXTENSION_OF: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/** `audio/ogg; codecs=opus` → `audio/ogg`; a missing or generic type is read from the file name's extension. */
export function normalizeMime(mimeType: string | undefined, fileName?: string): string {
  const base = (mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  if (base && base !== 'application/octet-stream' && base !== 'binary/octet-stream') return ALIASES[base] ?? base;
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (ext && BY_EXTENSION[ext]) || base || 'application/octet-stream';
}

export function extensionFor(mimeType: string): string {
  return EXTENSION_OF[normalizeMime(mimeType)] ?? 'bin';
}

/** 5 MB, 16 MB, 100 KB … (1 MB = 1024 × 1024 bytes), as a person reads it in `lang` (`5,3 MB`, `100 Ko`). */
export function formatBytes(n: number, lang: Language = DEFAULT_LANGUAGE): string {
  if (n >= MB) return t(lang, 'media.units.mb', { n: formatNumber(lang, Number((n / MB).toFixed(1))) });
  if (n >= KB) return t(lang, 'media.units.kb', { n: formatNumber(lang, Math.round(n / KB)) });
  return t(lang, 'media.units.bytes', { n: formatNumber(lang, n) });
}

export type Classified = { ok: true; kind: MediaKind; mimeType: string } | { ok: false; reason: string };

/** Whether WhatsApp takes this file, and as what; the refusal names the limit that applies, in the agents' `lang`. */
export function classifyForWhatsApp(file: { name: string; mimeType: string; size: number }, lang: Language = DEFAULT_LANGUAGE): Classified {
  const mimeType = normalizeMime(file.mimeType, file.name);
  const rule = RULES.find((r) => r.mimes.includes(mimeType));
  if (!rule) {
    const accepted = RULES.map((r) => t(lang, `media.kinds.${r.kind}`)).join(', ');
    return { ok: false, reason: t(lang, 'media.typeNotTaken', { mime: mimeType, accepted }) };
  }
  if (file.size > rule.maxBytes) {
    const limit =
      rule.kind === 'sticker'
        ? t(lang, 'media.stickerLimit', { static: formatBytes(STICKER_STATIC_MAX, lang), animated: formatBytes(rule.maxBytes, lang) })
        : formatBytes(rule.maxBytes, lang);
    return { ok: false, reason: t(lang, 'media.tooBig', { size: formatBytes(file.size, lang), what: t(lang, `media.kinds.${rule.kind}`), limit }) };
  }
  return { ok: true, kind: rule.kind, mimeType };
}

/** A WebP file's header says whether it is animated (VP8X chunk, animation flag): only then may a sticker exceed 100 KB. */
export function isAnimatedWebp(head: Buffer): boolean {
  return head.length >= 21 && head.toString('ascii', 0, 4) === 'RIFF' && head.toString('ascii', 8, 16) === 'WEBPVP8X' && (head[20]! & 0x02) !== 0;
}

export interface FileSend {
  file: AgentFile;
  kind: MediaKind;
  mimeType: string;
  caption?: string;
}

export interface AgentMessagePlan {
  /** Sent as a text message before the files (when it cannot ride as the first file's caption). */
  text?: string;
  /** Every accepted file, in the order the agent attached them. */
  files: FileSend[];
  /** Files WhatsApp cannot take, with why (in the agents' language): refused before any call to Meta. */
  refused: { file: AgentFile; reason: string }[];
}

/**
 * An agent's message with files: every file WhatsApp takes is sent, in order. The text goes as the caption of the
 * first file when that file carries captions (image, video, document) and the text fits Meta's 1024 characters;
 * otherwise it is sent first, as a text message of its own.
 */
export function planAgentMessage(text: string, files: AgentFile[], lang: Language = DEFAULT_LANGUAGE): AgentMessagePlan {
  const plan: AgentMessagePlan = { files: [], refused: [] };
  for (const file of files) {
    const c = classifyForWhatsApp(file, lang);
    if (c.ok) plan.files.push({ file, kind: c.kind, mimeType: c.mimeType });
    else plan.refused.push({ file, reason: c.reason });
  }
  if (!text) return plan;
  const first = plan.files[0];
  if (first && CAPTIONED.has(first.kind) && text.length <= CAPTION_MAX) first.caption = text;
  else plan.text = text;
  return plan;
}

const KIND_WORD: Record<MediaKind, string> = { image: 'photo', video: 'video', audio: 'audio', document: 'document', sticker: 'sticker' };

/** A customer's file as it is named in the thread: a document keeps its name; others get kind, date and extension. */
export function inboundFileName(media: { media: MediaKind; filename?: string; voice?: boolean }, mimeType: string, sentAt: Date): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry.
  const given = media.filename?.replace(/[\\/\u0000-\u001f]+/g, '_').trim();
  if (given) return given;
  const word = media.media === 'audio' && media.voice ? 'voice-message' : KIND_WORD[media.media];
  const stamp = sentAt.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `whatsapp-${word}-${stamp}.${extensionFor(mimeType)}`;
}
