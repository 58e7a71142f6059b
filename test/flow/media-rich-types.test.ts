/**
 * Every non-file message type, from Meta's (or pywa's) fixtures through the real webhook route into Slack, reads as
 * a person would want it: locations with a map link, contacts, button / list replies and template taps (with the
 * message they answer), orders with totals, ad referrals, system messages and types the bridge cannot show.
 */
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { fixtureMessage } from '../support/media';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('media-rich-types');
});
afterAll(async () => {
  await h.close();
});

let customer = 4915112340000;

/** Posts the fixture from a customer of its own; resolves to the text of the post in their thread. */
async function shown(fixture: string, edit?: (m: any) => void): Promise<string> {
  const from = String(customer++);
  const { body } = fixtureMessage(fixture, { from, edit });
  expect((await h.postWebhook(body)).status).toBe(200);
  return h.eventually(() => {
    const root = h.slack.messages(CHANNEL).find((m) => m.text.includes(`+${from}`) && (!m.thread_ts || m.thread_ts === m.ts));
    expect(root).toBeDefined();
    const [post] = h.slack.threadReplies(CHANNEL, root!.ts);
    expect(post).toBeDefined();
    return post!.text;
  });
}

test.each([
  ['message-location', ['_↪ Forwarded_', '📍 Location: Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025', 'https://maps.google.com/?q=37.4611978,-122.2164385']],
  ['message-contacts', ['👤 Contact: *Barbara J. Johnson* (Social Tsunami)', '+1 (415) 555-0829']],
  ['message-interactive-button-reply', ['🔘 Tapped: *Cancel*']],
  ['message-interactive-list-reply', ['🔘 Tapped: *Priority Mail Express* — Next Day to 2 Days']],
  ['message-button', ['🔘 Tapped: *Unsubscribe*']],
  ['message-order', ['🛒 Order', '• 3 × HAMBURGER at 30 ILS', '• 2 × FRENCH_FRIES at 35 ILS', '• 2 × SODA at 10 ILS', 'Total: 180 ILS']],
  ['message-system-user-changed-number', ['ℹ️ User Sheena Nelson changed from 16505551234 to 12195555358']],
  ['message-unsupported', ['⚠️ Sent an edit message the bridge cannot show (131051: Message type is currently not supported.)']],
  ['message-text-referral', ['_From ad: AD_TITLE AD_OR_POST_FB_URL_', 'BODY']],
])('%s reads as a person would want it', async (fixture, parts) => {
  const text = await shown(fixture);
  for (const part of parts) expect(text).toContain(part);
});

test('a button tap answering an agent’s message shows that message as a quote', async () => {
  const first = await shown('message-text', (m) => (m.text.body = 'Hi'));
  expect(first).toBe('Hi');
  const from = String(customer - 1);
  const root = h.slack.messages(CHANNEL).find((m) => m.text.includes(`+${from}`))!;
  const { ts } = await h.agentReplies(root.ts, 'Shall we ship today? Tap Yes or Cancel');
  const wamid = await h.eventually(async () => {
    const m = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
    expect(m?.wamid).toBeDefined();
    return m!.wamid!;
  });
  const { body } = fixtureMessage('message-interactive-button-reply', { from, edit: (m) => (m.context.id = wamid) });
  await h.postWebhook(body);
  const tap = await h.eventually(() => {
    const t = h.slack.threadReplies(CHANNEL, root.ts).find((m) => m.text.includes('Tapped'));
    expect(t).toBeDefined();
    return t!;
  });
  // (The agent, now a participant, is mentioned in front of it.)
  expect(tap.text).toMatch(/&gt; Shall we ship today\? Tap Yes or Cancel\n🔘 Tapped: \*Cancel\*$/);
});
