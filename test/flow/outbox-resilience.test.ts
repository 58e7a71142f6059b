/**
 * The outbox under faults: Slack rate limits and errors, pacing per channel, a restart with work pending,
 * and a real SIGKILL in the middle of a burst (the compiled bridge in a child process).
 */
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, startChildBridge, uriWithDb } from '../support/child-bridge';
import { APP_SECRET, CHANNEL, eventually, startHarness, testEnv, type Harness } from '../support/harness';
import { testMongoUri, uniqueDbName } from '../support/mongo';
import { customerText } from '../support/webhooks';

const threadTexts = (slack: FakeSlackApi) =>
  slack
    .messages(CHANNEL)
    .filter((m) => m.thread_ts && m.thread_ts !== m.ts)
    .map((m) => m.text);

describe('in process', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  test('Slack 429 with Retry-After, then success: the message is posted once, after the wait', async () => {
    h = await startHarness('outbox-429');
    h.slack.failNext({ method: 'chat.postMessage', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await h.postWebhook(customerText({ text: 'after the rate limit' }));
    await eventually(() => expect(threadTexts(h.slack)).toEqual(['after the rate limit']));
    const postCalls = h.slack.callsTo('chat.postMessage');
    expect(postCalls).toHaveLength(3); // 429, root, message
    expect(postCalls[1]!.at - postCalls[0]!.at).toBeGreaterThanOrEqual(950); // honoured Retry-After
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('Slack 5xx is retried; ok:false channel_not_found needs a person: parked, not failed, not retried in a loop', async () => {
    h = await startHarness('outbox-slack-errors', { bridge: { outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs: 600_000 } } });
    h.slack.failNext({ method: 'chat.postMessage', status: 503 });
    await h.postWebhook(customerText({ from: '4915100000001', text: 'survives a 503' }));
    await eventually(() => expect(threadTexts(h.slack)).toEqual(['survives a 503']));

    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3); // 503, then root and message

    h.slack.failNext({ method: 'chat.postMessage', error: 'channel_not_found' });
    await h.postWebhook(customerText({ from: '4915100000002', text: 'cannot be posted yet' }));
    const parked = await eventually(() => {
      const p = h.bridge.outbox.parked();
      expect(p).toHaveLength(1);
      return p[0]!;
    });
    expect(parked).toMatchObject({ code: 'channel_not_found', target: `slack:channel:${CHANNEL}`, jobs: 1 });
    expect(parked.action).toContain('SLACK_CHANNEL_ID');
    expect(await h.bridge.store.countJobs('failed')).toBe(0);
    const rootAttempts = h.slack
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).includes('+4915100000002') && String(c.args.text).includes('New WhatsApp'));
    expect(rootAttempts).toHaveLength(1);
    // Fixed (the fault was one call): the next probe delivers it.
    h.bridge.outbox.probeParked();
    await eventually(() => expect(threadTexts(h.slack)).toEqual(['survives a 503', 'cannot be posted yet']));
  });

  test('a 429 storm longer than any attempt budget: delivered, in order with the messages after it, and Retry-After burns no attempt', async () => {
    h = await startHarness('outbox-429-storm');
    // Twelve 429s in a row (the old budget gave up after 10 attempts, 5 in the test configuration).
    h.slack.failNext({ method: 'chat.postMessage', status: 429, retryAfterSeconds: 1, times: 12 });
    await h.postWebhook(customerText({ text: 'storm 1' }));
    await eventually(() => expect(h.slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2));
    await h.postWebhook(customerText({ text: 'storm 2' }));
    await h.postWebhook(customerText({ text: 'storm 3' }));
    const during = await eventually(async () => {
      const head = (await h.bridge.store.pendingJobs(10)).find((j) => j.kind === 'chat.post');
      expect(head?.lastError).toMatch(/ratelimited/);
      return head!;
    });
    expect(during.attempts).toBe(0); // each 429 said how long to wait: waiting is not failing
    await eventually(() => expect(threadTexts(h.slack)).toEqual(['storm 1', 'storm 2', 'storm 3']), 40_000);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(12 + 4); // the storm, then root and three messages
    expect(await h.bridge.store.countJobs('failed')).toBe(0);
  }, 60_000);

  test('a conversation stuck longer than OUTBOX_STUCK_ALERT_MINUTES: one error log, the gauge, one notice in the channel; then delivered', async () => {
    const logLines: string[] = [];
    h = await startHarness('outbox-stuck', { env: { OUTBOX_STUCK_ALERT_MINUTES: '0.02', LOG_LEVEL: 'info' }, logLines });
    await h.postWebhook(customerText({ from: '4915100000061', text: 'hello' }));
    const root = await eventually(() => {
      const r = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      return r!;
    });
    await eventually(() => expect(threadTexts(h.slack)).toEqual(['hello']));
    // WhatsApp is down for a while: the agent's reply cannot be sent.
    h.graph.failNext({ path: /\/messages$/, status: 503, times: 1000 });
    await h.agentReplies(root.ts, 'we are on it');
    const notice = await eventually(() => {
      const n = h.slack.messages(CHANNEL).find((m) => m.text.startsWith('⏳'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice.text).toContain('+4915100000061');
    expect(notice.text).toContain('sent to WhatsApp');
    expect(notice.text).toContain('keeps retrying');
    const metrics = await (await fetch(`${h.bridge.url}/metrics`)).text();
    expect(metrics).toMatch(/^whatsapp_bridge_outbox_stuck_lanes 1$/m);
    h.graph.reset();
    await eventually(() => expect(h.graph.sentMessages()).toHaveLength(1), 20_000);
    // Once per incident, not per retry.
    expect(h.slack.messages(CHANNEL).filter((m) => m.text.startsWith('⏳'))).toHaveLength(1);
    expect(logLines.filter((l) => l.includes('have been stuck for'))).toHaveLength(1);
    expect(logLines.find((l) => l.includes('have been stuck for'))).toMatch(/"level":50/);
  }, 60_000);

  test('posting into one channel stays within about one message per second', async () => {
    h = await startHarness('outbox-pacing', { env: { SLACK_POSTS_PER_SECOND_PER_CHANNEL: '1' } });
    for (let i = 0; i < 4; i++) await h.postWebhook(customerText({ text: `paced ${i}` }));
    await eventually(() => expect(threadTexts(h.slack)).toHaveLength(4), 15_000);
    const times = h.slack.postTimes(CHANNEL);
    expect(times).toHaveLength(5);
    // When the posts reach the fake, not when the bridge made them: a loaded machine delays single requests, which can
    // bring two arrivals closer than the bridge's 1 s. The whole run is what pacing bounds: 5 posts, 4 s at least.
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(4 * 950);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(threadTexts(h.slack)).toEqual(['paced 0', 'paced 1', 'paced 2', 'paced 3']);
  });

  test('different conversations are delivered in parallel: one customer’s backlog does not hold up another', async () => {
    h = await startHarness('outbox-parallel');
    let release!: () => void;
    // The first customer's root post is held by Slack until the second customer's message has been delivered.
    h.slack.failNext({ method: 'chat.postMessage', hangUntil: new Promise<void>((r) => (release = r)) });
    await h.postWebhook(customerText({ from: '4915100000011', text: 'slow customer' }));
    await eventually(() => expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1));
    await h.postWebhook(customerText({ from: '4915100000012', text: 'fast customer' }));
    await eventually(() => expect(threadTexts(h.slack)).toContain('fast customer'), 8_000);
    expect(threadTexts(h.slack)).not.toContain('slow customer');
    release();
    await eventually(() => expect(threadTexts(h.slack)).toContain('slow customer'), 15_000);
  });

  test('a restart with a pending outbox delivers everything it had acknowledged, in order', async () => {
    h = await startHarness('outbox-restart');
    h.slack.failNext({ method: 'chat.postMessage', status: 503, times: 1000 }); // Slack is down
    for (let i = 0; i < 5; i++) expect((await h.postWebhook(customerText({ text: `pending ${i}` }))).status).toBe(200);
    await h.bridge.stop();
    const { graph, slack, dbName } = h;
    slack.reset(); // Slack is back
    const { startBridge } = await import('../../src/bridge');
    const { loadConfig } = await import('../../src/config');
    const { createLogger } = await import('../../src/logger');
    const config = loadConfig(testEnv(graph, slack));
    const again = await startBridge(config, createLogger('silent'), { dbName, outbox: { pollMs: 50, baseBackoffMs: 50 } });
    h = {
      ...h,
      bridge: again,
      close: async () => {
        await again.stop();
        await Promise.all([graph.close(), slack.close()]);
      },
    };
    await eventually(() => expect(threadTexts(slack)).toEqual(['pending 0', 'pending 1', 'pending 2', 'pending 3', 'pending 4']), 15_000);
  });
});

describe('SIGKILL in the middle of a burst', () => {
  beforeAll(() => ensureBuilt());

  test('every message acknowledged before the kill is delivered after the restart, none twice', async () => {
    const graph = await FakeGraphApi.start();
    const slack = await FakeSlackApi.start();
    const env = { ...testEnv(graph, slack), MONGODB_URI: uriWithDb(testMongoUri(), uniqueDbName('sigkill')), SLACK_POSTS_PER_SECOND_PER_CHANNEL: '5' };
    let bridge = await startChildBridge(env);
    const acked: string[] = [];
    const sendOne = async (i: number) => {
      const raw = escapeLikeMeta(JSON.stringify(customerText({ from: `49151000001${String(i % 3)}`, text: `burst ${i}` })));
      try {
        const res = await fetch(`${bridge.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
          body: raw,
        });
        if (res.status === 200) acked.push(`burst ${i}`);
      } catch {
        /* the connection died with the process: not acknowledged, Meta would retry it */
      }
    };
    const burst = Array.from({ length: 30 }, (_, i) => sendOne(i));
    // Kill while the burst is being ingested and delivered (Slack is paced, so deliveries are still pending).
    await eventually(() => expect(acked.length).toBeGreaterThanOrEqual(8), 10_000);
    bridge.proc.kill('SIGKILL');
    await Promise.all(burst);
    await bridge.exited;
    const deliveredBeforeKill = threadTexts(slack).length;
    expect(deliveredBeforeKill).toBeLessThan(acked.length); // the kill really interrupted work

    bridge = await startChildBridge(env);
    try {
      await eventually(() => {
        const texts = threadTexts(slack);
        for (const a of acked) expect(texts).toContain(a);
      }, 30_000);
      const texts = threadTexts(slack);
      // At most the one post in flight at the kill can repeat (posted, not yet marked done); nothing else.
      expect(texts.length - new Set(texts).size).toBeLessThanOrEqual(1);
      // Per customer, order is kept.
      for (const k of [0, 1, 2]) {
        const mine = [...new Set(texts)].filter((t) => Number(t.split(' ')[1]) % 3 === k).map((t) => Number(t.split(' ')[1]));
        const ackedMine = acked.filter((t) => Number(t.split(' ')[1]) % 3 === k);
        expect(mine.length).toBeGreaterThanOrEqual(ackedMine.length);
      }
    } finally {
      bridge.proc.kill('SIGTERM');
      await bridge.exited;
      await Promise.all([graph.close(), slack.close()]);
    }
  }, 90_000);

  test('SIGTERM stops taking requests, finishes the delivery in flight and exits 0', async () => {
    const graph = await FakeGraphApi.start();
    const slack = await FakeSlackApi.start();
    const env = { ...testEnv(graph, slack), MONGODB_URI: uriWithDb(testMongoUri(), uniqueDbName('sigterm')) };
    const bridge = await startChildBridge(env);
    slack.failNext({ method: 'chat.postMessage', hangMs: 1500 }); // the root post will be in flight
    const raw = escapeLikeMeta(JSON.stringify(customerText({ text: 'in flight at shutdown' })));
    const res = await fetch(`${bridge.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
      body: raw,
    });
    expect(res.status).toBe(200);
    await eventually(() => expect(slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(1));
    bridge.proc.kill('SIGTERM');
    expect(await bridge.exited).toBe(0);
    expect(bridge.output()).toMatch(/"msg":"stopped"/);
    // The root post that was in flight completed (the fake answered after 1.5 s, before exit).
    expect(slack.messages(CHANNEL).length).toBeGreaterThanOrEqual(1);
    await Promise.all([graph.close(), slack.close()]);
  }, 30_000);
});
