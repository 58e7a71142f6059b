/**
 * Every Graph call the adapter makes, observed where the core calls the adapter's ports (sends, media, template list,
 * token check): how long it took and how it ended (src/domain/ports/telemetry.ts), and whether Meta refused or took
 * the access token (WhatsAppTokenWatch: the core's "token refused" incident). Wrapping the ports keeps the call sites
 * (graph-client.ts, media-client.ts, templates-api.ts) as they are; the method label is the port's operation, never a
 * path (paths carry phone number, media and WABA ids).
 */
import { DeliveryError } from '../../src/domain/errors';
import type { WhatsAppTokenWatch } from '../../src/domain/ports/whatsapp';
import type { ApiCallObserver, ApiOutcome } from '../../src/domain/ports/telemetry';
import { explainWhatsAppError, isTokenRefused } from './errors';

/** Meta's throttling codes (errors.ts: 4 app, 80007 account, 130429 throughput, 131056 pair rate). */
const RATE_LIMIT_CODES = new Set(['4', '80007', '130429', '131056', 'HTTP 429']);

export function graphOutcome(err: unknown): ApiOutcome {
  if (!(err instanceof DeliveryError)) return 'network';
  const code = err.explanation.code;
  if (code === 'timeout' || code === 'network') return 'network';
  if (RATE_LIMIT_CODES.has(code) || err.retryAfterMs !== undefined) return 'rate_limited';
  return err.retryable ? 'server_error' : 'refused';
}

export interface GraphObserver {
  apiCalls?: ApiCallObserver;
  tokens?: WhatsAppTokenWatch;
}

/** `fn` (whose first argument is the account and its token), timed and watched. */
export function observed<A extends [{ accessToken: string }, ...unknown[]], R>(method: string, o: GraphObserver, fn: (...args: A) => Promise<R>) {
  if (!o.apiCalls && !o.tokens) return fn;
  return async (...args: A): Promise<R> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const token = args[0].accessToken;
    try {
      const result = await fn(...args);
      o.apiCalls?.({ platform: 'whatsapp', method, outcome: 'ok', seconds: seconds() });
      o.tokens?.accepted(token);
      return result;
    } catch (err) {
      const problem = err instanceof DeliveryError ? `${err.explanation.code}: ${err.explanation.meaning}` : (err as Error).message;
      o.apiCalls?.({ platform: 'whatsapp', method, outcome: graphOutcome(err), seconds: seconds(), problem });
      if (isTokenRefused(err)) o.tokens?.refused(token, tokenExplanation(err));
      throw err;
    }
  };
}

/** A 401 without Meta's body (the media download URL) reads as the 190 it is. */
function tokenExplanation(err: DeliveryError) {
  if (err.explanation.code === '190') return err.explanation;
  const { retryable: _r, ...e } = explainWhatsAppError({ code: 190, title: 'Invalid OAuth access token' });
  return e;
}
