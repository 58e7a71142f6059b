/**
 * What the bench prints: the figures per stored-size, the ceilings and the bridge's ratio to them, and the targets
 * of issue 9 with whether each is met. It prints only: a missed target never fails the run.
 */
import type { InsertRates } from './baselines';
import { overShare, pct, type CpuSample, type Phase } from './load';
import type { StatusBatch } from './status-batch';

export interface RoundTrips {
  messages: number;
  perMessage: number;
  writesPerMessage: number;
  byCommand: Map<string, number>;
}

export interface SizeResult {
  size: number;
  engine: string;
  seedSeconds: number;
  cache: string;
  seededBy?: string;
  c1: Phase;
  cN: Phase;
  concurrency: number;
  /** Posts in the Slack fake for the concurrent phase, and the seconds from its first webhook to its last post. */
  delivery: { posts: number; expected: number; seconds?: number };
  rss: { now: number; peak: number };
  roundTrips?: RoundTrips;
  /** CPU seconds each process used while the concurrent phase's webhooks were sent (delivery runs meanwhile too). */
  cpu?: CpuSample;
  statusBatch: StatusBatch;
}

export interface Ceilings {
  inserts: InsertRates;
  hmac: Phase;
}

const WRITES = new Set(['insert', 'update', 'delete', 'findandmodify']);
export const isWrite = (command: string) => WRITES.has(command.toLowerCase());

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : 'n/a');
const rate = (p: Phase) => p.sent / p.seconds;
const size = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const met = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'MET' : 'NOT MET');

function latencyLine(label: string, p: Phase): string {
  const cut = p.stoppedByTime ? ' (stopped by the time limit)' : '';
  return `  ack ${label}: ${p.sent} webhooks${cut}: p50 ${ms(pct(p.latencies, 50))} ms, p95 ${ms(pct(p.latencies, 95))} ms, p99 ${ms(pct(p.latencies, 99))} ms, max ${ms(p.latencies.at(-1) ?? NaN)} ms; ${f(overShare(p.latencies, 1000) * 100, 1)} % over 1 s${p.failed ? `; ${p.failed} not answered 200` : ''}`;
}

export function printCeilings(c: Ceilings): void {
  const i = c.inserts;
  console.log(`ceilings (same run, same machine):`);
  console.log(
    `  database raw inserts (${i.documentBytes}-byte message documents): insertOne ${f(i.one1)}/s one at a time, ${f(i.one20)}/s 20 at a time; insertMany ${f(i.many)} documents/s (batches of 100)`,
  );
  console.log(
    `  bare HMAC endpoint (node http + X-Hub-Signature-256 check): ${f(rate(c.hmac))} webhooks/s at ${c.hmac.sent} webhooks, ack p50 ${ms(pct(c.hmac.latencies, 50))} ms`,
  );
}

