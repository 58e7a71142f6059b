/**
 * The database goes away while posts are in flight (the compiled bridge in a child process, its MongoDB connection
 * through a TCP proxy the test cuts): the process stays alive, and once the database is back everything it had
 * acknowledged is delivered, in order per customer. Before the fix, the failed reschedule was an unhandled rejection
 * and Node exited with code 1.
 */
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, startChildBridge, uriWithDb } from '../support/child-bridge';
import { APP_SECRET, CHANNEL, eventually, testEnv } from '../support/harness';
import { testMongoUri, uniqueDbName } from '../support/mongo';
import { startTcpProxy } from '../support/tcp-proxy';
import { customerText } from '../support/webhooks';

const threadTexts = (slack: FakeSlackApi) =>
  slack
    .messages(CHANNEL)
    .filter((m) => m.thread_ts && m.thread_ts !== m.ts)
    .map((m) => m.text);

beforeAll(() => ensureBuilt());

test('database killed while posts are in flight: the process stays alive, and everything acknowledged is delivered once it is back', async () => {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  const db = new URL(testMongoUri());
  const proxy = await startTcpProxy(db.hostname, Number(db.port));
  const proxied = new URL(db.toString());
  proxied.host = `127.0.0.1:${proxy.port}`;
  const env = { ...testEnv(graph, slack), MONGODB_URI: uriWithDb(proxied.toString(), uniqueDbName('db-outage')) };
  const bridge = await startChildBridge(env);
  try {
    // Slack is slow (posts stay in flight), then failing for a while: every outcome must be written while the database is away.
    slack.failNext({ method: 'chat.postMessage', hangMs: 2000, times: 2 });
    slack.failNext({ method: 'chat.postMessage', status: 503, times: 3 });
    const acked: string[] = [];
    for (let i = 0; i < 6; i++) {
      const text = `outage ${i}`;
      const raw = escapeLikeMeta(JSON.stringify(customerText({ from: `49151000007${i % 2}`, text })));
      const res = await fetch(`${bridge.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
        body: raw,
      });
      if (res.status === 200) acked.push(text);
    }
    expect(acked).toHaveLength(6);
    await eventually(() => expect(slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2)); // in flight

    proxy.cut();
    // The worker meets the outage when it records the outcome of the posts in flight: it says so and goes on. (Before
    // the fix, that failed write was an unhandled rejection and the process exited here.)
    const recordFailed = /could not (record as delivered|reschedule|put back) the job/;
    const outcome = await Promise.race([
      bridge.exited.then((code) => `exited with code ${code}:\n${bridge.output().slice(-3000)}`),
      eventually(() => {
        expect(bridge.output()).toMatch(recordFailed);
        expect(bridge.output()).toMatch(/"msg":"outbox poll failed/);
        return 'alive';
      }, 90_000),
    ]);
    expect(outcome).toBe('alive');
    expect(bridge.proc.exitCode).toBeNull();

    proxy.restore();
    await eventually(() => {
      const texts = threadTexts(slack);
      for (const a of acked) expect(texts).toContain(a);
    }, 60_000).catch((err: Error) => {
      // What the bridge did after the database came back says why: keep it beside the assertion.
      throw new Error(`${err.message}\n--- the bridge's last output:\n${bridge.output().slice(-6000)}`);
    });
    expect(bridge.proc.exitCode).toBeNull();
    const texts = [...new Set(threadTexts(slack))];
    for (const k of [0, 1]) {
      const mine = texts.filter((t) => Number(t.split(' ')[1]) % 2 === k);
      expect(mine).toEqual(acked.filter((t) => Number(t.split(' ')[1]) % 2 === k)); // order per customer
    }
    expect(bridge.output()).toMatch(/outbox reachable again/);
  } finally {
    bridge.proc.kill('SIGTERM');
    await bridge.exited;
    await proxy.close();
    await Promise.all([graph.close(), slack.close()]);
  }
}, 180_000);
