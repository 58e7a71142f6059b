/**
 * A customer's edits and deletions (Meta's `edit` / `revoke` fixtures, with the target changed to a message of the
 * test) update the bridge's post of that message: Slack chat.update, Discord PATCH. What cannot be updated is a line.
 */
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { fileBytes, fixtureMessage, newMediaId, customerSaysInSlack } from '../support/media';
import { customerText, newWamid } from '../support/webhooks';

const edit = (target: string, text?: string) =>
  fixtureMessage('message-edit', {
    edit: (m) => {
      m.edit.original_message_id = target;
      // Meta's example edits an image's caption; a text edit carries the text message instead.
      if (text !== undefined) m.edit.message = { type: 'text', text: { body: text } };
    },
  }).body;
const revoke = (target: string) => fixtureMessage('message-revoke', { edit: (m) => (m.revoke.original_message_id = target) }).body;

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('media-edits-slack');
  });
  afterEach(async () => {
    await h.close();
  });

  const root = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
  const replies = () => h.slack.threadReplies(CHANNEL, root().ts);

  const customerSays = (text: string) => customerSaysInSlack(h, text);

  test('an edit updates the customer’s post (chat.update) and says so; a deletion strikes it through and says so', async () => {
    const { wamid, ts } = await customerSays('I want the red one');
    await h.postWebhook(edit(wamid, 'I want the *blue* one'));
    await h.eventually(() => expect(h.slack.findMessage(CHANNEL, ts)?.text).toBe('I want the *blue* one\n_✏️ Edited by the customer_'));
    await h.postWebhook(revoke(wamid));
    await h.eventually(() => expect(h.slack.findMessage(CHANNEL, ts)?.text).toBe('~I want the *blue* one~\n_🗑️ Deleted by the customer_'));
    expect(h.slack.callsTo('chat.update').map((c) => c.args.ts)).toEqual([ts, ts]);
    // Nothing new in the thread: the post itself changed.
    expect(replies()).toHaveLength(1);
    // A later quote of the message shows what it says now.
    expect((await h.bridge.store.getMessage(`wa:${wamid}`))?.content).toEqual({ kind: 'text', text: 'I want the *blue* one' });
  });

  test('Meta’s example as is: a new caption for a customer’s photo updates the file’s message, author line kept', async () => {
    const mediaId = newMediaId();
    h.graph.addMedia(mediaId, { bytes: fileBytes('jpeg', 2000), mimeType: 'image/jpeg' });
    const photo = fixtureMessage('message-image', { edit: (m) => (m.image.id = mediaId) });
    await h.postWebhook(photo.body);
    const post = await h.eventually(() => {
      const p = replies().find((m) => m.files?.length);
      expect(p).toBeDefined();
      return p!;
    });
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`wa:${photo.message.id}`))?.mirrors).toHaveLength(1));
    await h.postWebhook(edit(photo.message.id));
    await h.eventually(() =>
      expect(h.slack.findMessage(CHANNEL, post.ts)?.text).toBe(':bust_in_silhouette: *Sheena Nelson*\nUpdated image caption\n_✏️ Edited by the customer_'),
    );
  });

  test('an edit or deletion of a message the bridge never posted is a line', async () => {
    await customerSays('Hello');
    await h.postWebhook(edit('wamid.NOTKNOWN000000000000000000000000000==', 'new words'));
    await h.postWebhook(revoke('wamid.NOTKNOWN000000000000000000000000000==='));
    await h.eventually(() => expect(replies().map((m) => m.text)).toEqual(['Hello', '✏️ Edited a message; it now says: new words', '🗑️ Deleted a message']));
  });
});

describe('Discord', () => {
  let d: DiscordHarness;
  beforeEach(async () => {
    d = await startDiscordHarness('media-edits-discord');
  });
  afterEach(async () => {
    await d.close();
  });

  test('an edit PATCHes the customer’s post (author line kept); a deletion strikes it through', async () => {
    const wamid = newWamid();
    await d.postWebhook(customerText({ text: 'Deliver on Monday', wamid }));
    const thread = await d.thread(2);
    const post = d.fake.messagesIn(thread.id).find((m) => m.content.endsWith('Deliver on Monday'))!;
    await d.eventually(async () => expect((await d.bridge.store.getMessage(`wa:${wamid}`))?.mirrors).toHaveLength(1));
    await d.postWebhook(edit(wamid, 'Deliver on Tuesday'));
    const current = () => d.fake.messagesIn(thread.id).find((m) => m.id === post.id)!.content;
    await d.eventually(() => expect(current()).toBe('**Sheena Nelson** (customer)\nDeliver on Tuesday\n*✏️ Edited by the customer*'));
    await d.postWebhook(revoke(wamid));
    await d.eventually(() => expect(current()).toBe('**Sheena Nelson** (customer)\n~~Deliver on Tuesday~~\n*🗑️ Deleted by the customer*'));
    expect(d.fake.messagesIn(thread.id)).toHaveLength(2);
  });
});
