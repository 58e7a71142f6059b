/** Customer → Slack: one conversation, one thread, in order, with notify users; through the real webhook route. */
import { batch, customerText } from '../support/webhooks';
import { CHANNEL, NOTIFY, startHarness, type Harness } from '../support/harness';
import { loadWhatsAppFixture } from '../fixtures/whatsapp';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('customer-to-slack');
});
afterEach(async () => {
  await h.close();
});

const roots = () => h.slack.messages(CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

test('first message opens one root message naming the customer and pinging the notify users; the message lands in its thread', async () => {
  const res = await h.postWebhook(customerText({ from: '16505551234', name: 'Sheena Nelson', text: 'Does it come in another color?' }));
  expect(res.status).toBe(200);
  const root = await h.eventually(() => {
    expect(roots()).toHaveLength(1);
    return roots()[0]!;
  });
  expect(root.text).toContain('Sheena Nelson');
  expect(root.text).toContain('+16505551234');
  for (const u of NOTIFY) expect(root.text).toContain(`<@${u}>`);
  const replies = await h.eventually(() => {
    const r = h.slack.threadReplies(CHANNEL, root.ts).filter((m) => m.ts !== root.ts);
    expect(r).toHaveLength(1);
    return r;
  });
  expect(replies[0]!.text).toBe('Does it come in another color?');
  expect(replies[0]!.username).toBe('Sheena Nelson');
});

test('second message from the same customer goes to the same thread, after the first', async () => {
  await h.postWebhook(customerText({ text: 'one' }));
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(2));
  await h.postWebhook(customerText({ text: 'two' }));
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(3));
  expect(roots()).toHaveLength(1);
  const thread = h.slack.threadReplies(CHANNEL, roots()[0]!.ts).filter((m) => m.ts !== roots()[0]!.ts);
  expect(thread.map((m) => m.text)).toEqual(['one', 'two']);
});

test('a batch with several messages (two customers) is stored whole and each customer gets a thread, in order', async () => {
  const body = batch(
    customerText({ from: '4915112345678', name: 'Jonas', text: 'a1' }),
    customerText({ from: '4915112345678', name: 'Jonas', text: 'a2' }),
    customerText({ from: '447700900123', name: 'Priya', text: 'b1' }),
  );
  expect((await h.postWebhook(body)).status).toBe(200);
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(5));
  expect(roots()).toHaveLength(2);
  const byCustomer = Object.fromEntries(
    roots().map((r) => [
      r.text.includes('Jonas') ? 'jonas' : 'priya',
      h.slack
        .threadReplies(CHANNEL, r.ts)
        .filter((m) => m.ts !== r.ts)
        .map((m) => m.text),
    ]),
  );
  expect(byCustomer).toEqual({ jonas: ['a1', 'a2'], priya: ['b1'] });
});

test('the same webhook delivered twice changes nothing', async () => {
  const body = customerText({ text: 'only once' });
  expect((await h.postWebhook(body)).status).toBe(200);
  expect((await h.postWebhook(body)).status).toBe(200);
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(2));
  await new Promise((r) => setTimeout(r, 300)); // give a wrong second post the time to appear
  expect(h.slack.messages(CHANNEL)).toHaveLength(2);
});

test('concurrent first messages from one customer still open one thread', async () => {
  const bodies = Array.from({ length: 6 }, (_, i) => customerText({ text: `burst ${i}` }));
  const results = await Promise.all(bodies.map((b) => h.postWebhook(b)));
  expect(results.every((r) => r.status === 200)).toBe(true);
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(7));
  expect(roots()).toHaveLength(1);
});

test('a customer known only by a business-scoped user id (no wa_id) gets a thread too', async () => {
  const res = await h.postWebhook(loadWhatsAppFixture('message-text-bsuid'));
  expect(res.status).toBe(200);
  await h.eventually(() => expect(h.slack.messages(CHANNEL)).toHaveLength(2));
  expect(roots()[0]!.text).toMatch(/[A-Z]{2}\.\w+/);
});
