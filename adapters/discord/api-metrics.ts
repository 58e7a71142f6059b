/**
 * Every Discord REST call discord.js makes for the bridge, timed by route and outcome (src/domain/ports/telemetry.ts).
 * discord.js sends each one through its REST manager's `request` (`client.rest.post(…)` → `this.request`, in
 * @discordjs/rest), so observing that one method on the client's own manager sees them all without touching a call
 * site. It resolves after discord.js has waited out any 429 by itself, so a call's time includes those waits.
 */
import type { InternalRequest, REST } from 'discord.js';
import type { ApiCallObserver, ApiOutcome } from '../../src/domain/ports/telemetry';

/** `POST /channels/:id/messages`: ids, tokens (interaction webhooks) and emoji never reach a label. */
export function routeLabel(method: string, fullRoute: string): string {
  const path = fullRoute
    .split('/')
    .map((s) => (s === '' || /^@?[a-z][a-z-_]*$/.test(s) ? s : ':id'))
    .join('/');
  return `${method} ${path}`;
}

export function discordOutcome(err: unknown): ApiOutcome {
  const status = (err as { status?: unknown }).status;
  if (typeof status !== 'number') return 'network';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server_error' : 'refused';
}

export function observeRest(rest: REST, observe: ApiCallObserver | undefined): void {
  if (!observe) return;
  const request = rest.request.bind(rest);
  rest.request = async (options: InternalRequest) => {
    const method = routeLabel(options.method, options.fullRoute);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await request(options);
      observe({ platform: 'discord', method, outcome: 'ok', seconds: seconds() });
      return result;
    } catch (err) {
      const e = err as { code?: unknown; message?: string };
      observe({ platform: 'discord', method, outcome: discordOutcome(err), seconds: seconds(), problem: `${String(e.code ?? 'error')}: ${e.message ?? ''}` });
      throw err;
    }
  };
}
