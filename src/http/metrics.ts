/** Prometheus metrics (prom-client): what an operator graphs and alerts on. */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly webhooks = new Counter({ name: 'bridge_webhooks_total', help: 'WhatsApp webhook requests by result', labelNames: ['result'], registers: [this.registry] });
  readonly events = new Counter({ name: 'bridge_whatsapp_events_total', help: 'WhatsApp events ingested by type', labelNames: ['type'], registers: [this.registry] });
  readonly dbCommands = new Counter({ name: 'whatsapp_bridge_db_commands_total', help: 'Database commands sent, by command name', labelNames: ['command'], registers: [this.registry] });
  readonly jobs = new Counter({ name: 'bridge_outbox_jobs_total', help: 'Outbox job attempts by kind and result', labelNames: ['kind', 'result'], registers: [this.registry] });

  constructor(countPending: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'bridge_outbox_pending',
      help: 'Outbox jobs waiting',
      registers: [this.registry],
      async collect() {
        this.set(await countPending());
      },
    });
  }
}
