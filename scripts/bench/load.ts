/**
 * Load for the bench: signed WhatsApp webhooks sent to 127.0.0.1 with a fixed concurrency, bounded in count and
 * time; the database command counter read from the bridge's /metrics; the bridge's memory from /proc.
 */
import { readFileSync } from 'node:fs';
import { escapeLikeMeta, signMetaBody } from '../../test/fakes/meta-signature';
import { customerText } from '../../test/support/webhooks';
import { customerWaId } from './seed';

export interface Phase {
  /** Webhooks answered (any status). */
  sent: number;
  failed: number;
  seconds: number;
  /** Acknowledgement latencies in ms, sorted. */
  latencies: number[];
  stoppedByTime: boolean;
  /** Indexes (in `bodies`) of the webhooks answered 200. */
  acked: number[];
}

export const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
export const overShare = (sorted: number[], ms: number) => (sorted.length ? sorted.filter((l) => l > ms).length / sorted.length : NaN);

/** Single-message webhooks from `customers` (round robin), as Meta sends them (escaped like Meta's JSON). */
export function customerWebhooks(tag: string, count: number, customers: number[]): string[] {
  return Array.from({ length: count }, (_, i) => {
    const c = customers[i % customers.length]!;
    return escapeLikeMeta(
      JSON.stringify(
        customerText({
          from: customerWaId(c),
          name: `Customer ${c}`,
          wamid: `wamid.LOAD${tag}x${i}==`,
          text: `bench message ${i}: where is my parcel? It was due yesterday.`,
        }),
      ),
    );
  });
}

/**
 * POSTs every body (signed with `secret`) to `url`, `concurrency` at a time, stopping at `maxSeconds`. Given several
 * URLs, like a load balancer: round robin, and a connection that fails is retried on the next instance.
 */
export async function sendWebhooks(url: string | string[], bodies: string[], concurrency: number, secret: string, maxSeconds: number): Promise<Phase> {
  const urls = typeof url === 'string' ? [url] : url;
  const latencies: number[] = [];
  const acked: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let stoppedByTime = false;
  const post = async (target: string, raw: string) => {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, secret) },
      body: raw,
      signal: AbortSignal.timeout(60_000),
    });
    await res.arrayBuffer();
    return res.status;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        if (performance.now() > deadline) {
          stoppedByTime = true;
          return;
        }
        const i = next++;
        const raw = bodies[i]!;
        const t0 = performance.now();
        let status = 0;
        for (let tries = 0; tries < urls.length && !status; tries++) status = await post(urls[(i + tries) % urls.length]!, raw).catch(() => 0);
        if (status === 200) acked.push(i);
        else failed++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { sent: latencies.length, failed, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), stoppedByTime, acked };
}

/** A labelled metric of the bridge's /metrics, summed by the value of one label (e.g. `command`). */
export async function metricByLabel(bridgeUrl: string, metric: string, label: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${bridgeUrl}/metrics`, { signal: AbortSignal.timeout(30_000) })).text();
  const sums = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`^${metric}\\{([^}]*)\\}\\s+(\\S+)`, 'gm'))) {
    const value = new RegExp(`${label}="([^"]*)"`).exec(m[1]!)?.[1] ?? '?';
    sums.set(value, (sums.get(value) ?? 0) + Number(m[2]));
  }
  return sums;
}

/** `whatsapp_bridge_db_commands_total` by command, or undefined while the bridge does not export it. */
export async function dbCommands(bridgeUrl: string): Promise<Map<string, number> | undefined> {
  const counts = await metricByLabel(bridgeUrl, 'whatsapp_bridge_db_commands_total', 'command');
  return counts.size ? counts : undefined;
}

export function diff(after: Map<string, number>, before: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)]));
}

/** Waits (bounded) until `count()` reaches `target`; returns when it did, in seconds since `since`, or undefined. */
export async function waitFor(count: () => number, target: number, since: number, maxSeconds: number): Promise<number | undefined> {
  const deadline = performance.now() + maxSeconds * 1000;
  while (count() < target) {
    if (performance.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance.now() - since) / 1000;
}

/** Waits (bounded) until `count()` has not changed for `quietMs`: the bridge finished what the last load started. */
export async function waitQuiet(count: () => number, quietMs: number, maxSeconds: number): Promise<void> {
  const deadline = performance.now() + maxSeconds * 1000;
  let last = count();
  let since = performance.now();
  while (performance.now() < deadline && performance.now() - since < quietMs) {
    await new Promise((r) => setTimeout(r, 100));
    if (count() !== last) [last, since] = [count(), performance.now()];
  }
}

/** Resident memory of a process, now and at its peak, in MB (Linux /proc). */
export function rssOf(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; clock ticks at the usual 100 Hz). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, fields 14 and 15 of proc(5)
  } catch {
    return NaN;
  }
}

/** CPU seconds so far of the bridge, of this process's other children (the embedded database) and of this process (the load). */
export interface CpuSample {
  bridge: number;
  database: number;
  load: number;
}

export function cpuSample(bridgePid: number): CpuSample {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // not Linux: the database's share stays unknown
  }
  const others = children.filter((pid) => pid !== bridgePid);
  const { user, system } = process.cpuUsage();
  return {
    bridge: cpuSecondsOf(bridgePid),
    database: others.length ? others.reduce((a, pid) => a + cpuSecondsOf(pid), 0) : NaN,
    load: (user + system) / 1e6,
  };
}

export const cpuDiff = (after: CpuSample, before: CpuSample): CpuSample => ({
  bridge: after.bridge - before.bridge,
  database: after.database - before.database,
  load: after.load - before.load,
});
