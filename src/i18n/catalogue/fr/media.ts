/** fr: why WhatsApp refuses a file an agent shared, and sizes (keys: ../en/media.ts). */
import type { Catalogue } from '../shape';

export const media: Pick<Catalogue, 'media'> = {
  media: {
    kinds: {
      image: 'images (JPEG ou PNG)',
      video: 'vidéos (MP4 ou 3GPP)',
      audio: 'fichiers audio (AAC, AMR, MP3, M4A ou OGG/Opus)',
      document: 'documents (PDF, texte, Word, Excel ou PowerPoint)',
      sticker: 'stickers (WebP)',
    },
    typeNotTaken: 'WhatsApp n’accepte pas les fichiers {{mime}}. Il accepte : {{accepted}}',
    tooBig: 'le fichier fait {{size}}, et WhatsApp accepte les {{what}} jusqu’à {{limit}}',
    stickerLimit: '{{static}} (statiques) ou {{animated}} (animés)',
    units: { mb: '{{n}} Mo', kb: '{{n}} Ko', bytes: '{{n}} octets' },
  },
};
