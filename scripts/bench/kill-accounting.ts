/**
 * What a kill in the middle of delivery cost (issue 10 point 7): of the webhooks acknowledged, how many never reached
 * Slack (lost), how many reached it more than once (duplicated: at most the one post in flight at the kill is
 * allowed, issue 10 point 3), how long after the kill the surviving instance posted again (time to resume) and
 * delivered the last acknowledged one. Pure: the bench (bench/scale.ts) records, this counts.
 */

export interface Post {
  /** The webhook's number, read back from the post's text (`bench message <n>:`); undefined for other posts. */
  n?: number;
  /** When the Slack fake was seen holding it (ms, performance.now()). */
  at: number;
}

export interface KillOutcome {
  acknowledged: number;
  lost: number;
  /** Acknowledged webhooks posted more than once, and the extra posts they made. */
  duplicated: number;
  extraPosts: number;
  /** From the kill to the first post after it; undefined when none came. */
  resumeSeconds?: number;
  /** From the kill to the post that completed the acknowledged set; undefined while some are lost. */
  completeSeconds?: number;
}

/** The webhook number in a post's text, as the bench's webhooks write it (bench/load.ts `customerWebhooks`). */
export function webhookNumber(text: string | undefined): number | undefined {
  const m = /bench message (\d+):/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

export function killAccounting(acked: Iterable<number>, posts: Post[], killedAt: number): KillOutcome {
  const wanted = new Set(acked);
  const counts = new Map<number, number>();
  let lastNeeded: number | undefined;
  for (const p of posts) {
    if (p.n === undefined || !wanted.has(p.n)) continue;
    const c = (counts.get(p.n) ?? 0) + 1;
    counts.set(p.n, c);
    if (c === 1) lastNeeded = Math.max(lastNeeded ?? -Infinity, p.at);
  }
  const lost = [...wanted].filter((n) => !counts.has(n)).length;
  const twice = [...counts.values()].filter((c) => c > 1);
  const firstAfter = posts.filter((p) => p.at > killedAt).reduce<number | undefined>((min, p) => (min === undefined || p.at < min ? p.at : min), undefined);
  const seconds = (at: number | undefined) => (at === undefined ? undefined : Math.max(0, at - killedAt) / 1000);
  return {
    acknowledged: wanted.size,
    lost,
    duplicated: twice.length,
    extraPosts: twice.reduce((a, c) => a + c - 1, 0),
    resumeSeconds: seconds(firstAfter),
    completeSeconds: lost ? undefined : seconds(lastNeeded),
  };
}
