/** Slack and Discord both configured: one thread on each side, the customer on both, each agent reply sent once and mirrored. */
import { CHANNEL } from '../support/harness';
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { customerText } from '../support/webhooks';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness('discord-slack-both', { slack: true });
});
afterEach(async () => {
  await h.close();
});

/** The Slack root of the one conversation. */
function slackRoot(): Promise<string> {
  return h.eventually(() => {
    const roots = h.slack!.slack.messages(CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(roots).toHaveLength(1);
    return roots[0]!.ts;
  });
}
const slackThread = (root: string) => h.slack!.slack.threadReplies(CHANNEL, root);

test('the customer’s messages appear in a thread on each side', async () => {
  await h.postWebhook(customerText({ name: 'Sheena Nelson', text: 'one' }));
  await h.postWebhook(customerText({ name: 'Sheena Nelson', text: 'two' }));
  const root = await slackRoot();
  await h.eventually(() => expect(slackThread(root).map((m) => m.text)).toEqual(['one', 'two']));
  const thread = await h.thread(3);
  expect(h.contents(thread.id).slice(1)).toEqual(['**Sheena Nelson** (customer)\none', '**Sheena Nelson** (customer)\ntwo']);
});

test('an agent reply on Discord is sent to WhatsApp once and mirrored into the Slack thread as “name · via Discord”', async () => {
  await h.postWebhook(customerText({ from: '4915112345678', text: 'Hello?' }));
  const root = await slackRoot();
  const thread = await h.thread(2);
  h.agentSays(thread.id, 'Hi, **how** can I help?');
  const mirror = await h.eventually(() => {
    const m = slackThread(root).find((r) => r.text === 'Hi, *how* can I help?');
    expect(m).toBeDefined();
    return m!;
  });
  expect(mirror.username).toBe('Bob Agent · via Discord');
  // The send and the mirror are jobs of different lanes, run in parallel: wait for the send as well.
  await h.eventually(() =>
    expect(h.graph.sentMessages()).toEqual([
      expect.objectContaining({ to: '+4915112345678', text: expect.objectContaining({ body: 'Hi, *how* can I help?' }) }),
    ]),
  );
  await new Promise((r) => setTimeout(r, 300)); // a wrong second send (e.g. the mirror echoed back) would show now
  expect(h.graph.sentMessages()).toHaveLength(1);
  expect(h.contents(thread.id)).toHaveLength(3); // nothing mirrored back into the Discord thread
});

test('an agent reply on Slack is sent once and mirrored into the Discord thread as “**name** via Slack”', async () => {
  await h.postWebhook(customerText({ from: '4915112345678', text: 'Hello?' }));
  const root = await slackRoot();
  const thread = await h.thread(2);
  await h.eventually(() => expect(slackThread(root)).toHaveLength(1));
  await h.slack!.agentReplies(root, 'Sure, *one* moment');
  await h.eventually(() => expect(h.contents(thread.id).at(-1)).toBe('**Ana Agent** via Slack\nSure, **one** moment'));
  // The bot's own mirror comes back over the gateway (MESSAGE_CREATE) and must not be sent again.
  await new Promise((r) => setTimeout(r, 300));
  expect(h.graph.sentMessages()).toEqual([expect.objectContaining({ to: '+4915112345678', text: expect.objectContaining({ body: 'Sure, *one* moment' }) })]);
});
