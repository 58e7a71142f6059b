/**
 * Meta's error envelope (`{error: {message, type, code, error_data, fbtrace_id}}`) as the Graph API sends it,
 * and the replies the fake builds from it: bad parameters, a bad token, unknown objects, scripted failures.
 */
import { randomBytes } from 'node:crypto';
import type { FailSpec, MetaErrorSpec, Reply } from './types';

/** Titles used when a test injects a code without a message (from Meta's error-code table). */
const ERROR_TITLES: Record<number, string> = {
  2: 'Service temporarily unavailable',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Access token has expired',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};

function fbtraceId(): string {
  return randomBytes(8).toString('base64url');
}

export function metaError(status: number, code: number, message: string, details?: string): Reply {
  const error: Record<string, unknown> = { message, type: 'OAuthException', code };
  if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
  error.fbtrace_id = fbtraceId();
  return { status, json: { error } };
}

export function invalidParameter(message: string): Reply {
  return metaError(400, 100, message);
}

export function invalidTokenReply(): Reply {
  return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
}

export function unsupportedRequest(method: string, id: string): Reply {
  return metaError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );
}

function defaultErrorFor(status: number): MetaErrorSpec {
  if (status === 401) return { code: 190 };
  if (status === 429) return { code: 130429 };
  return { code: 131000 };
}

export function failureReply(spec: FailSpec): Reply {
  const { code, message, details } = spec.error ?? defaultErrorFor(spec.status);
  const title = message ?? ERROR_TITLES[code] ?? 'Error';
  const reply = metaError(spec.status, code, `(#${code}) ${title}`, details ?? title);
  if (spec.retryAfterSeconds !== undefined) {
    reply.headers = { 'retry-after': String(spec.retryAfterSeconds) };
  }
  return reply;
}
