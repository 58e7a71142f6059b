/**
 * The outbox's alerting gauges, read from the worker's memory (no database call: /metrics answers while the
 * database is away). Alert on `whatsapp_bridge_outbox_parked_jobs > 0` (a person must fix something; `/readyz` says
 * what), `whatsapp_bridge_outbox_stuck_lanes > 0` (conversations failing longer than OUTBOX_STUCK_ALERT_MINUTES) and
 * a growing `whatsapp_bridge_outbox_oldest_pending_seconds` (the backlog is not drained).
 */
import { Gauge, type Registry } from 'prom-client';
import type { Leadership } from '../leader';
import type { OutboxWorker } from './worker';

const PREFIX = 'whatsapp_bridge_outbox_';

export function registerOutboxGauges(registry: Registry, worker: () => OutboxWorker | undefined): void {
  new Gauge({
    name: `${PREFIX}parked_jobs`,
    help: 'Deliveries paused until a person fixes something (bot not in channel, permission, token), by target and code',
    labelNames: ['target', 'code'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of worker()?.parked() ?? []) this.set({ target: p.target, code: p.code }, p.jobs);
    },
  });
  new Gauge({
    name: `${PREFIX}stuck_lanes`,
    help: 'Conversations whose next delivery has been failing for longer than OUTBOX_STUCK_ALERT_MINUTES',
    registers: [registry],
    collect() {
      this.set(worker()?.stuck.count() ?? 0);
    },
  });
  new Gauge({
    name: `${PREFIX}oldest_failing_seconds`,
    help: 'Age of the oldest delivery at the head of a conversation that is being retried (0 when none is)',
    registers: [registry],
    collect() {
      this.set(worker()?.stuck.oldestFailingSeconds() ?? 0);
    },
  });
  new Gauge({
    name: `${PREFIX}oldest_pending_seconds`,
    help: 'Age of the oldest job waiting to be delivered (parked and retried ones included; 0 when none waits), at the last poll',
    registers: [registry],
    collect() {
      this.set(worker()?.stuck.oldestPendingSeconds() ?? 0);
    },
  });
}

/** 1 on the instance that delivers (holds the delivery lease), 0 on the others: exactly one should report 1. */
export function registerLeaderGauges(registry: Registry, leadership: () => Leadership | undefined): void {
  new Gauge({
    name: 'whatsapp_bridge_delivery_leader',
    help: 'Whether this instance holds the delivery lease (runs the outbox and the Discord gateway): 1 on exactly one instance',
    registers: [registry],
    collect() {
      this.set(leadership()?.isLeader() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'whatsapp_bridge_delivery_lease_epoch',
    help: 'The highest delivery-lease epoch this instance has seen (it grows by one at every takeover)',
    registers: [registry],
    collect() {
      this.set(leadership()?.currentEpoch() ?? 0);
    },
  });
}
