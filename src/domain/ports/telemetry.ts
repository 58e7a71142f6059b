/**
 * What adapters report about the calls they make to their platform's API (Graph, Slack Web API, Discord REST): the
 * core turns it into the upstream-call histogram (src/http/metrics.ts), the per-platform `adapter_up` gauge and the
 * chat-side health in /readyz (src/services/health/upstream.ts). Adapters hook their clients without changing the
 * call sites: each wraps the one method every call goes through (adapters/<platform>/api-metrics.ts).
 */
import type { ChatPlatform } from '../platform';

export type UpstreamPlatform = ChatPlatform | 'whatsapp';

/**
 * How a call ended, in words shared by every platform (a label with few values, so alerts read the same everywhere):
 * - `ok`: the platform did what was asked;
 * - `refused`: it answered and said no (a 4xx, Slack `ok:false`, a Graph error code): the platform is up;
 * - `rate_limited`: 429 or the platform's own throttling code;
 * - `server_error`: 5xx or the platform's "temporarily unavailable" codes;
 * - `network`: no answer (connection refused, reset, timeout).
 * `server_error` and `network` are what an outage looks like.
 */
export type ApiOutcome = 'ok' | 'refused' | 'rate_limited' | 'server_error' | 'network';

export interface ApiCall {
  platform: UpstreamPlatform;
  /** The API method, with no ids in it: `chat.postMessage`, `POST /channels/:id/messages`, `send_text`. */
  method: string;
  outcome: ApiOutcome;
  seconds: number;
  /** For a failure: the platform's words (an error code and message), never a token or a message body. */
  problem?: string;
}

export type ApiCallObserver = (call: ApiCall) => void;

/** Whether an outcome means the platform could not be reached or did not work (as opposed to "it said no"). */
export const isOutage = (outcome: ApiOutcome): boolean => outcome === 'server_error' || outcome === 'network';
