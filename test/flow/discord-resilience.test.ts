/** Discord outages: a dropped gateway loses nothing (REST does not need it); 429 Retry-After is honoured, order kept. */
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { customerText } from '../support/webhooks';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness('discord-resilience');
});
afterEach(async () => {
  await h.close();
});

const texts = (threadId: string) =>
  h
    .contents(threadId)
    .slice(1)
    .map((c) => c.split('\n').slice(1).join('\n'));

test('gateway dropped mid-burst: every customer message is delivered in order, and agents are heard again after the reconnect', async () => {
  await h.postWebhook(customerText({ from: '4915112345678', text: 'burst 0' }));
  const thread = await h.thread(2);

  h.fake.gatewayDown(60_000); // drops the connection and refuses new ones until we end the outage below
  await h.eventually(() => expect(h.bridge.chats.discord!.isReady()).toBe(false));
  for (let i = 1; i <= 5; i++) expect((await h.postWebhook(customerText({ from: '4915112345678', text: `burst ${i}` }))).status).toBe(200);
  // Delivered through REST while the gateway is still down.
  await h.eventually(() => expect(texts(thread.id)).toEqual(['burst 0', 'burst 1', 'burst 2', 'burst 3', 'burst 4', 'burst 5']));
  expect(h.bridge.chats.discord!.isReady()).toBe(false);
  // An agent writes while the bridge is disconnected: Discord keeps the event and replays it on RESUME.
  h.agentSays(thread.id, 'written during the outage');

  h.fake.gatewayDown(0, { dropExisting: false }); // the outage ends

  await h.eventually(() => expect(h.bridge.chats.discord!.isReady()).toBe(true), 15_000);
  // The replayed message is heard; then a person writes again (seconds later in real life, so no race
  // between Discord's replay and a brand-new event, whose relative order Discord does not define).
  await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text.body)).toEqual(['written during the outage']), 15_000);
  h.agentSays(thread.id, 'written after the reconnect');
  await h.eventually(
    () => expect(h.graph.sentMessages().map((m) => m.text.body)).toEqual(['written during the outage', 'written after the reconnect']),
    15_000,
  );
  expect(h.graph.sentMessages().every((m) => m.to === '+4915112345678')).toBe(true);
}, 30_000);

test('a gateway that forgets the session (fresh IDENTIFY) still delivers everything', async () => {
  await h.postWebhook(customerText({ text: 'first' }));
  const thread = await h.thread(2);
  h.fake.gatewayDown(800, { mode: 'reset', code: 1000 }); // closed normally: the session cannot be resumed
  await h.postWebhook(customerText({ text: 'second' }));
  await h.eventually(() => expect(texts(thread.id)).toEqual(['first', 'second']));
  await h.eventually(() => expect(h.fake.identifies.length).toBe(2), 15_000);
  await h.eventually(() => expect(h.bridge.chats.discord!.isReady()).toBe(true), 15_000);
  h.agentSays(thread.id, 'hello again');
  await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text.body)).toEqual(['hello again']));
}, 30_000);

test('a 429 with Retry-After is waited out, then the posts go on in order', async () => {
  await h.postWebhook(customerText({ text: 'm0' }));
  const thread = await h.thread(2);
  h.fake.failNext({ route: new RegExp(`^/channels/${thread.id}/messages$`), method: 'POST', status: 429, retryAfterSeconds: 1 });
  const t0 = Date.now();
  for (let i = 1; i <= 3; i++) await h.postWebhook(customerText({ text: `m${i}` }));
  await h.eventually(() => expect(texts(thread.id)).toEqual(['m0', 'm1', 'm2', 'm3']));
  expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  const posts = h.fake.calls.filter((c) => c.method === 'POST' && c.route === `/channels/${thread.id}/messages`);
  expect(posts.map((c) => c.status)).toEqual([200, 200, 429, 200, 200, 200]); // intro, m0, then m1 limited and resent
}, 20_000);

test('5xx from Discord: retried until it goes through, once', async () => {
  await h.postWebhook(customerText({ text: 'm0' }));
  const thread = await h.thread(2);
  // More failures than discord.js retries by itself (3): the outbox retries the rest.
  h.fake.failNext({ route: new RegExp(`^/channels/${thread.id}/messages$`), method: 'POST', status: 503, times: 5 });
  await h.postWebhook(customerText({ text: 'm1' }));
  await h.eventually(() => expect(texts(thread.id)).toEqual(['m0', 'm1']), 15_000);
}, 20_000);
