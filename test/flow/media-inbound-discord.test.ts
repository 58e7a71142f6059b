/**
 * Customer media → Discord: the file is an attachment of the customer's post in the thread (multipart files[0] +
 * payload_json), with the caption; a file over Discord's upload limit is a notice with both sizes instead.
 */
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { fileBytes, fixtureMessage, newMediaId } from '../support/media';

let d: DiscordHarness;
beforeEach(async () => {
  d = await startDiscordHarness('media-inbound-discord');
});
afterEach(async () => {
  await d.close();
});

const cases = [
  {
    fixture: 'message-image',
    type: 'image',
    mime: 'image/jpeg',
    bytes: () => fileBytes('jpeg', 50_000),
    caption: 'Taj Mahal',
    filename: /^whatsapp-photo-\d{8}-\d{6}\.jpg$/,
  },
  {
    fixture: 'message-document',
    type: 'document',
    mime: 'application/pdf',
    bytes: () => fileBytes('pdf', 70_000),
    caption: 'my receipt',
    filename: /^receipt\.pdf$/,
  },
  {
    fixture: 'message-audio-voice',
    type: 'audio',
    mime: 'audio/ogg; codecs=opus',
    bytes: () => fileBytes('ogg', 9000),
    caption: '🎤 Voice message',
    filename: /^whatsapp-voice-message-.*\.ogg$/,
  },
];

test.each(cases)('$fixture: an attachment of the customer’s post, with the caption', async ({ fixture, type, mime, bytes, caption, filename }) => {
  const mediaId = newMediaId();
  const content = bytes();
  d.graph.addMedia(mediaId, { bytes: content, mimeType: mime });
  const { body, customerName } = fixtureMessage(fixture, { edit: (m) => (m[type].id = mediaId) });
  await d.postWebhook(body);
  const thread = await d.thread(2);
  const post = d.fake.messagesIn(thread.id)[1]!;
  expect(post.content).toBe(`**${customerName}** (customer)\n${caption}`);
  expect(post.attachments).toHaveLength(1);
  expect(post.attachments[0]!.filename).toMatch(filename);
  // The attachment as Discord's CDN serves it.
  const served = Buffer.from(await (await fetch(post.attachments[0]!.url)).arrayBuffer());
  expect(served.equals(content)).toBe(true);
  const posts = d.fake.calls.filter((c) => c.method === 'POST' && c.route === `/channels/${thread.id}/messages`);
  expect(posts.map((c) => c.files.map((f) => f.field))).toEqual([[], ['files[0]']]);
  expect(posts[1]!.body).toMatchObject({ attachments: [{ id: 0, filename: post.attachments[0]!.filename }] });
});

test('a video over Discord’s 10 MB limit is a notice with both sizes; nothing is uploaded', async () => {
  const mediaId = newMediaId();
  d.graph.addMedia(mediaId, { bytes: fileBytes('mp4', 12 * 1024 * 1024), mimeType: 'video/mp4' });
  const { body } = fixtureMessage('message-video', { edit: (m) => (m.video.id = mediaId) });
  await d.postWebhook(body);
  const thread = await d.thread(2);
  const post = d.fake.messagesIn(thread.id)[1]!;
  expect(post.attachments).toHaveLength(0);
  expect(post.content).toContain('Timelapse of growth');
  expect(post.content).toContain('the file is 12 MB and Discord takes files up to 10 MB from the bridge');
});
