/**
 * Files in Discord threads: a customer's file posted as an attachment (multipart `files[0]` + `payload_json`), and an
 * agent's attachment fetched from Discord's CDN (its URL is signed: no token needed).
 */
import type { APIMessage, REST } from 'discord.js';
import { Routes } from 'discord.js';
import type { ChatPost } from '../../src/domain/chat/adapter';
import { DeliveryError } from '../../src/domain/errors';
import type { AgentFile, FileStream } from '../../src/domain/media';
import { readAll, streamGet } from '../shared/streams';
import { clip, toDiscordText } from './format';
import { allowedMentions, authorLine, mentionPrefix } from './post-format';

/** Discord's attachment limit for a server without boosts (and for bots there). */
export const DISCORD_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a customer's file whole: @discordjs/rest needs the bytes as a buffer (it may resend them after a 429), so the
 * read is bounded by `maxFileBytes`.
 */
export async function readForUpload(file: FileStream, maxFileBytes: number): Promise<Buffer> {
  try {
    return await readAll(file.stream, maxFileBytes);
  } catch (err) {
    if ((err as { code?: string }).code !== 'TOO_LARGE')
      throw DeliveryError.retryable('discord', {
        code: 'network',
        meaning: `the file could not be read (${(err as Error).message})`,
        action: 'nothing: the bridge retries',
      });
    throw DeliveryError.permanent('discord', {
      code: 'too_large',
      meaning: `the file is larger than the ${Math.round(maxFileBytes / 1048576)} MB Discord takes from the bot`,
      action: 'ask the customer for a smaller file, or to share it another way',
    });
  }
}

/** Posts the file in the thread with the post (author line, caption) as its content. */
export async function postAttachment(rest: REST, threadId: string, post: ChatPost, file: FileStream, data: Buffer): Promise<{ messageId: string }> {
  const content = clip(`${mentionPrefix(post.mentionUserIds)}${authorLine(post.author)}${toDiscordText(post.body)}`);
  const body = { content, allowed_mentions: allowedMentions(post.mentionUserIds), attachments: [{ id: 0, filename: file.name }] };
  const message = (await rest.post(Routes.channelMessages(threadId), {
    body,
    files: [{ name: file.name, data, contentType: file.mimeType }],
  })) as APIMessage;
  return { messageId: message.id };
}

/** An agent's attachment: its CDN URL is signed, no token needed. */
export async function openAttachment(file: AgentFile): Promise<FileStream> {
  let res;
  try {
    res = await streamGet(file.url, {});
  } catch (err) {
    throw DeliveryError.retryable('discord', {
      code: 'network',
      meaning: `the download from Discord failed (${(err as Error).message})`,
      action: 'nothing: the bridge retries',
    });
  }
  if (res.status !== 200) {
    res.body.destroy();
    const explanation = {
      code: `download HTTP ${res.status}`,
      meaning: `Discord did not hand out “${file.name}” (HTTP ${res.status})`,
      action: 'nothing: the bridge retries',
    };
    if (res.status === 429 || res.status >= 500) throw DeliveryError.retryable('discord', explanation);
    throw DeliveryError.permanent('discord', { ...explanation, action: 'the attachment was deleted or its link expired: share it again' });
  }
  return { name: file.name, mimeType: file.mimeType || (res.headers.get('content-type') ?? ''), size: res.length, stream: res.body };
}
