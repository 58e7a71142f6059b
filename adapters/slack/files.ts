/**
 * Files in Slack threads (shared notes §3): a customer's file is uploaded with the three steps of files.uploadV2
 * (`files.getUploadURLExternal` with the length → the bytes POSTed to the upload URL, streamed → `files.completeUploadExternal`
 * into the thread with the caption as `initial_comment`); an agent's file is fetched from `url_private_download`
 * with the bot token. The WebClient's own filesUploadV2 reads a stream whole into memory, hence the steps here.
 */
import { Readable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { DeliveryError } from '../../src/domain/errors';
import type { AgentFile, FileStream } from '../../src/domain/media';
import type { ThreadRef } from '../../src/domain/chat/adapter';
import { multipartBody, readAll, streamGet, streamPost } from '../shared/streams';

/** Slack's own limit for one file. */
export const SLACK_MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** The fields of a Slack file object the bridge reads (events, files.info, files.completeUploadExternal). */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  mode?: string;
  file_access?: string;
  shares?: Partial<Record<'public' | 'private', Record<string, Array<{ ts?: string; thread_ts?: string }>>>>;
}

const network = (err: unknown, what: string) =>
  DeliveryError.retryable('slack', { code: 'network', meaning: `${what} failed (${(err as Error).message})`, action: 'nothing: the bridge retries' });

/** The ts of the message that shares the file in the thread, when Slack has recorded the share yet. */
export function shareTs(file: SlackFile | undefined, thread: ThreadRef): string | undefined {
  const shares = [...Object.values(file?.shares?.public?.[thread.channelId] ?? {}), ...Object.values(file?.shares?.private?.[thread.channelId] ?? {})];
  return (shares.find((s) => s.thread_ts === thread.threadId) ?? shares[0])?.ts;
}

/** Streams a file into a thread; resolves to the file id and the completion's file object. */
export async function uploadToThread(
  client: WebClient,
  token: string,
  thread: ThreadRef,
  file: FileStream,
  comment: string,
  idleMs?: number,
): Promise<{ fileId: string; completed?: SlackFile }> {
  let { stream, size } = file;
  if (size === undefined) {
    // Slack needs the length up front; a source that did not say is read first (WhatsApp always says: file_size).
    const bytes = await readAll(stream, SLACK_MAX_FILE_BYTES);
    size = bytes.length;
    stream = Readable.from([bytes]);
  }
  const url = await client.files.getUploadURLExternal({ filename: file.name, length: size });
  if (!url.upload_url || !url.file_id)
    throw DeliveryError.retryable('slack', { code: 'no_upload_url', meaning: 'Slack gave no upload URL', action: 'nothing: the bridge retries' });
  const form = multipartBody([{ name: 'body', filename: file.name, contentType: file.mimeType, stream, size }]);
  let res;
  try {
    res = await streamPost(url.upload_url, { authorization: `Bearer ${token}`, 'content-type': form.contentType }, form.body, { length: form.length, idleMs });
  } catch (err) {
    throw network(err, 'the upload to Slack');
  }
  if (res.status !== 200) {
    const explanation = {
      code: `upload HTTP ${res.status}`,
      meaning: `Slack refused the file upload (HTTP ${res.status})`,
      action: 'nothing: the bridge retries',
    };
    if (res.status === 429 || res.status >= 500) throw DeliveryError.retryable('slack', explanation);
    throw DeliveryError.permanent('slack', {
      ...explanation,
      action: res.status === 413 ? 'the file is too large for Slack' : 'check the Slack app’s files:write scope',
    });
  }
  const done = await client.files.completeUploadExternal({
    files: [{ id: url.file_id, title: file.name }],
    channel_id: thread.channelId,
    thread_ts: thread.threadId,
    initial_comment: comment,
  });
  return { fileId: url.file_id, completed: (done.files as SlackFile[] | undefined)?.[0] };
}

/** Opens an agent's file (`url_private_download`, bot token). Without files:read Slack answers with its sign-in page. */
export async function openSlackFile(token: string, file: AgentFile, idleMs?: number): Promise<FileStream> {
  let res;
  try {
    res = await streamGet(file.url, { authorization: `Bearer ${token}` }, { redirect: 'manual', idleMs });
  } catch (err) {
    throw network(err, 'the download from Slack');
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || /text\/html/i.test(type)) {
    res.body.destroy();
    const explanation = {
      code: `download HTTP ${res.status}`,
      meaning: `Slack did not hand out “${file.name}” (HTTP ${res.status})`,
      action: 'nothing: the bridge retries',
    };
    if (res.status === 429 || res.status >= 500) throw DeliveryError.retryable('slack', explanation);
    throw DeliveryError.permanent('slack', {
      ...explanation,
      action:
        res.status === 404
          ? 'the file was deleted in Slack: share it again'
          : 'give the Slack app the files:read scope (docker/slack-app-manifest.yml) and reinstall it',
    });
  }
  // Only the Content-Length is exact enough for an upload's length; without it the upload is chunked.
  return { name: file.name, mimeType: file.mimeType || type, size: res.length, stream: res.body };
}

/** A Slack file object as the core's description of an agent's file; undefined when it cannot be fetched. */
export function agentFileOf(f: SlackFile): AgentFile | undefined {
  const url = f.url_private_download ?? f.url_private;
  if (!f.id || !url) return undefined;
  return { id: f.id, name: f.name ?? f.title ?? f.id, mimeType: f.mimetype ?? '', size: f.size ?? 0, url, auth: 'bot-token' };
}
