/**
 * Park, alert, resume — never drop: a post Slack refuses with `not_in_channel` (the bot was never invited) is parked,
 * not failed; /readyz and /metrics say what to fix; it is delivered by itself, in order, once the bot joins (on
 * Slack's signed `member_joined_channel` event, or at the periodic probe). `/wa requeue` and `npm run requeue` re-run
 * failed and parked deliveries.
 */
import { runRequeue } from '../../src/cli/requeue';
import { loadSlackFixture } from '../fixtures/slack';
import { AGENT, CHANNEL, startHarness, testEnv, type Harness } from '../support/harness';
import { uriWithDb } from '../support/child-bridge';
import { customerText } from '../support/webhooks';

const threadTexts = (h: Harness) =>
  h.slack
    .messages(CHANNEL)
    .filter((m) => m.thread_ts && m.thread_ts !== m.ts)
    .map((m) => m.text);
/** The outbox options of the harness, with the periodic probe set as the test needs. */
const outbox = (probeMs: number) => ({ pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, probeMs });

async function readiness(
  h: Harness,
): Promise<{ ok: boolean; parked: Array<{ target: string; code: string; action: string; reason: string; jobs: number; label: string }> }> {
  return (await fetch(`${h.bridge.url}/readyz`)).json() as never;
}

