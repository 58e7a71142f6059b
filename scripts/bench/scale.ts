/**
 * The two-instance phases of `npm run bench:scale` (issue 10 point 7): compiled bridges as child processes on one
 * database, the load spread round robin as a load balancer would (bench/load.ts), and a kill of the delivering
 * instance mid-run, accounted by kill-accounting.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMongo } from '../../adapters/mongo/connection';
import { FakeGraphApi } from '../../test/fakes/graph-api';
import { FakeSlackApi } from '../../test/fakes/slack-api';
import { startChildBridge, uriWithDb, type ChildBridge } from '../../test/support/child-bridge';
import { BENCH_SECRET, bridgeEnv, waitReady } from './bridge-env';
import { killAccounting, webhookNumber, type KillOutcome, type Post } from './kill-accounting';
import { customerWebhooks, sendWebhooks, waitFor, type Phase } from './load';

const CUSTOMERS = Array.from({ length: 50 }, (_, i) => i);
const DELIVERY_SECONDS = 180;
const PHASE_SECONDS = 120;

interface Fleet {
  bridges: ChildBridge[];
  slack: FakeSlackApi;
  /** Posts the Slack fake received, with the webhook each carries and when it was seen (polled every 20 ms). */
  posts: Post[];
  close(): Promise<void>;
}

async function startFleet(baseUri: string, label: string, instances: number): Promise<Fleet> {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  const db = `bench_scale_${label}_${Date.now()}`;
  const dirs: string[] = [];
  const bridges: ChildBridge[] = [];
  const posts: Post[] = [];
  const watch = setInterval(() => {
    const all = slack.posted();
    for (let i = posts.length; i < all.length; i++) posts.push({ n: webhookNumber(all[i]!.text as string | undefined), at: performance.now() });
  }, 20);
  const close = async () => {
    clearInterval(watch);
    for (const b of bridges) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGTERM');
    await Promise.all(bridges.map((b) => b.exited));
    await Promise.all([graph.close(), slack.close()]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    const conn = await connectMongo(uriWithDb(baseUri, db));
    await conn.dropDatabase().finally(() => conn.close());
  };
  try {
    for (let i = 0; i < instances; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'wa-bridge-bench-scale-'));
      dirs.push(dir);
      // One after the other: the first takes the delivery lease, the second follows.
      const b = await startChildBridge(bridgeEnv(uriWithDb(baseUri, db), dir, graph, slack), { startTimeoutMs: 90_000 });
      bridges.push(b);
      await waitReady(b.url);
    }
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  return { bridges, slack, posts, close };
}

/** Whether the instance holds the delivery lease (its /metrics gauge). */
async function isLeader(b: ChildBridge): Promise<boolean> {
  const text = await (await fetch(`${b.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  return /^whatsapp_bridge_delivery_leader 1$/m.test(text);
}

const webhookPosts = (f: Fleet) => f.posts.filter((p) => p.n !== undefined).length;

export interface IngestResult {
  instances: number;
  phase: Phase;
  /** Seconds from the first webhook to the last acknowledged one posted; undefined when not all came in time. */
  deliverySeconds?: number;
  duplicated: number;
}

/** `messages` webhooks at `concurrency`, round robin over `instances` bridges on one fresh database. */
export async function ingestPhase(baseUri: string, instances: number, messages: number, concurrency: number): Promise<IngestResult> {
  const fleet = await startFleet(baseUri, `i${instances}`, instances);
  try {
    const start = performance.now();
    const bodies = customerWebhooks(`scale${instances}`, messages, CUSTOMERS);
    const phase = await sendWebhooks(
      fleet.bridges.map((b) => `${b.url}/webhooks/whatsapp`),
      bodies,
      concurrency,
      BENCH_SECRET,
      PHASE_SECONDS,
    );
    const deliverySeconds = await waitFor(
      () => new Set(fleet.posts.map((p) => p.n).filter((n) => n !== undefined)).size,
      phase.acked.length,
      start,
      DELIVERY_SECONDS,
    );
    const outcome = killAccounting(phase.acked, fleet.posts, Infinity);
    return { instances, phase, deliverySeconds, duplicated: outcome.extraPosts };
  } finally {
    await fleet.close();
  }
}

export interface KillResult extends KillOutcome {
  phase: Phase;
  /** Posts of acknowledged webhooks already in Slack when the leader was killed. */
  postedBeforeKill: number;
}

/**
 * Two instances, `messages` webhooks round robin; once a quarter of them is posted, the delivering instance is killed
 * (SIGKILL), and the survivor's takeover is accounted: lost, duplicated, time to resume.
 */
export async function killPhase(baseUri: string, messages: number, concurrency: number): Promise<KillResult> {
  const fleet = await startFleet(baseUri, 'kill', 2);
  try {
    const [a, b] = fleet.bridges as [ChildBridge, ChildBridge];
    const leader = (await isLeader(a)) ? a : b;
    const start = performance.now();
    const bodies = customerWebhooks('scalekill', messages, CUSTOMERS);
    const sending = sendWebhooks([`${a.url}/webhooks/whatsapp`, `${b.url}/webhooks/whatsapp`], bodies, concurrency, BENCH_SECRET, PHASE_SECONDS);
    await waitFor(() => webhookPosts(fleet), Math.ceil(messages / 4), start, DELIVERY_SECONDS);
    leader.proc.kill('SIGKILL');
    const killedAt = performance.now();
    const postedBeforeKill = webhookPosts(fleet);
    await leader.exited;
    const phase = await sending;
    const acked = new Set(phase.acked);
    await waitFor(() => new Set(fleet.posts.map((p) => p.n).filter((n) => n !== undefined && acked.has(n))).size, acked.size, start, DELIVERY_SECONDS);
    return { ...killAccounting(acked, fleet.posts, killedAt), phase, postedBeforeKill };
  } finally {
    await fleet.close();
  }
}
