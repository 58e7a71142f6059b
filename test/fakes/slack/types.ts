/**
 * Shapes of the fake Slack Web API: what tests configure, what the fake records, and the objects it
 * stores and returns (messages, files, views) in the shapes Slack's method reference documents.
 */
import type http from 'node:http';

export interface FakeSlackApiOptions {
  botToken?: string;
  /** The app-level token for Socket Mode's apps.connections.open. */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** When true, channels must be registered with addChannel() or calls fail with channel_not_found. */
  strictChannels?: boolean;
}

/** One Web API request as the fake received it (args already decoded). */
export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface FaultSpec {
  /** Web API method to match; omitted = the next call of any method. */
  method?: string;
  /** Answer with this HTTP status instead of 200. */
  status?: 429 | 500 | 503;
  /** Seconds put in Retry-After for a 429 (default 1). */
  retryAfterSeconds?: number;
  /** Answer HTTP 200 `{ok:false, error}`. */
  error?: string;
  /** How many matching calls this fault applies to (default 1). */
  times?: number;
  /** Delay before answering, to simulate a slow or hanging Slack. */
  hangMs?: number;
  /** Hold the answer until this settles (a test releases it once it has seen what it waits for). */
  hangUntil?: Promise<unknown>;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

/** A message as Slack stores it; `channel` is kept for lookups and stripped from API responses. */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  username?: string;
  icons?: Record<string, string>;
  blocks?: unknown[];
  attachments?: unknown[];
  files?: SlackFileObject[];
  upload?: boolean;
  thread_ts?: string;
  parent_user_id?: string;
  reply_broadcast?: boolean;
  metadata?: unknown;
  edited?: { user: string; ts: string };
  reactions?: Reaction[];
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  message_ts: string;
}

/** The file object Slack returns in events and API responses. */
export interface SlackFileObject {
  id: string;
  created: number;
  timestamp: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  user: string;
  size: number;
  mode: 'hosted';
  is_external: false;
  is_public: boolean;
  url_private: string;
  url_private_download: string;
  permalink: string;
  /** Where the file was shared (as files.info shows it once Slack has recorded the share): channel → messages. */
  shares?: Partial<Record<'public' | 'private', Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>>>>;
}

/** A file as the fake keeps it (bytes, shares); `fileObject()` in files.ts turns it into the API shape. */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  user: string;
  created: number;
  content?: Buffer;
  altText?: string;
  completed: boolean;
  shares: string[];
  /** The message of each share (completeUploadExternal with a channel). */
  shareMessages: Array<{ channel: string; ts: string; thread_ts?: string }>;
}

/** When the bytes of an upload to the upload URL began and finished arriving (to observe streaming). */
export interface UploadTiming {
  fileId: string;
  firstByteAt: number;
  lastByteAt: number;
  bytes: number;
}

export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  /** How the view was created/changed, for assertions. */
  openedWith: { method: 'views.open' | 'views.push' | 'views.update'; trigger_id?: string };
}

export interface RecordedResponse {
  url: string;
  body: any;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface AddUserOptions {
  /** Handle / display name. */
  name: string;
  realName: string;
  isBot?: boolean;
  imageUrl?: string;
}

export interface AddFileOptions {
  name: string;
  content: Buffer | string;
  mimetype?: string;
  title?: string;
  user?: string;
}

export type Args = Record<string, any>;
export type ApiResult = { ok: boolean } & Record<string, unknown>;
export type MethodHandler = (args: Args) => ApiResult;

/** Slack ts values are `<seconds>.<6 digits>`; start at a fixed, recognisable epoch. */
export const TS_BASE_SECONDS = 1_700_000_000;
