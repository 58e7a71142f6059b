/**
 * Customer media → Slack: each media type from Meta's fixtures is looked up (GET /{media-id}), downloaded with the
 * access token and uploaded into the conversation's thread (files.getUploadURLExternal → upload URL →
 * files.completeUploadExternal with thread_ts and the caption); large files stream; files WhatsApp no longer has
 * become a notice.
 */
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { CUSTOMER, fileBytes, fixtureMessage, newMediaId } from '../support/media';
import type { StoredMessage } from '../fakes/slack-api';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('media-inbound-slack');
});
afterEach(async () => {
  await h.close();
});

const root = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);

/** The thread's messages that carry a file, once there are `n`. */
function filePosts(n = 1, ms?: number): Promise<StoredMessage[]> {
  return h.eventually(() => {
    const r = root();
    expect(r).toBeDefined();
    const posts = h.slack.threadReplies(CHANNEL, r!.ts).filter((m) => m.files?.length);
    expect(posts).toHaveLength(n);
    return posts;
  }, ms);
}

function stored(fileId: string) {
  return h.slack.files().find((f) => f.id === fileId)!;
}

const cases: Array<{ fixture: string; mime: string; bytes: () => Buffer; name: RegExp; comment: string }> = [
  { fixture: 'message-image', mime: 'image/jpeg', bytes: () => fileBytes('jpeg', 40_000), name: /^whatsapp-photo-\d{8}-\d{6}\.jpg$/, comment: 'Taj Mahal' },
  {
    fixture: 'message-video',
    mime: 'video/mp4',
    bytes: () => fileBytes('mp4', 300_000),
    name: /^whatsapp-video-\d{8}-\d{6}\.mp4$/,
    comment: 'Timelapse of growth',
  },
  {
    fixture: 'message-audio-voice',
    mime: 'audio/ogg; codecs=opus',
    bytes: () => fileBytes('ogg', 12_000),
    name: /^whatsapp-voice-message-\d{8}-\d{6}\.ogg$/,
    comment: '🎤 Voice message',
  },
  { fixture: 'message-document', mime: 'application/pdf', bytes: () => fileBytes('pdf', 90_000), name: /^receipt\.pdf$/, comment: 'my receipt' },
  {
    fixture: 'message-sticker',
    mime: 'image/webp',
    bytes: () => fileBytes('webp-animated', 30_000),
    name: /^whatsapp-sticker-\d{8}-\d{6}\.webp$/,
    comment: '🏷️ Sticker',
  },
];

