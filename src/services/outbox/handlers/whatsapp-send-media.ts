/**
 * `whatsapp.send_media`: one file an agent shared, fetched from the chat platform, checked, streamed to Meta (never
 * held whole) and sent as its WhatsApp kind; its wamid recorded (inbound/status.ts).
 */
import { hasFiles } from '../../../domain/chat';
import { DeliveryError } from '../../../domain/errors';
import type { FileStream } from '../../../domain/media';
import type { JobPayloads } from '../../../domain/records';
import { classifyForWhatsApp, formatBytes, isAnimatedWebp, normalizeMime, STICKER_STATIC_MAX } from '../../media-rules';
import { PLATFORM_NAME } from '../../present/notices';
import { outboxFailure } from '../failures';
import type { HandlerContext, JobHandler } from './support/context';
import { peekHead } from './support/peek';
import { sendFailed } from './support/send-failed';

type Payload = JobPayloads['whatsapp.send_media'];

export function whatsappSendMediaHandler(ctx: HandlerContext): JobHandler<'whatsapp.send_media'> {
  return { run: (p) => sendFile(ctx, p), failed: (p, e) => sendFailed(ctx, p.messageId, e) };
}

async function sendFile(ctx: HandlerContext, p: Payload): Promise<void> {
  const message = await ctx.store.getMessage(p.messageId);
  if (!message || message.wamid) return; // sent before a crash
  const account = ctx.account(p.accountId);
  let mediaId = message.file?.mediaId;
  if (!mediaId) {
    const chat = ctx.chat(p.platform);
    if (!hasFiles(chat))
      throw DeliveryError.permanent(
        p.platform,
        outboxFailure('no_files', 'noFiles', { meaning: `the ${PLATFORM_NAME[p.platform]} side cannot fetch files`, detail: PLATFORM_NAME[p.platform] }),
      );
    const file = await checkedForWhatsApp(await chat.openFile(p.file), p);
    mediaId = await ctx.media.upload(account, file);
    // A retry of the send (rate limit) reuses the upload: Meta keeps uploaded media 30 days.
    await ctx.store.updateMessage(p.messageId, {
      file: { name: p.file.name, mimeType: file.mimeType, size: file.size ?? p.file.size, kind: p.kind, mediaId },
    });
  }
  const wamid = await ctx.media.sendMedia(account, p.to, {
    kind: p.kind,
    mediaId,
    caption: p.caption,
    filename: p.kind === 'document' ? p.file.name : undefined,
  });
  await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, ctx.now()));
}

/**
 * The checks that need the file itself, still before any call to Meta: its real size (the platform may have
 * said less), and whether a WebP over 100 KB is animated (only animated stickers may be that large).
 */
async function checkedForWhatsApp(opened: FileStream, p: Payload): Promise<FileStream> {
  let file: FileStream = { ...opened, name: p.file.name, mimeType: normalizeMime(p.file.mimeType, p.file.name) };
  // The download's Content-Length when there is one (the upload's length must be exact), else what the platform said.
  const size = file.size ?? p.file.size;
  // Other languages name the file with the rule's words (English: media-rules.ts), or the sizes (a static sticker).
  const refuse = (reason: string, key: 'notAccepted' | 'staticSticker', detail: string): never => {
    file.stream.destroy();
    throw DeliveryError.permanent('whatsapp', outboxFailure('not_accepted', key, { meaning: `“${p.file.name}” was not sent: ${reason}`, detail }));
  };
  const c = classifyForWhatsApp({ name: p.file.name, mimeType: file.mimeType, size });
  if (!c.ok) refuse(c.reason, 'notAccepted', `“${p.file.name}”: ${c.reason}`);
  if (p.kind === 'sticker' && size > STICKER_STATIC_MAX) {
    const peeked = await peekHead(file, 32);
    file = peeked.file;
    if (!isAnimatedWebp(peeked.head))
      refuse(
        `it is a static sticker of ${formatBytes(size)}, and WhatsApp takes static stickers up to ${formatBytes(STICKER_STATIC_MAX)}`,
        'staticSticker',
        `“${p.file.name}”: ${formatBytes(size)}; WhatsApp ≤ ${formatBytes(STICKER_STATIC_MAX)}`,
      );
  }
  return file;
}
