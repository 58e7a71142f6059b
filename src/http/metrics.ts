/**
 * Prometheus metrics (prom-client): what an operator graphs and alerts on (docs/operations.md lists every metric and
 * gives example alert rules). Every name starts with `whatsapp_bridge_` (other bridges' exporters use `bridge_`);
 * counters say what they count (`…_attempts_total` counts tries, `…_jobs_finished_total` jobs). Adapters add their
 * own to `registry` (adapters/whatsapp/metrics.ts: the webhook's). Nothing a scrape reads waits for the database for
 * long: gauges come from memory, or from a query under a deadline that falls back to the last known value.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApiCall } from '../domain/ports/telemetry';
import type { OutboxJob } from '../domain/records';
import type { DeliveryTiming } from '../services/outbox/delivery-timing';
import type { JobResult } from '../services/outbox/worker-contract';
import { readBuildInfo, type BuildInfo } from './build-info';
import { withDeadline } from './deadline';

export const METRIC_PREFIX = 'whatsapp_bridge_';

/** A scrape must answer while the database is down (issue 9): the gauge's query gets this long. */
export const GAUGE_QUERY_DEADLINE_MS = 500;

/**
 * Seconds. Meta's target for a webhook acknowledgement is a median under 250 ms and almost none over 1 s; chat and Graph
 * calls take 50 ms – a few s; a delivery waits behind its conversation's order and retries (minutes, hours).
 */
const FAST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DELIVERY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

export interface MetricsSources {
  /** Jobs waiting (a database count: served under GAUGE_QUERY_DEADLINE_MS). */
  countPending(): Promise<number>;
  /** Per platform: 1 when connected and its last API calls did not fail as an outage (src/services/health/upstream.ts). */
  adaptersUp?(): Array<{ platform: string; up: boolean }>;
  /** WhatsApp numbers whose access token Meta refuses now (src/services/whatsapp-token.ts). */
  tokensRefused?(): number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly dbCommands = new Counter({
    name: `${METRIC_PREFIX}db_commands_total`,
    help: 'Database commands sent, by command name',
    labelNames: ['command'],
    registers: [this.registry],
  });
  /** Every try of an outbox job, by what came of it (a job retried five times counts six). */
  readonly attempts = new Counter({
    name: `${METRIC_PREFIX}outbox_attempts_total`,
    help: 'Outbox job attempts, by job kind and what came of the attempt (done, retry, parked, failed)',
    labelNames: ['kind', 'result'],
    registers: [this.registry],
  });
  /** Jobs that reached their end: each counted once. */
  readonly jobsFinished = new Counter({
    name: `${METRIC_PREFIX}outbox_jobs_finished_total`,
    help: 'Outbox jobs finished, by job kind and end (delivered, failed)',
    labelNames: ['kind', 'result'],
    registers: [this.registry],
  });
  /** From the first byte of a webhook request to its answer (src/http/app.ts times the routes that receive events). */
  readonly webhookAck = new Histogram({
    name: `${METRIC_PREFIX}webhook_ack_duration_seconds`,
    help: 'Time from a webhook request’s arrival to its answer, by route and HTTP status',
    labelNames: ['route', 'status'],
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });
  /** From the event's arrival at the bridge (a customer's webhook, an agent's reply) to the job that delivered it. */
  readonly delivery = new Histogram({
    name: `${METRIC_PREFIX}delivery_duration_seconds`,
    help: 'Time from receiving a message or event to its delivery (posted in the thread, sent to WhatsApp), by job kind',
    labelNames: ['kind'],
    buckets: DELIVERY_BUCKETS,
    registers: [this.registry],
  });
  readonly upstream = new Histogram({
    name: `${METRIC_PREFIX}upstream_request_duration_seconds`,
    help: 'Calls to the Graph API, the Slack Web API and Discord REST, by platform, method and outcome (ok, refused, rate_limited, server_error, network)',
    labelNames: ['platform', 'method', 'outcome'],
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources | (() => Promise<number>), build: BuildInfo = readBuildInfo()) {
    const s: MetricsSources = typeof sources === 'function' ? { countPending: sources } : sources;
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: `${METRIC_PREFIX}build_info`,
      help: 'Always 1; the labels say which bridge version runs on which Node.js',
      labelNames: ['version', 'node'],
      registers: [this.registry],
    }).set({ version: build.version, node: build.node }, 1);
    // The last value the database gave: served when it does not answer in time (a stale gauge beats a scrape
    // that hangs 10 s). One query at a time: scrapes during an outage do not pile up buffered commands.
    let last = 0;
    let inFlight: Promise<number> | undefined;
    new Gauge({
      name: `${METRIC_PREFIX}outbox_pending_jobs`,
      help: 'Outbox jobs waiting (the last known value when the database does not answer in time)',
      registers: [this.registry],
      async collect() {
        inFlight ??= s.countPending().finally(() => (inFlight = undefined));
        last = await withDeadline(inFlight, GAUGE_QUERY_DEADLINE_MS).catch(() => last);
        this.set(last);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}adapter_up`,
      help: 'Per platform (whatsapp, slack, discord): 1 when connected and its API answers, 0 during an outage or a refused token',
      labelNames: ['platform'],
      registers: [this.registry],
      collect() {
        for (const a of s.adaptersUp?.() ?? []) this.set({ platform: a.platform }, a.up ? 1 : 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}whatsapp_tokens_refused`,
      help: 'WhatsApp numbers whose access token Meta refuses (code 190); their sends are paused until a token works',
      registers: [this.registry],
      collect() {
        this.set(s.tokensRefused?.() ?? 0);
      },
    });
  }

  /**
   * One outbox attempt ended: counted as an attempt; a job that reached its end (delivered, failed for good) is counted
   * once more as a finished job, and a delivered one is timed from when what it carries was received.
   */
  outboxResult(job: OutboxJob, result: JobResult, timing: Pick<DeliveryTiming, 'finished'>): void {
    this.attempts.inc({ kind: job.kind, result });
    if (result === 'retry' || result === 'parked') return;
    const seconds = timing.finished(job);
    this.jobsFinished.inc({ kind: job.kind, result: result === 'done' ? 'delivered' : 'failed' });
    if (result === 'done' && job.kind !== 'ingest') this.delivery.observe({ kind: job.kind }, seconds);
  }

  /** An adapter's API call (src/domain/ports/telemetry.ts). */
  observeApiCall(call: ApiCall): void {
    this.upstream.observe({ platform: call.platform, method: call.method, outcome: call.outcome }, call.seconds);
  }
}
