/** Odoo's notify-users rule through the real flow, and `/wa` answered privately through Bolt. */
import { connectMongo } from '../../adapters/mongo/connection';
import { AGENT, CHANNEL, NOTIFY, startHarness, type Harness } from '../support/harness';
import { testMongoUri } from '../support/mongo';
import { customerText } from '../support/webhooks';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('notify');
});
afterEach(async () => {
  await h.close();
});

const rootTs = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!.ts;
const lastReply = () => h.slack.threadReplies(CHANNEL, rootTs()).at(-1)!;

test('notify users on the first message; nobody on the same turn; only the participant after an agent replied', async () => {
  await h.postWebhook(customerText({ text: 'first' }));
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(2));
  for (const u of NOTIFY) expect(h.slack.messages(CHANNEL)[0]!.text).toContain(`<@${u}>`);

  await h.postWebhook(customerText({ text: 'still me, same turn' }));
  await h.eventually(() => expect(lastReply().text).toBe('still me, same turn'));

  await h.agentReplies(rootTs(), 'Hello, Ana here');
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
  await h.postWebhook(customerText({ text: 'thanks Ana' }));
  await h.eventually(() => expect(lastReply().text).toBe(`<@${AGENT}> thanks Ana`));
  for (const u of NOTIFY) expect(lastReply().text).not.toContain(u);
});

test('after 15 days without an agent reply, every notify user is pinged again', async () => {
  await h.postWebhook(customerText({ text: 'first' }));
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(2));
  await h.agentReplies(rootTs(), 'answered');
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
  // Move the conversation's last agent reply 16 days into the past.
  const conv = (await h.bridge.store.getConversation(`${h.config.accounts[0]!.phoneNumberId}:16505551234`))!;
  const old = new Date(Date.now() - 16 * 24 * 3600 * 1000);
  const conn = await connectMongo(testMongoUri(), h.dbName);
  await conn
    .collection('conversations')
    .updateOne({ _id: conv._id as never }, { $set: { lastAgentReplyAt: old, [`participantsByKey.slack:${AGENT}.lastReplyAt`]: old } });
  await conn.collection('thread_links').updateOne({ conversationId: conv._id }, { $set: { lastMentionAt: old } });
  await conn.close();

  await h.postWebhook(customerText({ text: 'hello again after two weeks' }));
  await h.eventually(() => expect(lastReply().text).toContain('hello again after two weeks'));
  for (const u of NOTIFY) expect(lastReply().text).toContain(`<@${u}>`);
});

test('/wa help answers privately with the subcommands', async () => {
  const res = await h.sender.sendCommand({ command: '/wa', text: 'help', user_id: AGENT, channel_id: CHANNEL });
  expect(res.status).toBe(200);
  const body = JSON.parse(res.body) as { response_type: string; text: string };
  expect(body.response_type).toBe('ephemeral');
  expect(body.text).toContain('/wa help');
  expect(body.text).toMatch(/24 hours/);
});

test('/wa with an unknown subcommand says so and shows the help', async () => {
  const res = await h.sender.sendCommand({ command: '/wa', text: 'frobnicate now', user_id: AGENT, channel_id: CHANNEL });
  const body = JSON.parse(res.body) as { text: string };
  expect(body.text).toMatch(/Unknown subcommand `frobnicate`/);
});
