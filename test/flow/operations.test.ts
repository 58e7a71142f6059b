/** What an operator relies on: health, readiness, metrics, start-up checks, the embedded database default. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGraphApi } from '../fakes/graph-api';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, startChildBridge } from '../support/child-bridge';
import { CHANNEL, eventually, startHarness, testEnv, type Harness } from '../support/harness';
import { customerText } from '../support/webhooks';
import { spawnSync } from 'node:child_process';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('/healthz, /readyz and /metrics answer when everything is up', async () => {
  h = await startHarness('ops-up');
  expect((await fetch(`${h.bridge.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${h.bridge.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    ok: true,
    webhooks: { ok: true, database: true },
    whatsapp: { up: true, tokenRefused: [] },
    chat: { slack: { up: true } },
    checks: { database: true, slack: true },
    parked: [],
  });
  await h.postWebhook(customerText());
  const metrics = await (await fetch(`${h.bridge.url}/metrics`)).text();
  expect(metrics).toMatch(/whatsapp_bridge_webhook_requests_total\{result="ok"\} 1/);
  expect(metrics).toMatch(/whatsapp_bridge_outbox_pending_jobs \d+/);
});

test('while Slack cannot be reached, /readyz stays 200 for webhooks and says Slack is down; webhooks are stored, and delivered once Slack is back', async () => {
  h = await startHarness('ops-slack-down', {
    waitForAdapters: false,
    beforeStart: ({ slack }) => slack.failNext({ method: 'auth.test', status: 503, times: 5 }),
  });
  const ready = await fetch(`${h.bridge.url}/readyz`);
  // Issue 12: a chat-side outage must not take the WhatsApp webhook out of a load balancer's rotation.
  expect(ready.status).toBe(200);
  const body = (await ready.json()) as { checks: unknown; chat: unknown; webhooks: unknown };
  expect(body.checks).toEqual({ database: true, slack: false });
  expect(body.webhooks).toEqual({ ok: true, database: true });
  expect(body.chat).toEqual({ slack: { up: false, problem: 'not connected (connecting or reconnecting)' } });
  expect((await h.postWebhook(customerText({ text: 'while Slack was away' }))).status).toBe(200);
  await h.bridge.adaptersStarted;
  await eventually(() => expect(h!.slack.messages(CHANNEL).map((m) => m.text)).toContain('while Slack was away'), 15_000);
  expect((await fetch(`${h.bridge.url}/readyz`)).status).toBe(200);
});

test('a Slack token Slack refuses is fatal, and the message names SLACK_BOT_TOKEN', async () => {
  let fatal: Error | undefined;
  h = await startHarness('ops-bad-token', {
    waitForAdapters: false,
    beforeStart: ({ slack }) => slack.failNext({ method: 'auth.test', error: 'invalid_auth' }),
    bridge: { onFatal: (err) => (fatal = err) },
  });
  await expect(h.bridge.adaptersStarted).rejects.toThrow(/SLACK_BOT_TOKEN/);
  await eventually(() => expect(fatal?.message).toMatch(/invalid_auth/));
});

describe('the process', () => {
  beforeAll(() => ensureBuilt());

  test('a missing variable stops start-up with a message naming it', () => {
    const res = spawnSync(process.execPath, ['dist/src/main.js'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        PATH: process.env.PATH ?? '',
        WHATSAPP_APP_SECRET: 'secret-value-1234',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'abcdefgh1',
        SLACK_CHANNEL_ID: 'C0123ABCD',
        DOTENV_CONFIG_PATH: '/nonexistent',
      },
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/WHATSAPP_VERIFY_TOKEN/);
    expect(res.stderr).toMatch(/WHATSAPP_PHONE_NUMBER_ID|WHATSAPP_ACCESS_TOKEN/);
    expect(res.stderr).not.toContain('secret-value-1234');
  });

  test('npm run demo plays the whole conversation against the fakes', () => {
    const res = spawnSync(process.execPath, ['dist/test/demo/run-demo.js'], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/New WhatsApp conversation.*Maria Silva/);
    expect(res.stdout).toMatch(/POST \/\d+\/messages to \+5511987654321/);
    expect(res.stdout).toMatch(/:eyes: \(read\)/);
    expect(res.stdout).toMatch(/131047[\s\S]*\/wa template <phone>/);
  }, 60_000);

  test('without MONGODB_URI it runs an embedded MongoDB-compatible server, says so, and works', async () => {
    const graph = await FakeGraphApi.start();
    const slack = await FakeSlackApi.start();
    const env = testEnv(graph, slack, { DATA_DIR: mkdtempSync(join(tmpdir(), 'wa-bridge-data-')) });
    delete (env as Record<string, string | undefined>).MONGODB_URI;
    const bridge = await startChildBridge(env);
    try {
      expect(bridge.output()).toMatch(/MONGODB_URI is not set: running an embedded MongoDB-compatible server/);
      await eventually(async () => expect((await fetch(`${bridge.url}/readyz`)).status).toBe(200), 15_000);
    } finally {
      bridge.proc.kill('SIGTERM');
      expect(await bridge.exited).toBe(0);
      await Promise.all([graph.close(), slack.close()]);
    }
  }, 60_000);
});
