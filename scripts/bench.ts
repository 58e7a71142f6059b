/**
 * `npm run bench`: does the bridge stay as fast on day 30 as on day 1 (issue 9)? For each size of an already
 * stored history (seeded through the bridge's own store, bench/seed.ts; cached, bench/database.ts) the compiled
 * bridge runs as its own process against that database, with the Slack and Graph fakes and the load in this
 * process, all on 127.0.0.1. It prints ack latency at concurrency 1 and N, ingest and delivery rates, the bridge's
 * memory and its database round trips per message, next to the same run's ceilings (raw inserts, a bare HMAC
 * endpoint) and the targets. It prints; it never fails on a figure.
 * Per webhook it also prints the CPU each process (bridge, database, load) used in the concurrent phase: on a shared
 * machine the rates move with the neighbours, CPU per webhook much less, and it shows whose time an ack is.
 * Knobs: BENCH_SIZES (0,10000,100000), BENCH_MESSAGES (webhooks in the concurrent phase), BENCH_CONCURRENCY (20),
 * MONGODB_URI (a real server instead of the embedded FerretDB; a fresh database per size, dropped after), BENCH_RESEED=1
 * (seed again instead of using a cached copy: bench/database.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGraphApi } from '../test/fakes/graph-api';
import { FakeSlackApi } from '../test/fakes/slack-api';
import { startChildBridge } from '../test/support/child-bridge';
import { bridgeEnv, BENCH_SECRET, waitReady } from './bench/bridge-env';
import { hmacEndpointRate, rawInsertRates } from './bench/baselines';
import { openBenchDatabase, type BenchDatabase } from './bench/database';
import { cpuDiff, cpuSample, customerWebhooks, dbCommands, diff, rssOf, sendWebhooks, waitFor, waitQuiet } from './bench/load';
import { sendStatusBatch, statusBatchWebhook } from './bench/status-batch';
import { isWrite, printCeilings, printSize, printTargets, type Ceilings, type RoundTrips, type SizeResult } from './bench/report';

const SIZES = (process.env.BENCH_SIZES ?? '0,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 0);
const MESSAGES = Math.max(20, Number(process.env.BENCH_MESSAGES ?? 300));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 20));
const SINGLE = Math.max(10, Math.floor(MESSAGES / 4)); // the concurrency-1 phase, also the round-trip count
const SEED_CONCURRENCY = 96; // many store calls in flight share commands (adapters/mongo/insert-batcher.ts); 96 seeded 3k messages 1.45× faster than 32
const PHASE_SECONDS = 90; // every load phase stops here even if not all webhooks were sent
const DELIVERY_SECONDS = 180;
const STATUS_BATCH = 1000; // Meta's most updates in one POST
const LOAD_CUSTOMERS = 50; // the load writes as the first 50 (seeded) customers: their threads exist on day 30
const SECRET = BENCH_SECRET;

async function measureSize(size: number, db: BenchDatabase): Promise<SizeResult> {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'wa-bridge-bench-'));
  const bridge = await startChildBridge(bridgeEnv(db.uri, dataDir, graph, slack));
  try {
    await waitReady(bridge.url);
    const webhooks = `${bridge.url}/webhooks/whatsapp`;
    const customers = Array.from({ length: LOAD_CUSTOMERS }, (_, i) => i);
    // Every size measures the same work: a customer's further message in a turn already open in an existing thread.
    // So each load customer writes once first (not measured): on an empty history that opens the threads; on a stored
    // one it starts the customer's new turn on day 30 (the participants pinged, the card's window refreshed: about 6
    // more database commands for a turn's first message, the same on any size). Then the bridge is left to settle.
    const warm = await sendWebhooks(webhooks, customerWebhooks(`${size}w`, customers.length, customers), CONCURRENCY, SECRET, PHASE_SECONDS);
    await waitFor(() => slack.posted().length, warm.sent, performance.now(), DELIVERY_SECONDS);
    await waitQuiet(() => slack.calls.length, 2000, DELIVERY_SECONDS);
    const postsAtStart = slack.posted().length;

    // Concurrency 1, and the database commands it costs (polling of an idle bridge measured first and subtracted).
    const idle0 = await dbCommands(bridge.url);
    const idleStart = performance.now();
    await new Promise((r) => setTimeout(r, 3000));
    const before = await dbCommands(bridge.url);
    const idleRate = idle0 && before ? diff(before, idle0) : undefined;
    const idleSeconds = (performance.now() - idleStart) / 1000;
    const c1Start = performance.now();
    const c1 = await sendWebhooks(webhooks, customerWebhooks(`${size}s`, SINGLE, customers), 1, SECRET, PHASE_SECONDS);
    await waitFor(() => slack.posted().length - postsAtStart, c1.sent, c1Start, DELIVERY_SECONDS);
    const after = await dbCommands(bridge.url);
    let roundTrips: RoundTrips | undefined;
    if (before && after && idleRate) {
      const seconds = (performance.now() - c1Start) / 1000;
      const byCommand = new Map([...diff(after, before)].map(([k, v]) => [k, Math.max(0, v - ((idleRate.get(k) ?? 0) / idleSeconds) * seconds)]));
      const total = [...byCommand.values()].reduce((a, b) => a + b, 0);
      const writes = [...byCommand].filter(([k]) => isWrite(k)).reduce((a, [, v]) => a + v, 0);
      roundTrips = { messages: c1.sent, perMessage: total / c1.sent, writesPerMessage: writes / c1.sent, byCommand };
    }

    // Concurrency N: ingest rate, then the delivery of the same messages into the Slack fake.
    const postsBefore = slack.posted().length;
    const cNStart = performance.now();
    const cpuBefore = cpuSample(bridge.proc.pid!);
    const cN = await sendWebhooks(webhooks, customerWebhooks(`${size}c`, MESSAGES, customers), CONCURRENCY, SECRET, PHASE_SECONDS);
    const cpu = cpuDiff(cpuSample(bridge.proc.pid!), cpuBefore);
    const seconds = await waitFor(() => slack.posted().length - postsBefore, cN.sent, cNStart, DELIVERY_SECONDS);
    const delivery = { posts: slack.posted().length - postsBefore, expected: cN.sent, seconds };

    // The largest webhook Meta sends: 1,000 statuses in one POST (bench/status-batch.ts).
    await waitQuiet(() => slack.calls.length, 2000, DELIVERY_SECONDS);
    const statusBatch = await sendStatusBatch(bridge.url, statusBatchWebhook(String(size), STATUS_BATCH, customers), STATUS_BATCH, SECRET, DELIVERY_SECONDS);
    return {
      size,
      engine: db.engine,
      seedSeconds: db.seedSeconds,
      cache: db.cache,
      seededBy: db.seededBy,
      c1,
      cN,
      concurrency: CONCURRENCY,
      delivery,
      rss: rssOf(bridge.proc.pid!),
      roundTrips,
      cpu,
      statusBatch,
    };
  } finally {
    bridge.proc.kill('SIGTERM');
    await bridge.exited;
    await Promise.all([graph.close(), slack.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const log = (m: string) => console.log(m);
  console.log(
    `bench: sizes ${SIZES.join(', ')}; ${SINGLE} webhooks at concurrency 1, ${MESSAGES} at concurrency ${CONCURRENCY} per size; ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded database'}`,
  );
  let ceilings: Ceilings | undefined;
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    if (size) log(`preparing ${size} stored messages…`);
    const db = await openBenchDatabase(size, { mongodbUri: process.env.MONGODB_URI, concurrency: SEED_CONCURRENCY, log });
    try {
      if (!ceilings) {
        ceilings = {
          inserts: await rawInsertRates(db.scratchUri),
          hmac: await hmacEndpointRate(customerWebhooks('hmac', Math.max(2000, MESSAGES), [0]), CONCURRENCY, SECRET),
        };
        printCeilings(ceilings);
      }
      const r = await measureSize(size, db);
      results.push(r);
      printSize(r, ceilings);
    } finally {
      await db.close();
    }
  }
  if (ceilings) printTargets(results, ceilings, !process.env.MONGODB_URI);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