export function printSize(r: SizeResult, c: Ceilings): void {
  const seeded =
    r.cache === 'used'
      ? `copied from the cache in ${f(r.seedSeconds, 1)} s, seeded by the store of ${r.seededBy}`
      : r.size
        ? `seeded in ${f(r.seedSeconds, 0)} s (${f(r.size / r.seedSeconds, 1)} messages/s), cache ${r.cache}`
        : 'empty';
  console.log(`\n=== ${size(r.size)} messages already stored (${r.engine}; ${seeded}) ===`);
  console.log(latencyLine('concurrency 1', r.c1));
  console.log(latencyLine(`concurrency ${r.concurrency}`, r.cN));
  const ingest = rate(r.cN);
  console.log(
    `  ingest: ${f(ingest, 1)} webhooks/s at concurrency ${r.concurrency} = ${f((ingest / rate(c.hmac)) * 100, 1)} % of the bare HMAC endpoint, ${f((ingest / c.inserts.one20) * 100, 1)} % of raw insertOne (20 at a time)`,
  );
  const d = r.delivery;
  console.log(
    d.seconds === undefined
      ? `  delivery: ${d.posts}/${d.expected} Slack posts when the wait ended (not all delivered in time)`
      : `  delivery: ${d.posts} Slack posts in ${f(d.seconds, 1)} s = ${f(d.posts / d.seconds, 1)} posts/s (one channel; the bridge paces a channel at ≤ 10 posts/s)`,
  );
  if (r.cpu) {
    // Under a loaded machine the rates move with the neighbours; CPU per webhook does not (much): it says where the time goes.
    const per = (s: number) => ms((s * 1000) / r.cN.sent);
    console.log(
      `  CPU per webhook at concurrency ${r.concurrency} (while sending; delivery runs meanwhile): bridge ${per(r.cpu.bridge)} ms, database ${per(r.cpu.database)} ms, load generator ${per(r.cpu.load)} ms`,
    );
  }
  const b = r.statusBatch;
  console.log(
    `  a webhook of ${b.statuses} statuses: answered ${b.acked ? '200' : 'not 200'} in ${ms(b.ackMs)} ms; applied ${b.appliedSeconds === undefined ? 'n/a (its ingest jobs did not settle in time)' : `${f(b.appliedSeconds, 1)} s after the POST`} (after the acknowledgement, by the outbox)`,
  );
  console.log(`  bridge RSS: ${f(r.rss.now)} MB after the run, peak ${f(r.rss.peak)} MB (the database runs apart)`);
  const rt = r.roundTrips;
  if (!rt) console.log('  database round trips per inbound message: n/a (counter not exported)');
  else {
    const parts = [...rt.byCommand]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${f(v / rt.messages, 1)}`);
    console.log(
      `  database round trips per inbound message (ingest + delivery, ${rt.messages} single-message webhooks, idle polling subtracted): ${f(rt.perMessage, 1)}, of which writes ${f(rt.writesPerMessage, 1)} (${parts.join(', ')})`,
    );
  }
}

export function printTargets(results: SizeResult[], c: Ceilings, embedded: boolean): void {
  console.log(`\ntargets (issue 9; on the embedded database, 2-core machine)${embedded ? '' : ': this run used MONGODB_URI, shown for information'}:`);
  const zero = results.find((r) => r.size === 0);
  const largest = results.filter((r) => r.size > 0).at(-1);
  if (zero && largest) {
    for (const [label, pick] of [
      ['1', (r: SizeResult) => r.c1],
      [String(largest.concurrency), (r: SizeResult) => r.cN],
    ] as const) {
      const p0 = pct(pick(zero).latencies, 50);
      const pL = pct(pick(largest).latencies, 50);
      console.log(
        `  ack p50 at ${size(largest.size)} stored ≤ 1.2 × p50 at 0 (concurrency ${label}): ${ms(pL)} ms vs ${ms(p0)} ms = ${f(pL / p0, 2)} × → ${met(pL <= 1.2 * p0)}${largest.size < 100_000 ? ' (100k not measured in this run)' : ''}`,
      );
    }
  } else console.log('  ack p50 flat with data: n/a (needs 0 and a larger size in BENCH_SIZES)');
  for (const r of results) {
    const p50 = pct(r.cN.latencies, 50);
    const over = overShare(r.cN.latencies, 1000);
    console.log(
      `  ${size(r.size)} stored, concurrency ${r.concurrency}: ack p50 ≤ 50 ms (${ms(p50)} ms) and < 1 % over 1 s (${f(over * 100, 1)} %) → ${met(p50 <= 50 && over < 0.01)}`,
    );
    const b = r.statusBatch;
    console.log(`  ${size(r.size)} stored: a ${b.statuses}-status webhook acknowledged (200) in ≤ 2 s: ${ms(b.ackMs)} ms → ${met(b.acked && b.ackMs <= 2000)}`);
    const w = r.roundTrips?.writesPerMessage;
    const floor = w ? (0.4 * c.inserts.one20) / w : undefined;
    console.log(
      floor === undefined
        ? `  ${size(r.size)} stored: ingest ≥ 40 % of (raw insert rate ÷ writes per message): n/a (counter not exported)`
        : `  ${size(r.size)} stored: ingest ≥ 40 % of (raw insert rate ${f(c.inserts.one20)}/s ÷ ${f(w!, 1)} writes per message) = ${f(floor, 1)} webhooks/s: ${f(rate(r.cN), 1)} → ${met(rate(r.cN) >= floor)}`,
    );
  }
}
