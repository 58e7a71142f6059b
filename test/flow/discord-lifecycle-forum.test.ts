/**
 * Closing a conversation whose thread is a forum post (issue 11 point 3): the post is archived and gets the forum's
 * "Closed" tag (the harness forum has one: test/support/discord-harness.ts); reopening takes the tag off and unarchives.
 */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { DISCORD_CLOSED_TAG } from '../support/discord-harness';
import { eventually } from '../support/harness';

const d = new DiscordDriver({ forum: true });
afterEach(() => d.stop());

test('close tags and archives the forum post; reopen untags and unarchives it', async () => {
  await d.start('discord-lifecycle-forum');
  const steps = new ChatSideSteps(d);
  const phone = '4915100000717';
  const { thread } = await steps.customerSays('Hello', { from: phone });
  const tags = () => (d['harness'].fake.state.channel(thread.id) as { applied_tags?: string[] }).applied_tags;
  expect(tags()).toEqual([]);
  await d.runCommand({ sub: 'close', thread, phone });
  await eventually(() => {
    expect(tags()).toEqual([DISCORD_CLOSED_TAG]);
    expect(d.threadClosed(thread)).toBe(true);
  });
  await d.runCommand({ sub: 'reopen', thread, phone });
  await eventually(() => {
    expect(tags()).toEqual([]);
    expect(d.threadClosed(thread)).toBe(false);
  });
});
