/** The webhook's counters (docs/operations.md lists them), registered on the bridge's one Prometheus registry. */
import { Counter, type Registry } from 'prom-client';

export interface WebhookMetrics {
  webhooks: Counter<'result'>;
  events: Counter<'type'>;
  quarantined: Counter<'reason'>;
}

/** The bridge's prefix (src/http/metrics.ts METRIC_PREFIX; not imported: adapters name their own metrics). */
const PREFIX = 'whatsapp_bridge_';

export function webhookMetrics(registry: Registry): WebhookMetrics {
  return {
    webhooks: new Counter({
      name: `${PREFIX}webhook_requests_total`,
      help: 'WhatsApp webhook requests (POST) by result',
      labelNames: ['result'],
      registers: [registry],
    }),
    events: new Counter({
      name: `${PREFIX}webhook_events_total`,
      help: 'WhatsApp events ingested by type',
      labelNames: ['type'],
      registers: [registry],
    }),
    quarantined: new Counter({
      name: `${PREFIX}webhook_events_quarantined_total`,
      help: 'WhatsApp webhook events that could not be decoded, kept raw in the quarantine instead of failing their batch',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
