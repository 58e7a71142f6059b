/** Customer → Discord: one thread (or forum post) per conversation, in order, notify users mentioned, archived threads reopened. */
import { DISCORD_NOTIFY, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { customerText } from '../support/webhooks';

let h: DiscordHarness;
afterEach(async () => {
  await h?.close();
});

describe.each([
  ['a text channel', false],
  ['a forum channel', true],
])('in %s', (_label, forum) => {
  beforeEach(async () => {
    h = await startDiscordHarness(forum ? 'discord-forum' : 'discord-text', { forum });
  });

  test('the first message opens one thread named after the customer; its first post mentions the notify users', async () => {
    const res = await h.postWebhook(customerText({ from: '16505551234', name: 'Sheena Nelson', text: 'Does it come in *another* color?' }));
    expect(res.status).toBe(200);
    const thread = await h.thread(2);
    expect(thread.name).toBe('Sheena Nelson (+16505551234)');
    expect(thread.parent_id).toBe(h.channelId);
    expect(thread.thread_metadata?.auto_archive_duration).toBe(10080);

    const [intro, message] = h.fake.messagesIn(thread.id);
    for (const u of DISCORD_NOTIFY) expect(intro!.content).toContain(`<@${u}>`);
    expect(intro!.content).toContain('**Sheena Nelson (+16505551234)**');
    expect(intro!.mentions.map((u) => u.id).sort()).toEqual([...DISCORD_NOTIFY].sort());
    // Only the notify users may be pinged, whatever the text says.
    const create = h.fake.calls.find(
      (c) => c.method === 'POST' && (forum ? c.route === `/channels/${h.channelId}/threads` : c.route === `/channels/${thread.id}/messages`),
    )!;
    const body = create.body as { allowed_mentions?: unknown; message?: { allowed_mentions?: unknown } };
    expect(forum ? body.message?.allowed_mentions : body.allowed_mentions).toEqual({ parse: [], users: DISCORD_NOTIFY });

    expect(message!.content).toBe('**Sheena Nelson** (customer)\nDoes it come in **another** color?');
    expect(message!.author.id).toBe(h.fake.botUserId);
    if (forum) expect(intro!.id).toBe(thread.id); // a forum post's starter message
  });

  test('a second message goes to the same thread, after the first', async () => {
    await h.postWebhook(customerText({ text: 'one' }));
    const thread = await h.thread(2);
    await h.postWebhook(customerText({ text: 'two' }));
    await h.eventually(() => expect(h.contents(thread.id)).toHaveLength(3));
    expect(h.threads()).toHaveLength(1);
    expect(h.contents(thread.id).slice(1)).toEqual(['**Sheena Nelson** (customer)\none', '**Sheena Nelson** (customer)\ntwo']);
  });
});

describe('in a text channel', () => {
  beforeEach(async () => {
    h = await startDiscordHarness('discord-text-more');
  });

  test('a burst of messages lands in one thread, in order', async () => {
    for (let i = 0; i < 6; i++) expect((await h.postWebhook(customerText({ text: `burst ${i}` }))).status).toBe(200);
    const thread = await h.thread(7);
    expect(h.threads()).toHaveLength(1);
    expect(
      h
        .contents(thread.id)
        .slice(1)
        .map((c) => c.split('\n')[1]),
    ).toEqual(['burst 0', 'burst 1', 'burst 2', 'burst 3', 'burst 4', 'burst 5']);
  });

  test('an archived thread comes back when the customer writes again (sending unarchives it)', async () => {
    await h.postWebhook(customerText({ text: 'before' }));
    const thread = await h.thread(2);
    h.fake.setThreadState(thread.id, { archived: true });
    await h.postWebhook(customerText({ text: 'after a week' }));
    await h.eventually(() => expect(h.contents(thread.id).at(-1)).toContain('after a week'));
    expect(h.fake.channel(thread.id)).toMatchObject({ thread_metadata: { archived: false } });
    expect(h.threads()).toHaveLength(1);
  });

  test('an archived and locked thread is reopened (PATCH) before the post', async () => {
    await h.postWebhook(customerText({ text: 'before' }));
    const thread = await h.thread(2);
    h.fake.setThreadState(thread.id, { archived: true, locked: true });
    await h.postWebhook(customerText({ text: 'are you there?' }));
    await h.eventually(() => expect(h.contents(thread.id).at(-1)).toContain('are you there?'));
    const calls = h.fake.calls.filter((c) => c.route === `/channels/${thread.id}/messages` || c.route === `/channels/${thread.id}`);
    expect(calls.map((c) => [c.method, c.status])).toEqual([
      ['POST', 200],
      ['POST', 200],
      ['POST', 403],
      ['PATCH', 200],
      ['POST', 200],
    ]);
    expect(calls[3]!.body).toEqual({ archived: false, locked: false });
    expect(h.fake.channel(thread.id)).toMatchObject({ thread_metadata: { archived: false, locked: false } });
  });

  test('a message longer than 2000 characters is split in order', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `line ${String(i).padStart(2, '0')} ${'x'.repeat(50)}`).join('\n');
    await h.postWebhook(customerText({ text: long }));
    const thread = await h.thread(3);
    const parts = h.contents(thread.id).slice(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    // Each part is a post of its own (a mirror of the message: length-limits.test.ts), so each says who wrote it.
    const author = '**Sheena Nelson** (customer)\n';
    expect(parts.every((p) => p.startsWith(author))).toBe(true);
    expect(parts.map((p) => p.slice(author.length)).join('\n')).toBe(long);
  });
});
