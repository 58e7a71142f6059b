/**
 * A WhatsApp access token Meta refuses (code 190) is announced once (issue 12, point 2): two numbers share the token
 * and route to two Slack channels; Meta (the fake Graph API) takes another token only. Each channel is told once what
 * to do, /readyz and the metrics say so, agents' replies are parked (not failed), and they go out once a token works:
 * in-process when Meta takes the token again (the periodic token check), and after a restart with a new token (the
 * only way the token changes: src/config.ts reads it at start-up).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, type RunningBridge } from '../../src/bridge';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { AGENT, CHANNEL, slackTs, startHarness, testEnv, type Harness } from '../support/harness';
import { customerText } from '../support/webhooks';
import { t } from '../../src/i18n';

const SALES_NUMBER = '106540352242933';
const SALES_CHANNEL = 'C0SALES001';
const REFUSED = 'expired-access-token-1';
const NEW_TOKEN = 'test-access-token'; // the one the fake Graph API takes
const PROBE_MS = 300;

/** `salesLanguage`: the language of the Sales number's agents (BRIDGE_CONFIG's per-account `language`). */
function accountsFile(salesLanguage?: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wa-token-')), 'accounts.json');
  writeFileSync(
    file,
    JSON.stringify({
      accounts: [
        { name: 'Support', phoneNumberId: FIXTURE_PHONE_NUMBER_ID, businessAccountId: FIXTURE_WABA_ID, slack: { channelId: CHANNEL } },
        { name: 'Sales', phoneNumberId: SALES_NUMBER, slack: { channelId: SALES_CHANNEL }, ...(salesLanguage ? { language: salesLanguage } : {}) },
      ],
    }),
  );
  return file;
}

const env = (file: string, token: string) => ({ BRIDGE_CONFIG: file, WHATSAPP_PHONE_NUMBER_ID: '', SLACK_CHANNEL_ID: '', WHATSAPP_ACCESS_TOKEN: token });

/** Meta's text-message example, to one of the two numbers (only the ids differ from the fixture). */
function textTo(phoneNumberId: string, from: string, text: string) {
  const body = customerText({ from, text });
  body.entry[0].changes[0].value.metadata.phone_number_id = phoneNumberId;
  return body;
}

const tokenNotices = (h: Harness, channel: string, words: string) => h.slack.messages(channel).filter((m) => m.text.includes(words));

/** A customer writes to `number`; resolves to the thread's ts once it is open in `channel`. */
async function openThread(h: Harness, number: string, channel: string, from: string): Promise<string> {
  expect((await h.postWebhook(textTo(number, from, 'Where is my order?'))).status).toBe(200);
  return h.eventually(() => {
    const root = h.slack.messages(channel).find((m) => m.text.includes(`+${from}`) && (!m.thread_ts || m.thread_ts === m.ts));
    expect(root).toBeDefined();
    return root!.ts;
  }, 20_000);
}

/** An agent's reply in a thread of `channel`, as Slack's signed Events API request. */
async function reply(h: Harness, channel: string, threadTs: string, text: string): Promise<void> {
  const ts = slackTs();
  h.slack.addMessage(channel, { ts, text, user: AGENT, thread_ts: threadTs });
  const event = { type: 'message', channel, user: AGENT, text, ts, thread_ts: threadTs, parent_user_id: h.slack.botUserId };
  Object.assign(event, { channel_type: 'channel', event_ts: ts, team: h.slack.teamId });
  expect((await h.sender.sendEvent(event)).status).toBe(200);
}

interface Ready {
  ok: boolean;
  whatsapp: { up: boolean; problem?: string; tokenRefused: Array<{ accounts: string[]; code: string; action: string }> };
  parked: Array<{ target: string; code: string; jobs: number }>;
}
const readyz = async (url: string) => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Ready };
};

const sentTexts = (h: Harness) => h.graph.sentMessages().map((m) => m.text?.body as string);

