/**
 * `npm run bench:scale`: several bridge instances on one database (issue 10 point 7). Prints ingest rate and ack
 * latency with one and with two instances (webhooks spread round robin, as a load balancer does), and delivery with
 * the delivering instance killed (SIGKILL) mid-run: webhooks lost, posts duplicated, time until the other instance
 * resumes. It prints; it never fails on a figure.
 * Two instances need MongoDB's single-document atomicity, which the embedded FerretDB lacks (it refuses a second
 * instance: docs/operations.md, "Scaling out"), so this runs on MONGODB_URI when set (a fresh database per phase,
 * dropped after), else on mongo-java-server (test/support/java-mongo.ts: Java 17 and Maven, built once and cached).
 * Knobs: BENCH_MESSAGES (webhooks per phase, 300), BENCH_CONCURRENCY (20).
 */
import { startJavaMongo, javaMongoMissing } from '../test/support/java-mongo';
import { overShare, pct, type Phase } from './bench/load';
import { ingestPhase, killPhase, type IngestResult, type KillResult } from './bench/scale';

const MESSAGES = Math.max(20, Number(process.env.BENCH_MESSAGES ?? 300));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 20));

const f = (n: number | undefined, digits = 0) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function ackLine(p: Phase): string {
  const l = p.latencies;
  const failed = p.failed ? `; ${p.failed} not answered 200` : '';
  const cut = p.stoppedByTime ? ' (stopped by the time limit)' : '';
  return `${p.sent} webhooks${cut} in ${f(p.seconds, 1)} s = ${f(p.sent / p.seconds, 1)} webhooks/s; ack p50 ${f(pct(l, 50))} ms, p95 ${f(pct(l, 95))} ms, p99 ${f(pct(l, 99))} ms, ${f(overShare(l, 1000) * 100, 1)} % over 1 s${failed}`;
}

function printIngest(r: IngestResult): void {
  console.log(`\n=== ${r.instances} instance${r.instances > 1 ? 's' : ''}, concurrency ${CONCURRENCY} ===`);
  console.log(`  ingest: ${ackLine(r.phase)}`);
  console.log(
    `  delivery: ${r.deliverySeconds === undefined ? 'not all acknowledged webhooks posted in time' : `every acknowledged webhook posted ${f(r.deliverySeconds, 1)} s after the first was sent`}; ${r.duplicated} post(s) duplicated`,
  );
}

function printKill(r: KillResult): void {
  console.log(`\n=== 2 instances, the delivering one killed (SIGKILL) once ${r.postedBeforeKill} webhooks were posted ===`);
  console.log(`  ingest: ${ackLine(r.phase)}`);
  console.log(
    `  acknowledged ${r.acknowledged}: lost ${r.lost}, duplicated ${r.duplicated} (${r.extraPosts} extra post(s); issue 10 allows the one in flight)`,
  );
  console.log(
    `  resumed ${r.resumeSeconds === undefined ? 'never (no post after the kill)' : `${f(r.resumeSeconds, 1)} s after the kill`}; ${r.completeSeconds === undefined ? 'not all delivered in time' : `all delivered ${f(r.completeSeconds, 1)} s after the kill`} (issue 10: within 30 s)`,
  );
}

async function main(): Promise<void> {
  let uri = process.env.MONGODB_URI;
  let engine = 'MONGODB_URI';
  let stop = async () => undefined as void;
  if (!uri) {
    const missing = javaMongoMissing();
    if (missing) throw new Error(`bench:scale needs MONGODB_URI or mongo-java-server: ${missing}`);
    const server = await startJavaMongo();
    uri = server.uri;
    engine = 'mongo-java-server 1.47.0 (in-memory backend)';
    stop = () => server.stop();
  }
  console.log(`bench:scale: ${MESSAGES} webhooks per phase at concurrency ${CONCURRENCY}; database: ${engine}`);
  try {
    for (const n of [1, 2]) printIngest(await ingestPhase(uri, n, MESSAGES, CONCURRENCY));
    printKill(await killPhase(uri, MESSAGES, CONCURRENCY));
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
