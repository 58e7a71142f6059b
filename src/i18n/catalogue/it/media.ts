/** it: why WhatsApp refuses a file an agent shared, and sizes (keys: ../en/media.ts). */
import type { Catalogue } from '../shape';

export const media: Pick<Catalogue, 'media'> = {
  media: {
    kinds: {
      image: 'immagini (JPEG o PNG)',
      video: 'video (MP4 o 3GPP)',
      audio: 'file audio (AAC, AMR, MP3, M4A o OGG/Opus)',
      document: 'documenti (PDF, testo, Word, Excel o PowerPoint)',
      sticker: 'sticker (WebP)',
    },
    typeNotTaken: 'WhatsApp non accetta file {{mime}}. Accetta {{accepted}}',
    tooBig: 'il file è di {{size}} e WhatsApp accetta {{what}} fino a {{limit}}',
    stickerLimit: '{{static}} (statici) o {{animated}} (animati)',
    units: { mb: '{{n}} MB', kb: '{{n}} KB', bytes: '{{n}} byte' },
  },
};