/** Both conversations opened, both replies parked on the refused token, one notice per channel. */
async function refusedIncident(h: Harness): Promise<void> {
  const support = await openThread(h, FIXTURE_PHONE_NUMBER_ID, CHANNEL, '4915100000031');
  const sales = await openThread(h, SALES_NUMBER, SALES_CHANNEL, '4915100000032');
  await reply(h, CHANNEL, support, 'reply from support');
  await reply(h, SALES_CHANNEL, sales, 'reply from sales');
  const ready = await h.eventually(async () => {
    const r = await readyz(h.bridge.url);
    expect(r.body.parked.map((p) => p.target).sort()).toEqual([`whatsapp:account:${FIXTURE_PHONE_NUMBER_ID}`, `whatsapp:account:${SALES_NUMBER}`]);
    return r;
  }, 20_000);
  // Webhooks are still taken: the refused token is said in the body, not in the status.
  expect(ready.status).toBe(200);
  expect(ready.body.whatsapp.up).toBe(false);
  expect(ready.body.whatsapp.tokenRefused).toHaveLength(1);
  expect(ready.body.whatsapp.tokenRefused[0]!.accounts.sort()).toEqual([FIXTURE_PHONE_NUMBER_ID, SALES_NUMBER].sort());
  expect(ready.body.whatsapp.tokenRefused[0]!.code).toBe('190');
  expect(ready.body.whatsapp.tokenRefused[0]!.action).toMatch(/system user.*WHATSAPP_ACCESS_TOKEN/);
  expect(ready.body.parked.every((p) => p.code === '190')).toBe(true);
  expect(await h.bridge.store.countJobs('failed')).toBe(0);
  expect(h.graph.sentMessages()).toHaveLength(0);

  // One notice in each channel, saying what to do; no second (⏸ paused) notice for the same incident.
  for (const channel of [CHANNEL, SALES_CHANNEL]) {
    const [notice] = await h.eventually(() => {
      expect(tokenNotices(h, channel, 'WhatsApp access token refused')).toHaveLength(1);
      return tokenNotices(h, channel, 'WhatsApp access token refused');
    });
    expect(notice!.text).toMatch(/code 190/);
    expect(notice!.text).toMatch(/permanent token for a system user/);
    expect(notice!.text).toMatch(/WHATSAPP_ACCESS_TOKEN/);
    expect(notice!.text).not.toContain(REFUSED);
  }
  const metrics = await (await fetch(`${h.bridge.url}/metrics`)).text();
  expect(metrics).toMatch(/^whatsapp_bridge_whatsapp_tokens_refused 2$/m);
  expect(metrics).toMatch(/^whatsapp_bridge_adapter_up\{platform="whatsapp"\} 0$/m);
  expect(metrics).toMatch(/^whatsapp_bridge_upstream_request_duration_seconds_count\{platform="whatsapp",method="send_text",outcome="refused"\} [1-9]/m);

  // Another reply during the incident, and the periodic probes: still one notice per channel.
  await reply(h, CHANNEL, support, 'second reply from support');
  await h.eventually(async () => expect((await readyz(h.bridge.url)).body.parked.find((p) => p.target.endsWith(FIXTURE_PHONE_NUMBER_ID))?.jobs).toBe(1));
  await new Promise((r) => setTimeout(r, PROBE_MS * 3)); // three probe rounds: none may announce again
  for (const channel of [CHANNEL, SALES_CHANNEL]) expect(tokenNotices(h, channel, 'WhatsApp access token refused')).toHaveLength(1);
  expect(h.slack.messages(CHANNEL).filter((m) => m.text.includes('Paused'))).toHaveLength(0);
}

let h: Harness | undefined;
let second: RunningBridge | undefined;
afterEach(async () => {
  await second?.stop();
  second = undefined;
  await h?.close();
  h = undefined;
});

