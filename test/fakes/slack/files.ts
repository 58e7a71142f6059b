/**
 * Files: the external upload flow (files.getUploadURLExternal → POST to the upload URL →
 * files.completeUploadExternal, which shares into a channel by posting a message), files.info, and the
 * `url_private(_download)` endpoint that serves the bytes only with the bot token (Slack's file object and
 * "Uploading files" docs).
 */
import type http from 'node:http';
import type { SlackState } from './state';
import { TS_BASE_SECONDS, type ApiResult, type Args, type MethodHandler, type SlackFileObject, type StoredFile } from './types';
import { fail, parseMultipart, sendText } from './wire';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp4: 'video/mp4',
};

export function fileMethods(s: SlackState): Record<string, MethodHandler> {
  return {
    'files.getUploadURLExternal': (a) => filesGetUploadUrlExternal(s, a),
    'files.completeUploadExternal': (a) => filesCompleteUploadExternal(s, a),
    'files.info': (a) => filesInfo(s, a),
  };
}

function filesGetUploadUrlExternal(s: SlackState, a: Args): ApiResult {
  if (!a.filename || !Number(a.length)) return fail('missing_argument');
  const file = createFile(s, String(a.filename), s.id.botUserId);
  file.altText = a.alt_text ?? a.alt_txt;
  return { ok: true, upload_url: `${s.baseUrl()}/upload/v1/${file.id}`, file_id: file.id };
}

/** files.info: `{ok, file}` with url_private(_download) on this fake; `file_not_found` otherwise. */
function filesInfo(s: SlackState, a: Args): ApiResult {
  const file = s.filesById.get(String(a.file ?? ''));
  return file?.completed ? { ok: true, file: fileObject(s, file) } : fail('file_not_found');
}

function filesCompleteUploadExternal(s: SlackState, a: Args): ApiResult {
  if (!Array.isArray(a.files) || a.files.length === 0) return fail('invalid_arguments');
  if (a.channel_id && s.strictChannels && !s.channels.has(a.channel_id)) return fail('invalid_channel');
  const files = a.files.map((f: Args) => s.filesById.get(f?.id));
  if (files.some((f: StoredFile | undefined) => !f?.content)) return fail('file_not_found');
  for (const [i, file] of (files as StoredFile[]).entries()) {
    file.title = a.files[i].title ?? file.name;
    file.completed = true;
    if (a.channel_id) file.shares.push(a.channel_id);
  }
  const objects = (files as StoredFile[]).map((f) => fileObject(s, f));
  if (a.channel_id) storeFileShare(s, a, objects);
  return { ok: true, files: objects };
}

/** Sharing into a channel posts a message carrying the files, like Slack does. */
function storeFileShare(s: SlackState, a: Args, files: SlackFileObject[]): void {
  const parent = a.thread_ts ? s.findMessage(a.channel_id, String(a.thread_ts)) : undefined;
  const ts = s.nextTs();
  for (const f of files) s.filesById.get(f.id)?.shareMessages.push({ channel: a.channel_id, ts, ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}) });
  s.channelMessages(a.channel_id).push({
    type: 'message',
    channel: a.channel_id,
    ts,
    text: a.initial_comment ?? '',
    user: s.id.botUserId,
    bot_id: s.id.botId,
    app_id: s.id.appId,
    files,
    upload: true,
    ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
    ...(parent?.user ? { parent_user_id: parent.user } : {}),
  });
}

// ---------------------------------------------------------------- non-API endpoints

/** The upload URL takes the bytes in a multipart part named `body` (or a raw body) and answers "OK - <length>". */
export function onUpload(s: SlackState, fileId: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  const file = s.filesById.get(fileId);
  if (!file || file.completed) return sendText(res, 404, 'Not Found');
  const contentType = req.headers['content-type'] ?? '';
  const part = contentType.startsWith('multipart/form-data') ? parseMultipart(contentType, body).find((p) => p.name === 'body') : undefined;
  file.content = part ? part.data : body;
  if (part?.contentType && file.mimetype === 'application/octet-stream') file.mimetype = part.contentType;
  sendText(res, 200, `OK - ${file.content.length}`);
}

/** Private file URLs need the bot token; without it Slack redirects to its login page. */
export function onFileDownload(s: SlackState, url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  const match = /^\/files-pri\/[^/]+-(F[^/]+)\//.exec(url.pathname);
  const file = match ? s.filesById.get(match[1] as string) : undefined;
  if (req.headers.authorization !== `Bearer ${s.id.botToken}`) {
    res.writeHead(302, { Location: `${s.baseUrl()}/signin?redir=${encodeURIComponent(url.pathname)}` });
    res.end();
    return;
  }
  if (!file?.content) return sendText(res, 404, 'Not Found');
  res.writeHead(200, { 'Content-Type': file.mimetype, 'Content-Length': file.content.length });
  res.end(file.content);
}

// ---------------------------------------------------------------- stored file ⇄ Slack file object

export function createFile(s: SlackState, name: string, user: string, mimetype?: string): StoredFile {
  const file: StoredFile = {
    id: s.nextId('F'),
    name,
    title: name,
    mimetype: mimetype ?? mimeFor(name),
    user,
    created: TS_BASE_SECONDS + s.tsSeq,
    completed: false,
    shares: [],
    shareMessages: [],
  };
  s.filesById.set(file.id, file);
  return file;
}

export function fileObject(s: SlackState, f: StoredFile): SlackFileObject {
  const base = `${s.baseUrl()}/files-pri/${s.id.teamId}-${f.id}`;
  const encodedName = encodeURIComponent(f.name);
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title,
    mimetype: f.mimetype,
    filetype: extensionOf(f.name),
    user: f.user,
    size: f.content?.length ?? 0,
    mode: 'hosted',
    is_external: false,
    is_public: f.shares.length > 0,
    url_private: `${base}/${encodedName}`,
    url_private_download: `${base}/download/${encodedName}`,
    permalink: `https://fake-workspace.slack.com/files/${f.user}/${f.id}/${encodedName}`,
    ...(f.shareMessages.length ? { shares: { public: sharesByChannel(s, f) } } : {}),
  };
}

function sharesByChannel(s: SlackState, f: StoredFile): Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>> {
  const byChannel: Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>> = {};
  for (const m of f.shareMessages) {
    const name = s.channels.get(m.channel)?.name ?? m.channel.toLowerCase();
    (byChannel[m.channel] ??= []).push({ ts: m.ts, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), channel_name: name, team_id: s.id.teamId });
  }
  return byChannel;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? 'binary' : name.slice(dot + 1).toLowerCase();
}

function mimeFor(name: string): string {
  return MIME_BY_EXTENSION[extensionOf(name)] ?? 'application/octet-stream';
}
