/**
 * The bridge's metrics and health in one piece, built by the composition root before the parts they watch exist:
 * every source is read lazily (the chat adapters, the outbox worker and the token incidents are created later).
 * Adapters report their API calls to `apiCalls`: the upstream histogram and each platform's health (/readyz, the
 * `adapter_up` gauge) both come from it.
 */
import type { ChatAdapter } from '../domain/chat';
import type { ChatPlatform } from '../domain/platform';
import type { ApiCallObserver } from '../domain/ports/telemetry';
import type { Store } from '../domain/store';
import { UpstreamHealth } from '../services/health/upstream';
import { registerOutboxGauges, type OutboxWorker } from '../services/outbox';
import type { TokenIncidents } from '../services/whatsapp-token';
import { Metrics } from './metrics';
import { Health } from './readiness';

export interface ObservedParts {
  store: Pick<Store, 'ping' | 'countJobs'>;
  chats: () => Partial<Record<ChatPlatform, ChatAdapter>>;
  outbox: () => OutboxWorker | undefined;
  tokens: () => TokenIncidents;
  /** Whether this instance holds the delivery lease (src/services/leader.ts). */
  delivers: () => boolean;
}

export function createObservability(p: ObservedParts): { metrics: Metrics; health: Health; apiCalls: ApiCallObserver } {
  const upstream = new UpstreamHealth();
  const health = new Health({
    pingDatabase: () => p.store.ping(),
    // A session the delivering instance holds (Discord's gateway, `sessionBound`) is not this instance's to report.
    chats: () => (Object.entries(p.chats()) as Array<[ChatPlatform, ChatAdapter]>).filter(([, a]) => !a.sessionBound || p.delivers()),
    upstream,
    tokens: () => p.tokens().list(),
    parked: () => p.outbox()?.parked() ?? [],
  });
  const metrics = new Metrics({
    countPending: () => p.store.countJobs('pending'),
    adaptersUp: () => health.adaptersUp(),
    tokensRefused: () => p.tokens().refusedAccounts(),
  });
  registerOutboxGauges(metrics.registry, p.outbox);
  const apiCalls: ApiCallObserver = (call) => {
    metrics.observeApiCall(call);
    upstream.observe(call);
  };
  return { metrics, health, apiCalls };
}
