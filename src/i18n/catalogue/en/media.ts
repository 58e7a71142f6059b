/**
 * English: why WhatsApp refuses a file an agent shared (src/services/media-rules.ts, Meta's "Supported media types"),
 * shown in the thread before any call to Meta, and sizes as a person reads them.
 */
export const media = {
  media: {
    /** Each kind WhatsApp takes, as a refusal names it. */
    kinds: {
      image: 'images (JPEG or PNG)',
      video: 'videos (MP4 or 3GPP)',
      audio: 'audio (AAC, AMR, MP3, M4A or OGG/Opus)',
      document: 'documents (PDF, text, Word, Excel or PowerPoint)',
      sticker: 'stickers (WebP)',
    },
    typeNotTaken: 'WhatsApp does not take {{mime}} files. It takes {{accepted}}',
    tooBig: 'it is {{size}}, and WhatsApp takes {{what}} up to {{limit}}',
    stickerLimit: '{{static}} (static) or {{animated}} (animated)',
    /** 1 MB = 1024 × 1024 bytes; `n` is written as the language writes numbers. */
    units: { mb: '{{n}} MB', kb: '{{n}} KB', bytes: '{{n}} bytes' },
  },
} as const;
