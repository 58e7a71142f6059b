/**
 * Every Slack Web API call the bridge makes, timed by method and outcome (src/domain/ports/telemetry.ts). The hook is
 * a WebClient whose `apiCall` is observed: @slack/web-api binds each method (`chat.postMessage`, `reactions.add` …) to
 * `self.apiCall` when the client is built (dist/methods.js `bindApiCall`), so an override in a subclass sees every
 * call and the call sites stay as they are. The outcome is read with the same rules as the outbox's (errors.ts).
 */
import { WebClient, type WebAPICallResult, type WebClientOptions } from '@slack/web-api';
import type { ApiCallObserver, ApiOutcome } from '../../src/domain/ports/telemetry';
import { toDeliveryError } from './errors';

export function slackOutcome(err: unknown): { outcome: ApiOutcome; problem: string } {
  const e = toDeliveryError(err);
  const code = e.explanation.code;
  const problem = `${code}: ${e.explanation.meaning}`;
  if (code === 'ratelimited' || code === 'HTTP 429') return { outcome: 'rate_limited', problem };
  if (code === 'network') return { outcome: 'network', problem };
  return { outcome: e.retryable ? 'server_error' : 'refused', problem };
}

export class ObservedWebClient extends WebClient {
  constructor(
    private readonly observe: ApiCallObserver | undefined,
    token: string,
    options: WebClientOptions,
  ) {
    super(token, options);
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    if (!this.observe) return super.apiCall(method, options);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await super.apiCall(method, options);
      this.observe({ platform: 'slack', method, outcome: 'ok', seconds: seconds() });
      return result;
    } catch (err) {
      this.observe({ platform: 'slack', method, seconds: seconds(), ...slackOutcome(err) });
      throw err;
    }
  }
}
