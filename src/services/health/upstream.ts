/**
 * How each platform's API is doing, from the calls the adapters report (src/domain/ports/telemetry.ts): an outage
 * (5xx, no answer) is remembered until a call to that platform works again, so /readyz can say "Slack: chat.postMessage
 * answered HTTP 503 since 10:02" and `whatsapp_bridge_adapter_up` can drop to 0, without any call of its own.
 * A failure older than `staleMs` with no call since is forgotten: a lone failed call (a reaction the bridge does not
 * retry) must not mark a platform down for hours; a real outage keeps failing (the outbox retries within minutes).
 */
import { isOutage, type ApiCall, type UpstreamPlatform } from '../../domain/ports/telemetry';

export interface UpstreamProblem {
  method: string;
  outcome: ApiCall['outcome'];
  problem: string;
  /** First failure of this run of failures. */
  since: Date;
  /** Most recent failure. */
  last: Date;
}

/** The outbox's backoff is capped at 5 minutes: a platform that is still down fails again within that. */
const DEFAULT_STALE_MS = 10 * 60_000;

export class UpstreamHealth {
  private readonly problems = new Map<UpstreamPlatform, UpstreamProblem>();

  constructor(
    private readonly staleMs = DEFAULT_STALE_MS,
    private readonly now = () => Date.now(),
  ) {}

  observe(call: ApiCall): void {
    if (call.outcome === 'ok') {
      this.problems.delete(call.platform);
      return;
    }
    if (!isOutage(call.outcome)) return; // the platform answered: it is up, whatever it said
    const at = new Date(this.now());
    const known = this.current(call.platform);
    this.problems.set(call.platform, {
      method: call.method,
      outcome: call.outcome,
      problem: call.problem ?? call.outcome,
      since: known?.since ?? at,
      last: at,
    });
  }

  /** The platform's ongoing outage, if its calls are failing. */
  current(platform: UpstreamPlatform): UpstreamProblem | undefined {
    const p = this.problems.get(platform);
    if (p && this.now() - p.last.getTime() > this.staleMs) {
      this.problems.delete(platform);
      return undefined;
    }
    return p;
  }
}
