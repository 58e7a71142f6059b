/**
 * A customer's file: fetched from WhatsApp and streamed into the thread with its caption, never held whole. A file
 * the platform cannot take, or WhatsApp no longer has, is posted as the message's text with a notice saying why.
 */
import { hasFiles, type ChatAdapter, type ChatPost, type ThreadRef } from '../../../../domain/chat';
import type { MessageContent } from '../../../../domain/content';
import { DeliveryError } from '../../../../domain/errors';
import type { FileStream } from '../../../../domain/media';
import type { MessageRecord } from '../../../../domain/records';
import { t } from '../../../../i18n';
import { formatBytes, inboundFileName } from '../../../media-rules';
import { fileNotice, PLATFORM_NAME } from '../../../present/notices';
import { mediaPostBody } from '../../../render';
import type { HandlerContext } from './context';

type Media = Extract<MessageContent, { kind: 'media' }>;

export async function postCustomerFile(
  ctx: HandlerContext,
  chat: ChatAdapter,
  thread: ThreadRef,
  message: MessageRecord,
  post: ChatPost,
): Promise<{ messageId: string }> {
  const c = message.content as Media;
  if (!c.mediaId || !hasFiles(chat)) return chat.postInThread(thread, post);
  const withNotice = (notice: string) => chat.postInThread(thread, { ...post, body: `${post.body}\n${notice}` });
  const conversation = await ctx.store.getConversation(message.conversationId);
  const account = ctx.account(conversation?.accountId ?? message.conversationId.split(':')[0]!);
  const lang = ctx.accounts.language(account);

  let file: FileStream;
  try {
    file = await ctx.media.download(account, c.mediaId, { mimeType: c.mimeType, filename: c.filename });
  } catch (err) {
    if (err instanceof DeliveryError && err.kind === 'permanent') return withNotice(fileNotice(err.explanation, lang)); // needs_person: parked, the file kept
    throw err;
  }
  file = { ...file, name: inboundFileName(c, file.mimeType || c.mimeType || '', message.createdAt) };
  const limit = chat.maxFileBytes;
  if (limit !== undefined && file.size !== undefined && file.size > limit) {
    file.stream.destroy();
    const name = PLATFORM_NAME[chat.platform];
    return withNotice(
      fileNotice(
        {
          code: 'too_large',
          meaning: t(lang, 'notices.fileTooLarge', { size: formatBytes(file.size), platform: name, limit: formatBytes(limit) }),
          action: t(lang, 'notices.fileTooLargeAction'),
        },
        lang,
      ),
    );
  }
  try {
    return await chat.postFile(thread, { ...post, body: mediaPostBody(post.body, c, lang) }, file);
  } catch (err) {
    file.stream.destroy();
    if (err instanceof DeliveryError && err.kind === 'permanent') return withNotice(fileNotice(err.explanation, lang)); // needs_person: parked, the file kept
    throw err;
  }
}
