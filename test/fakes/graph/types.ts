/**
 * Shapes of the fake Graph API: what tests configure (faults, media, templates), what the fake records
 * (calls, uploads, downloads), and the internal reply / request records its parts pass around.
 */
import type http from 'node:http';

export interface FakeGraphApiOptions {
  /** Token expected in `Authorization: Bearer …` (default 'test-access-token'). */
  accessToken?: string;
  /** Graph version segment to require, e.g. 'v21.0'. Omitted = any `vNN.N` is accepted. */
  version?: string;
}

/** One HTTP request as the fake received it. */
export interface GraphCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, otherwise the raw body as a string ('' when empty). */
  body: unknown;
}

export interface MetaErrorSpec {
  code: number;
  message?: string;
  details?: string;
}

export interface FailSpec {
  /** Only requests whose path matches are affected; omitted = the next request of any kind. */
  path?: RegExp;
  status: number;
  /** Defaults depend on status: 401 → 190, 429 → 130429, otherwise 131000. */
  error?: MetaErrorSpec;
  retryAfterSeconds?: number;
  /** How many matching requests this fault applies to (default 1). */
  times?: number;
}

export interface HangSpec {
  path?: RegExp;
  /** Delay before the request is processed and answered. */
  ms: number;
}

export interface DropSpec {
  path?: RegExp;
}

export interface MediaSpec {
  bytes: Buffer;
  mimeType: string;
  /** Serve the download in chunks of `bytes`, `delayMs` apart (a slow CDN), to observe streaming. */
  chunks?: { bytes: number; delayMs: number };
}

/** One media download served: when it started and when its last byte was written. */
export interface MediaDownload {
  id: string;
  startedAt: number;
  finishedAt?: number;
}

/** A file received on POST /{phoneNumberId}/media. */
export interface UploadedMedia {
  id: string;
  phoneNumberId: string;
  bytes: Buffer;
  mimeType: string;
  filename?: string;
  /** The non-file form fields (messaging_product, type, …). */
  fields: Record<string, string>;
}

/** A template as returned by GET /{wabaId}/message_templates; free-form beyond these keys. */
export interface GraphTemplate {
  id?: string;
  name?: string;
  status?: string;
  [key: string]: unknown;
}

export type Fault =
  | { kind: 'fail'; path?: RegExp; remaining: number; spec: FailSpec }
  | { kind: 'hang'; path?: RegExp; remaining: number; ms: number }
  | { kind: 'drop'; path?: RegExp; remaining: number };

export interface StoredMedia extends MediaSpec {
  sha256: string;
}

export interface Reply {
  status: number;
  json?: unknown;
  bytes?: Buffer;
  headers?: Record<string, string>;
  /** Write `bytes` in chunks with pauses; `done` is called after the last one. */
  chunks?: { bytes: number; delayMs: number; done: () => void };
}

export interface RequestContext {
  req: http.IncomingMessage;
  method: string;
  path: string;
  query: Record<string, string>;
  rawBody: Buffer;
  json: unknown;
}
