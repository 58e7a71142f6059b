/**
 * `npm run demo`: the real bridge (real HTTP routes, real Bolt, an embedded database) against the local
 * fakes of the Graph API and the Slack Web API. Plays one short conversation and prints what each side saw.
 * No Meta or Slack account needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../../src/bridge';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import { FakeSlackApi } from '../fakes/slack-api';
import { SlackSender } from '../fakes/slack-sender';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { customerText, statusUpdate } from '../support/webhooks';

const CHANNEL = 'C0SUPPORT1';
const AGENT = 'U0ANA00001';
const APP_SECRET = 'demo-app-secret';
const SIGNING_SECRET = 'demo-signing-secret';
const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
/** As Slack renders it: its three escaped characters shown plainly. */
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const say = (who: string, what: string) =>
  console.log(
    `${bold(who.padEnd(18))} ${unescape(what)
      .split('\n')
      .join(`\n${' '.repeat(19)}`)}`,
  );

async function until<T>(what: string, fn: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`demo: timed out waiting for ${what}`);
}

async function main(): Promise<void> {
  const graph = await FakeGraphApi.start({ accessToken: 'demo-access-token' });
  const slack = await FakeSlackApi.start({ botToken: 'xoxb-demo' });
  slack.addUser(AGENT, { name: 'ana', realName: 'Ana (Support)' });
  const dataDir = mkdtempSync(join(tmpdir(), 'wa-bridge-demo-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    WHATSAPP_PHONE_NUMBER_ID: FIXTURE_PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: FIXTURE_WABA_ID,
    WHATSAPP_ACCESS_TOKEN: 'demo-access-token',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'demo-verify-token',
    GRAPH_API_URL: graph.url,
    SLACK_BOT_TOKEN: 'xoxb-demo',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CHANNEL_ID: CHANNEL,
    SLACK_NOTIFY_USERS: 'U0LEAD0001,U0ONCALL01',
    SLACK_API_URL: slack.apiUrl,
    SLACK_POSTS_PER_SECOND_PER_CHANNEL: '5',
  });
  console.log(dim('Starting the bridge with an embedded database and local fakes of WhatsApp and Slack…'));
  const bridge = await startBridge(config, createLogger(process.env.LOG_LEVEL ?? 'error'), { outbox: { pollMs: 50 } });
  await bridge.adaptersStarted;
  const sender = new SlackSender({ url: `${bridge.url}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, botUserId: slack.botUserId });
  const webhook = async (body: unknown) => {
    const raw = escapeLikeMeta(JSON.stringify(body));
    const res = await fetch(`${bridge.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
      body: raw,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };
  let tsSeq = 0;
  const agentSays = async (thread: string, text: string) => {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++tsSeq).padStart(6, '0')}`;
    slack.addMessage(CHANNEL, { ts, text, user: AGENT, thread_ts: thread });
    await sender.sendEvent({ type: 'message', channel: CHANNEL, user: AGENT, text, ts, thread_ts: thread, channel_type: 'channel', event_ts: ts });
    return ts;
  };

  console.log(`\n${bold('1. A customer writes on WhatsApp')}`);
  say('WhatsApp ▸ Maria', 'Hi! My order #4411 arrived damaged 😞');
  await webhook(customerText({ from: '5511987654321', name: 'Maria Silva', text: 'Hi! My order #4411 arrived damaged 😞' }));
  const root = await until('the thread', () => slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts));
  await until('the message in the thread', () => slack.threadReplies(CHANNEL, root.ts).length > 0);
  say('Slack #support', root.text);
  for (const m of slack.threadReplies(CHANNEL, root.ts)) say(`  ↳ ${m.username ?? 'bot'}`, m.text);

  console.log(`\n${bold('2. An agent answers in the thread')}`);
  const reply = 'Sorry to hear that, Maria! We are sending a replacement today.';
  say('Slack ▸ Ana', reply);
  const replyTs = await agentSays(root.ts, reply);
  const sent = await until('the Graph call', () => graph.sentMessages()[0]);
  say('Graph API', `POST /${FIXTURE_PHONE_NUMBER_ID}/messages to ${sent.to}: “${sent.text.body}”`);
  const wamid = await (async () => {
    for (let i = 0; i < 200; i++) {
      const m = await bridge.store.getMessage(`slack:${CHANNEL}:${replyTs}`);
      if (m?.wamid) return m.wamid;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('demo: no wamid');
  })();

  console.log(`\n${bold('3. WhatsApp reports delivered, then read')}`);
  for (const status of ['delivered', 'read'] as const) {
    await webhook(statusUpdate(wamid, status));
    const emoji = status === 'delivered' ? 'white_check_mark' : 'eyes';
    await until(status, () => slack.reactionsOn(CHANNEL, replyTs).includes(emoji));
    say('Slack', `Ana's message now shows :${slack.reactionsOn(CHANNEL, replyTs).join(': :')}: (${status})`);
  }

  console.log(`\n${bold('4. A later reply fails: the 24-hour window has closed')}`);
  graph.failNext({
    path: /\/messages$/,
    status: 400,
    error: {
      code: 131047,
      message: 'Re-engagement message',
      details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    },
  });
  const late = 'Hi Maria, did the replacement arrive?';
  say('Slack ▸ Ana', late);
  const lateTs = await agentSays(root.ts, late);
  const notice = await until('the failure notice', () => slack.threadReplies(CHANNEL, root.ts).find((m) => m.text.includes('Not delivered')));
  say('Graph API', 'answered 400, error 131047 (Re-engagement message)');
  say('Slack', `Ana's message shows :${slack.reactionsOn(CHANNEL, lateTs).join(': :')}:`);
  say(`  ↳ ${notice.username}`, notice.text);

  console.log(`\n${dim(`Bridge API calls seen by the fakes: Slack ${slack.calls.length}, Graph ${graph.calls.length}. Try it for real: see README.md.`)}`);
  await bridge.stop();
  await Promise.all([graph.close(), slack.close()]);
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
