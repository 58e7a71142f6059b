/** vi: why WhatsApp refuses a file an agent shared, and sizes (keys: ../en/media.ts). */
import type { Catalogue } from '../shape';

export const media: Pick<Catalogue, 'media'> = {
  media: {
    kinds: {
      image: 'hình ảnh (JPEG hoặc PNG)',
      video: 'video (MP4 hoặc 3GPP)',
      audio: 'âm thanh (AAC, AMR, MP3, M4A hoặc OGG/Opus)',
      document: 'tài liệu (PDF, văn bản, Word, Excel hoặc PowerPoint)',
      sticker: 'sticker (WebP)',
    },
    typeNotTaken: 'WhatsApp không nhận tệp {{mime}}. WhatsApp nhận {{accepted}}',
    tooBig: 'tệp có dung lượng {{size}}, trong khi WhatsApp chỉ nhận {{what}} tối đa {{limit}}',
    stickerLimit: '{{static}} (tĩnh) hoặc {{animated}} (động)',
    units: { mb: '{{n}} MB', kb: '{{n}} KB', bytes: '{{n}} byte' },
  },
};
