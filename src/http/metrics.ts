/**
 * Prometheus metrics (prom-client): what an operator graphs and alerts on. Adapters add their own counters to
 * `registry` (adapters/whatsapp/metrics.ts: the webhook's).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { withDeadline } from './deadline';

/** A scrape must answer while the database is down (issue 9): the gauge's query gets this long. */
export const GAUGE_QUERY_DEADLINE_MS = 500;

export class Metrics {
  readonly registry = new Registry();
  readonly dbCommands = new Counter({
    name: 'whatsapp_bridge_db_commands_total',
    help: 'Database commands sent, by command name',
    labelNames: ['command'],
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'bridge_outbox_jobs_total',
    help: 'Outbox job attempts by kind and result',
    labelNames: ['kind', 'result'],
    registers: [this.registry],
  });

  constructor(countPending: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry });
    // The last value the database gave: served when it does not answer in time (a stale gauge beats a scrape
    // that hangs 10 s). One query at a time: scrapes during an outage do not pile up buffered commands.
    let last = 0;
    let inFlight: Promise<number> | undefined;
    new Gauge({
      name: 'bridge_outbox_pending',
      help: 'Outbox jobs waiting (the last known value when the database does not answer in time)',
      registers: [this.registry],
      async collect() {
        inFlight ??= countPending().finally(() => (inFlight = undefined));
        last = await withDeadline(inFlight, GAUGE_QUERY_DEADLINE_MS).catch(() => last);
        this.set(last);
      },
    });
  }
}