test.each(cases)(
  '$fixture: fetched from the Graph API with the token and uploaded into the thread with its caption and name',
  async ({ fixture, mime, bytes, name, comment }) => {
    const mediaId = newMediaId();
    const content = bytes();
    h.graph.addMedia(mediaId, { bytes: content, mimeType: mime });
    const type = fixture.replace('message-', '').replace('-voice', '');
    const { body, message, customerName } = fixtureMessage(fixture, { edit: (m) => (m[type].id = mediaId) });
    expect((await h.postWebhook(body)).status).toBe(200);

    const [post] = await filePosts();
    const file = stored(post!.files![0]!.id);
    expect(file.content!.equals(content)).toBe(true);
    expect(file.name).toMatch(name);
    expect(file.shares).toEqual([CHANNEL]);
    expect(post!.thread_ts).toBe(root()!.ts);
    // The comment names the customer (the bot uploads it) and carries the caption, or what the file is.
    expect(post!.text).toContain(`*${customerName}*`);
    expect(post!.text).toContain(comment);
    // Slack needs the length up front: Meta's file_size.
    expect(h.slack.callsTo('files.getUploadURLExternal')[0]!.args).toMatchObject({ length: String(content.length) });

    // GET /{media-id} then the download, both with the access token.
    const lookups = h.graph.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/${mediaId}`));
    expect(lookups).toHaveLength(1);
    const download = h.graph.calls.find((c) => c.path === '/whatsapp_business/attachments/');
    expect(download?.headers.authorization).toBe(`Bearer ${h.graph.accessToken}`);

    // The post is the message's mirror: reactions and edits find it.
    await h.eventually(async () => {
      const record = await h.bridge.store.getMessage(`wa:${message.id}`);
      expect(record?.mirrors).toEqual([expect.objectContaining({ platform: 'slack', messageId: post!.ts })]);
    });
  },
);

test('a 20 MB video is streamed: the upload to Slack starts before the download from WhatsApp has finished', async () => {
  const mediaId = newMediaId();
  const content = fileBytes('mp4', 20 * 1024 * 1024);
  // A slow CDN: 40 chunks of 512 KB, 25 ms apart (about a second). A bridge that buffers the file uploads nothing before the end.
  h.graph.addMedia(mediaId, { bytes: content, mimeType: 'video/mp4', chunks: { bytes: 512 * 1024, delayMs: 25 } });
  const { body } = fixtureMessage('message-video', { edit: (m) => (m.video.id = mediaId) });
  await h.postWebhook(body);

  const [post] = await filePosts(1, 45_000); // 20 MB through two fakes: generous on a loaded machine
  expect(stored(post!.files![0]!.id).content!.equals(content)).toBe(true);
  const download = h.graph.downloads.find((d) => d.id === mediaId)!;
  const upload = h.slack.uploadTimings[0]!;
  expect(download.finishedAt).toBeDefined();
  expect(upload.bytes).toBeGreaterThan(content.length);
  expect(upload.firstByteAt).toBeLessThan(download.finishedAt!);
}, 60_000);

test('an expired media id (Graph error 100) becomes a notice in the thread: the message is there, with why its file is not', async () => {
  // Never added to the fake: GET /{media-id} answers Meta's "Unsupported get request" (code 100), as for an expired id.
  const { body, message } = fixtureMessage('message-video', { edit: (m) => (m.video.id = '999000111') });
  expect((await h.postWebhook(body)).status).toBe(200);
  const post = await h.eventually(() => {
    const p = h.slack.threadReplies(CHANNEL, root()!.ts).find((m) => m.text.includes('could not be shown'));
    expect(p).toBeDefined();
    return p!;
  });
  expect(post.text).toContain('🎬 Video');
  expect(post.text).toContain('Timelapse of growth');
  expect(post.text).toContain('WhatsApp no longer has this file');
  expect(post.text).toContain('(code 100)');
  expect(post.text).toContain('ask the customer to send it again');
  expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  await h.eventually(async () => expect((await h.bridge.store.getMessage(`wa:${message.id}`))?.mirrors).toHaveLength(1));
});

test('a download answered 404 (the media expired after its lookup) becomes the same notice, with code 404', async () => {
  const mediaId = newMediaId();
  h.graph.addMedia(mediaId, { bytes: fileBytes('jpeg', 1000), mimeType: 'image/jpeg' });
  h.graph.failNext({ path: /^\/whatsapp_business\/attachments\/$/, status: 404 });
  const { body } = fixtureMessage('message-image', { edit: (m) => (m.image.id = mediaId) });
  await h.postWebhook(body);
  const post = await h.eventually(() => {
    const p = h.slack.threadReplies(CHANNEL, root()!.ts).find((m) => m.text.includes('could not be shown'));
    expect(p).toBeDefined();
    return p!;
  });
  expect(post.text).toContain('(code 404)');
  expect(post.text).toContain('Taj Mahal');
});

test('a passing Graph error (HTTP 500) is retried by the outbox and the file arrives', async () => {
  const mediaId = newMediaId();
  const content = fileBytes('jpeg', 5000);
  h.graph.addMedia(mediaId, { bytes: content, mimeType: 'image/jpeg' });
  h.graph.failNext({ path: new RegExp(`/${mediaId}$`), status: 500 });
  const { body } = fixtureMessage('message-image', { edit: (m) => (m.image.id = mediaId) });
  await h.postWebhook(body);
  const [post] = await filePosts();
  expect(stored(post!.files![0]!.id).content!.equals(content)).toBe(true);
  expect(h.graph.calls.filter((c) => c.path.endsWith(`/${mediaId}`))).toHaveLength(2);
  expect(h.slack.threadReplies(CHANNEL, root()!.ts).some((m) => m.text.includes('could not be shown'))).toBe(false);
});

test('a media message that is a reply shows the quoted message above the caption', async () => {
  const first = fixtureMessage('message-text', { edit: (m) => (m.text.body = 'Here is the broken part') });
  await h.postWebhook(first.body);
  await h.eventually(() => expect(h.slack.threadReplies(CHANNEL, root()!.ts)).toHaveLength(1));
  const mediaId = newMediaId();
  h.graph.addMedia(mediaId, { bytes: fileBytes('jpeg', 3000), mimeType: 'image/jpeg' });
  const { body } = fixtureMessage('message-image', {
    from: CUSTOMER,
    edit: (m) => {
      m.image.id = mediaId;
      m.context = { from: CUSTOMER, id: first.message.id };
    },
  });
  await h.postWebhook(body);
  const [post] = await filePosts();
  expect(post!.text).toContain('&gt; Here is the broken part\nTaj Mahal');
});