test('Meta takes the token again (the periodic token check): parked replies are sent in order and each channel hears it once', async () => {
  h = await startHarness('token-refused-probe', {
    env: env(accountsFile(), REFUSED),
    bridge: { outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs: PROBE_MS } },
  });
  await refusedIncident(h);

  h.graph.acceptTokens(NEW_TOKEN, REFUSED);
  await h.eventually(() => expect(sentTexts(h!).sort()).toEqual(['reply from sales', 'reply from support', 'second reply from support']), 20_000);
  expect(sentTexts(h).filter((t) => t.includes('support'))).toEqual(['reply from support', 'second reply from support']);
  const ready = await h.eventually(async () => {
    const r = await readyz(h!.bridge.url);
    expect(r.body.whatsapp).toEqual({ up: true, tokenRefused: [] });
    expect(r.body.parked).toEqual([]);
    return r;
  });
  expect(ready.status).toBe(200);
  for (const channel of [CHANNEL, SALES_CHANNEL]) await h.eventually(() => expect(tokenNotices(h!, channel, 'token works again')).toHaveLength(1));
  expect(await h.bridge.store.countJobs('failed')).toBe(0);
});

test('a restart with a new token delivers what was parked, and announces nothing again', async () => {
  const file = accountsFile();
  h = await startHarness('token-refused-restart', {
    env: env(file, REFUSED),
    bridge: { outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs: PROBE_MS } },
  });
  await refusedIncident(h);
  await h.bridge.stop();

  const config = loadConfig(testEnv(h.graph, h.slack, env(file, NEW_TOKEN)));
  second = await startBridge(config, createLogger(config.logLevel), {
    dbName: h.dbName,
    startRetryMs: { slack: 100 },
    outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs: 600_000 }, // only the probe at start
  });
  await second.adaptersStarted;
  await h.eventually(() => expect(sentTexts(h!).sort()).toEqual(['reply from sales', 'reply from support', 'second reply from support']), 20_000);
  expect(h.graph.sentMessages().every((m) => m.to === '+4915100000031' || m.to === '+4915100000032')).toBe(true);
  await h.eventually(async () => expect((await readyz(second!.url)).body).toMatchObject({ ok: true, whatsapp: { up: true, tokenRefused: [] }, parked: [] }));
  for (const channel of [CHANNEL, SALES_CHANNEL]) expect(tokenNotices(h, channel, 'WhatsApp access token refused')).toHaveLength(1);
  // The first bridge is stopped already; the harness's close() stops it again harmlessly and closes the fakes.
});

test('each channel reads the incident in its number’s language: Sales (Italian) in Italian, where each token is set included', async () => {
  h = await startHarness('token-refused-language', {
    env: env(accountsFile('it'), REFUSED),
    bridge: { outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs: PROBE_MS } },
  });
  const sales = await openThread(h, SALES_NUMBER, SALES_CHANNEL, '4915100000033');
  await reply(h, SALES_CHANNEL, sales, 'risposta da vendite');
  const italian = await h.eventually(() => {
    const notices = tokenNotices(h!, SALES_CHANNEL, '🔑');
    expect(notices).toHaveLength(1);
    return notices[0]!.text;
  }, 20_000);
  expect(italian).toContain('Token di accesso WhatsApp rifiutato');
  expect(italian).toMatch(/codice 190/);
  expect(italian).toContain(`${t('it', 'delivery.tokenVariable', { account: 'Support' })}; ${t('it', 'delivery.tokenVariable', { account: 'Sales' })}`);
  expect(italian).not.toMatch(/What to do|the accessToken of account/);
  // The same incident, Support's channel in English as it always was.
  const english = await h.eventually(() => {
    const notices = tokenNotices(h!, CHANNEL, 'WhatsApp access token refused');
    expect(notices).toHaveLength(1);
    return notices[0]!.text;
  });
  expect(english).toContain(
    'set the accessToken of account Support in the BRIDGE_CONFIG file (or WHATSAPP_ACCESS_TOKEN when it has none); the accessToken of account Sales in the BRIDGE_CONFIG file (or WHATSAPP_ACCESS_TOKEN when it has none), and restart the bridge',
  );
});
