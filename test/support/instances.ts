/**
 * Several compiled bridges (child processes) on one database, for the multi-instance flows (issue 10): requests
 * spread over them like a load balancer would, signed like Meta and Slack, and what the fakes received, per customer.
 */
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import { FakeSlackApi } from '../fakes/slack-api';
import { SlackSender } from '../fakes/slack-sender';
import { startChildBridge, uriWithDb, type ChildBridge } from './child-bridge';
import { AGENT, APP_SECRET, CHANNEL, SIGNING_SECRET, eventually, slackTs, testEnv, threadReplyEvent } from './harness';
import { uniqueDbName } from './mongo';
import { customerText } from './webhooks';

export interface Fleet {
  graph: FakeGraphApi;
  slack: FakeSlackApi;
  env: Record<string, string>;
  instances: ChildBridge[];
  start(): Promise<ChildBridge>;
  close(): Promise<void>;
}

export async function startFleet(baseUri: string, label: string, extra: Record<string, string> = {}): Promise<Fleet> {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  slack.addUser(AGENT, { name: 'ana', realName: 'Ana Agent' });
  const env = { ...testEnv(graph, slack), MONGODB_URI: uriWithDb(baseUri, uniqueDbName(label)), ...extra };
  const instances: ChildBridge[] = [];
  return {
    graph,
    slack,
    env,
    instances,
    async start() {
      // A start during a burst waits for index creation behind the other instance's traffic (36 s measured here).
      const b = await startChildBridge(env, { startTimeoutMs: 90_000 });
      instances.push(b);
      return b;
    },
    async close() {
      for (const b of instances) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGTERM');
      await Promise.all(instances.map((b) => b.exited));
      await Promise.all([graph.close(), slack.close()]);
    },
  };
}

/** A customer's text POSTed to one instance like Meta does; the status, or 0 when the connection failed. */
export async function postCustomerText(b: ChildBridge, from: string, text: string, wamid?: string): Promise<number> {
  const raw = escapeLikeMeta(JSON.stringify(customerText({ from, text, ...(wamid ? { wamid } : {}) })));
  try {
    const res = await fetch(`${b.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
      body: raw,
    });
    return res.status;
  } catch {
    return 0; // the process went away: not acknowledged, so Meta would deliver it again
  }
}

/** An agent's reply in a thread, as a signed Slack event to one instance (the same event id on a retry). */
export async function postAgentReply(
  b: ChildBridge,
  slack: FakeSlackApi,
  threadTs: string,
  text: string,
  opts: { eventId?: string; retryNum?: number; ts?: string } = {},
): Promise<number> {
  const ts = opts.ts ?? slackTs();
  if (!slack.findMessage(CHANNEL, ts)) slack.addMessage(CHANNEL, { ts, text, user: AGENT, thread_ts: threadTs });
  const sender = new SlackSender({ url: `${b.url}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, botUserId: slack.botUserId });
  const event = threadReplyEvent(slack, { user: AGENT, text, ts, threadTs });
  const res = await sender.sendEvent(event, { eventId: opts.eventId, retryNum: opts.retryNum, retryReason: opts.retryNum ? 'http_timeout' : undefined });
  return res.status;
}

/** Thread roots in the channel (one per customer when nothing is doubled). */
export const roots = (slack: FakeSlackApi) => slack.messages(CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

/** Every post in threads, in the order Slack received them. */
export const threadTexts = (slack: FakeSlackApi): string[] =>
  slack
    .messages(CHANNEL)
    .filter((m) => m.thread_ts && m.thread_ts !== m.ts)
    .map((m) => String(m.text));

/** Texts WhatsApp was asked to send, in order. */
export const sentTexts = (graph: FakeGraphApi): string[] => graph.sentMessages().map((m) => String(m.text?.body ?? ''));

/** Whether the instance reports holding the delivery lease (its /metrics gauge). */
export async function isLeader(b: ChildBridge): Promise<boolean> {
  const text = await (await fetch(`${b.url}/metrics`)).text();
  return /^whatsapp_bridge_delivery_leader 1$/m.test(text);
}

export async function waitReady(b: ChildBridge): Promise<void> {
  await eventually(async () => expect((await fetch(`${b.url}/readyz`)).status).toBe(200), 20_000);
}

/** The texts of `prefix` in the order they appear, first occurrences only. */
export function orderOf(texts: string[], prefix: string): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const t of texts) {
    if (!t.startsWith(prefix) || seen.has(t)) continue;
    seen.add(t);
    out.push(Number(t.slice(prefix.length)));
  }
  return out;
}