async function parkedGauge(h: Harness): Promise<string[]> {
  const text = await (await fetch(`${h.bridge.url}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith('whatsapp_bridge_outbox_parked_jobs{'));
}

/** Slack's member_joined_channel for the bot (docs' example with this workspace's ids), signed like Slack. */
function botJoined(h: Harness) {
  const envelope = loadSlackFixture('member_joined_channel');
  Object.assign(envelope.event, { user: h.slack.botUserId, channel: CHANNEL, team: h.slack.teamId });
  envelope.team_id = h.slack.teamId;
  envelope.authorizations[0] = { ...envelope.authorizations[0], team_id: h.slack.teamId, user_id: h.slack.botUserId, is_bot: true };
  return h.sender.sendEnvelope(envelope);
}

let h: Harness;
afterEach(async () => {
  await h?.close();
});

test('bot not in the channel: parked (readiness and metrics say what to do, nothing "failed"), then delivered in order once the bot joins', async () => {
  // The periodic probe is far away: only Slack's own event can resume these deliveries in this test.
  h = await startHarness('outbox-park-join', { bridge: { outbox: outbox(600_000) } });
  h.slack.removeBot(CHANNEL);
  await h.postWebhook(customerText({ from: '4915100000021', text: 'first' }));
  await h.postWebhook(customerText({ from: '4915100000021', text: 'second' }));
  await h.postWebhook(customerText({ from: '4915100000022', text: 'other customer' }));

  const ready = await h.eventually(async () => {
    const r = await readiness(h);
    expect(r.parked).toHaveLength(1);
    expect(r.parked[0]!.jobs).toBe(2); // the head of each conversation; 'second' waits behind 'first'
    return r;
  });
  expect(ready.ok).toBe(true); // the database and Slack are up: parking is not unreadiness
  expect(ready.parked[0]).toMatchObject({ target: `slack:channel:${CHANNEL}`, code: 'not_in_channel', reason: 'the bot is not a member of the Slack channel' });
  expect(ready.parked[0]!.action).toContain('invite the bot');
  expect(await parkedGauge(h)).toEqual([`whatsapp_bridge_outbox_parked_jobs{target="slack:channel:${CHANNEL}",code="not_in_channel"} 2`]);
  expect(await h.bridge.store.countJobs('failed')).toBe(0);
  // Tried once per conversation, then parked: not retried in a loop, and no "failed"/"not delivered" notice anywhere.
  expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
  expect(h.slack.messages(CHANNEL)).toHaveLength(0);

  h.slack.inviteBot(CHANNEL);
  expect((await botJoined(h)).status).toBe(200);
  await h.eventually(() => expect(threadTexts(h).filter((t) => t !== 'other customer')).toEqual(['first', 'second']));
  await h.eventually(() => expect(threadTexts(h)).toContain('other customer'));
  expect((await readiness(h)).parked).toEqual([]);
  expect(await parkedGauge(h)).toEqual([]);
  expect(h.slack.messages(CHANNEL).some((m) => /could not be posted|Not delivered|failed/i.test(m.text))).toBe(false);
});

test('bot not in the channel: the periodic probe delivers by itself once the bot is in, without any event', async () => {
  h = await startHarness('outbox-park-probe', { bridge: { outbox: outbox(300) } });
  h.slack.removeBot(CHANNEL);
  await h.postWebhook(customerText({ text: 'parked until the bot is invited' }));
  await h.postWebhook(customerText({ text: 'and this one after it' }));
  await h.eventually(async () => expect((await readiness(h)).parked).toHaveLength(1));
  // Probes keep meeting not_in_channel: still parked, never failed.
  await h.eventually(() => expect(h.slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(3));
  expect(await h.bridge.store.countJobs('failed')).toBe(0);
  expect((await readiness(h)).parked[0]!.jobs).toBe(1);

  h.slack.inviteBot(CHANNEL);
  await h.eventually(() => expect(threadTexts(h)).toEqual(['parked until the bot is invited', 'and this one after it']));
  await h.eventually(async () => expect((await readiness(h)).parked).toEqual([]));
});

test('a Slack refusal that is permanent is failed and announced (not retried), and says how to send it again', async () => {
  h = await startHarness('outbox-permanent');
  h.slack.failNext({ method: 'chat.postMessage', error: 'msg_too_long' });
  await h.postWebhook(customerText({ from: '4915100000031', text: 'cannot be posted' }));
  await h.eventually(async () => expect(await h.bridge.store.countJobs('failed')).toBe(1));
  const notice = await h.eventually(() => {
    const n = h.slack.messages(CHANNEL).find((m) => m.text.includes('could not be posted'));
    expect(n).toBeDefined();
    return n!;
  });
  expect(notice.text).toContain('+4915100000031');
  expect(notice.text).toContain('msg_too_long');
  expect(notice.text).toContain('/wa requeue');
  expect(notice.text).not.toMatch(/the bridge retries/);
  const rootAttempts = h.slack
    .callsTo('chat.postMessage')
    .filter((c) => String(c.args.text).includes('+4915100000031') && String(c.args.text).includes('New WhatsApp'));
  expect(rootAttempts).toHaveLength(1);
});

test('requeue: the CLI re-runs a failed job and a parked one, and says what it requeued', async () => {
  h = await startHarness('outbox-requeue-cli', { bridge: { outbox: outbox(600_000) } });
  // A refusal the bridge does not retry: failed.
  h.slack.failNext({ method: 'chat.postMessage', error: 'msg_too_long' });
  await h.postWebhook(customerText({ from: '4915100000041', text: 'failed once' }));
  await h.eventually(async () => expect(await h.bridge.store.countJobs('failed')).toBe(1));
  await h.eventually(() => expect(h.slack.messages(CHANNEL).some((m) => m.text.includes('could not be posted'))).toBe(true));
  // The bot is removed: the next conversation is parked.
  h.slack.removeBot(CHANNEL);
  await h.postWebhook(customerText({ from: '4915100000042', text: 'parked once' }));
  await h.eventually(async () => expect((await readiness(h)).parked).toHaveLength(1));
  h.slack.inviteBot(CHANNEL); // fixed, but no event and no probe soon: only the requeue resumes it

  const bad: string[] = [];
  expect(await runRequeue(['--conversation'], {}, (l) => bad.push(l))).toBe(2);
  expect(bad.join('\n')).toContain('usage: npm run requeue -- --all | --conversation');

  const out: string[] = [];
  const env = { ...testEnv(h.graph, h.slack), MONGODB_URI: uriWithDb(h.config.mongodbUri!, h.dbName) };
  expect(await runRequeue(['--all'], env, (l) => out.push(l))).toBe(0);
  const report = out.join('\n');
  expect(report).toContain('Requeued 2 deliveries in all conversations');
  expect(report).toMatch(/failed: msg_too_long/);
  expect(report).toMatch(/paused: not_in_channel/);

  await h.eventually(() => expect(threadTexts(h)).toEqual(expect.arrayContaining(['failed once', 'parked once'])));
  await h.eventually(async () => expect(await h.bridge.store.countJobs('failed')).toBe(0));
  const again: string[] = [];
  expect(await runRequeue(['--all'], env, (l) => again.push(l))).toBe(0);
  expect(again.join('\n')).toBe('Nothing failed or paused in all conversations.');
});

test('/wa requeue <phone> re-runs the failed delivery of that customer only', async () => {
  h = await startHarness('outbox-requeue-cmd');
  h.slack.failNext({ method: 'chat.postMessage', error: 'msg_too_long' });
  await h.postWebhook(customerText({ from: '4915100000051', text: 'refused by Slack once' }));
  await h.eventually(async () => expect(await h.bridge.store.countJobs('failed')).toBe(1));
  const other = await h.sender.sendCommand({ command: '/wa', text: 'requeue +49 151 00000052', user_id: AGENT, channel_id: CHANNEL });
  expect(other.status).toBe(200);
  expect(JSON.parse(other.body).text).toContain('Nothing failed or paused in conversation');
  const res = await h.sender.sendCommand({ command: '/wa', text: 'requeue +4915100000051', user_id: AGENT, channel_id: CHANNEL });
  expect(JSON.parse(res.body).text).toContain('Requeued 1 delivery');
  await h.eventually(() => expect(threadTexts(h)).toEqual(['refused by Slack once']));
});
