/**
 * Agents' files → WhatsApp: files shared in a bridged thread (Slack file_share, Discord attachments) are fetched
 * from the platform, uploaded to POST /{phone-number-id}/media and sent as their WhatsApp type, every file in
 * order, the text as the first file's caption. Files WhatsApp cannot take are refused in the thread, with the
 * limit that applies, before any call to Meta.
 */
import { loadSlackFixture } from '../fixtures/slack';
import type { SlackFileObject } from '../fakes/slack-api';
import { DISCORD_AGENT, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { AGENT, CHANNEL, slackTs, startHarness, type Harness } from '../support/harness';
import { fileBytes } from '../support/media';
import { customerText } from '../support/webhooks';

const MB = 1024 * 1024;
/** Calls that upload or send to WhatsApp (the template sync at start-up reads templates, which is not one). */
const sendCalls = (calls: Array<{ path: string }>) => calls.filter((c) => /\/(media|messages)$/.test(c.path));

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('media-outbound-slack');
  });
  afterEach(async () => {
    await h.close();
  });

  async function openConversation(): Promise<string> {
    await h.postWebhook(customerText({ text: 'Can you send me the invoice?' }));
    return h.eventually(() => {
      const root = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(root).toBeDefined();
      expect(h.slack.threadReplies(CHANNEL, root!.ts)).toHaveLength(1);
      return root!.ts;
    });
  }

  /** The file_share event of the fixture (bolt-python's capture), in the thread, with files stored on the fake. */
  async function shareFiles(thread: string, text: string, files: Array<{ name: string; mimetype: string; content: Buffer }>): Promise<string> {
    const ts = slackTs();
    const fixture = loadSlackFixture('file_share').event;
    const stored: SlackFileObject[] = files.map((f) => h.slack.addFile({ ...f, user: AGENT }));
    const event = {
      ...fixture,
      channel: CHANNEL,
      user: AGENT,
      ts,
      event_ts: ts,
      thread_ts: thread,
      text,
      files: stored.map((f) => ({ ...fixture.files[0], ...f })),
    };
    h.slack.addMessage(CHANNEL, { ts, text, user: AGENT, thread_ts: thread });
    expect((await h.sender.sendEvent(event)).status).toBe(200);
    return ts;
  }

  const notices = (thread: string) => h.slack.threadReplies(CHANNEL, thread).filter((m) => m.text.includes('Not sent to the customer'));

  test('an agent’s three files are uploaded to Meta and sent in order, as image, document and video, the text as the first caption', async () => {
    const thread = await openConversation();
    const photo = fileBytes('png', 30_000);
    const pdf = fileBytes('pdf', 200_000);
    const video = fileBytes('mp4', 2 * MB);
    const ts = await shareFiles(thread, 'Here you go *Sheena*', [
      { name: 'photo.png', mimetype: 'image/png', content: photo },
      { name: 'invoice-0042.pdf', mimetype: 'application/pdf', content: pdf },
      { name: 'how-to.mp4', mimetype: 'video/mp4', content: video },
    ]);
    const sent = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(3);
      return h.graph.sentMessages();
    });
    const uploads = h.graph.uploads;
    expect([uploads[0]!.bytes.equals(photo), uploads[1]!.bytes.equals(pdf), uploads[2]!.bytes.equals(video)]).toEqual([true, true, true]);
    expect(uploads.map((u) => [u.mimeType, u.filename, u.fields.messaging_product])).toEqual([
      ['image/png', 'photo.png', 'whatsapp'],
      ['application/pdf', 'invoice-0042.pdf', 'whatsapp'],
      ['video/mp4', 'how-to.mp4', 'whatsapp'],
    ]);
    expect(sent.map((m) => m.type)).toEqual(['image', 'document', 'video']);
    expect(sent[0]).toMatchObject({ to: '+16505551234', image: { id: uploads[0]!.id, caption: 'Here you go *Sheena*' } });
    expect(sent[1]).toMatchObject({ document: { id: uploads[1]!.id, filename: 'invoice-0042.pdf' } });
    expect(sent[1]!.document.caption).toBeUndefined();
    expect(sent[2]).toMatchObject({ video: { id: uploads[2]!.id } });
    // Fetched from url_private_download with the bot token (the fake sends anyone else to its sign-in page).
    expect(notices(thread)).toHaveLength(0);
    // The first part is the agent's message itself: its status shows there.
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.wamid).toMatch(/^wamid\./));
  });

  test('text with a voice note first: the text goes first as a text message (audio takes no caption), then the audio', async () => {
    const thread = await openConversation();
    await shareFiles(thread, 'Listen to this', [{ name: 'note.ogg', mimetype: 'audio/ogg', content: fileBytes('ogg', 20_000) }]);
    const sent = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(2);
      return h.graph.sentMessages();
    });
    expect(sent.map((m) => m.type)).toEqual(['text', 'audio']);
    expect(sent[0]!.text.body).toBe('Listen to this');
    expect(sent[1]!.audio.caption).toBeUndefined();
  });

  test('an oversized image is refused in the thread with the 5 MB limit, before any call to Meta', async () => {
    const thread = await openConversation();
    await shareFiles(thread, '', [{ name: 'big-photo.png', mimetype: 'image/png', content: fileBytes('png', 6 * MB) }]);
    const [notice] = await h.eventually(() => {
      expect(notices(thread)).toHaveLength(1);
      return notices(thread);
    });
    expect(notice!.text).toContain('“big-photo.png”: it is 6 MB, and WhatsApp takes images (JPEG or PNG) up to 5 MB');
    await new Promise((r) => setTimeout(r, 300));
    expect(sendCalls(h.graph.calls)).toHaveLength(0);
  });

  test('a type WhatsApp does not take is refused, the other files and the text still go', async () => {
    const thread = await openConversation();
    await shareFiles(thread, 'Two files', [
      { name: 'logs.zip', mimetype: 'application/zip', content: fileBytes('zip', 5000) },
      { name: 'scan.jpg', mimetype: 'image/jpeg', content: fileBytes('jpeg', 5000) },
    ]);
    const sent = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(1);
      return h.graph.sentMessages();
    });
    expect(sent[0]).toMatchObject({ type: 'image', image: { caption: 'Two files' } });
    // The refusal is its own post in the thread, a job of its own: it may land after the send.
    const [notice] = await h.eventually(() => {
      expect(notices(thread)).toHaveLength(1);
      return notices(thread);
    });
    expect(notice!.text).toContain('“logs.zip”: WhatsApp does not take application/zip files');
    expect(h.graph.uploads).toHaveLength(1);
  });

  test('a static WebP sticker over 100 KB is refused when its header shows it is not animated, still before any call to Meta', async () => {
    const thread = await openConversation();
    await shareFiles(thread, '', [{ name: 'sticker.webp', mimetype: 'image/webp', content: fileBytes('webp-static', 200 * 1024) }]);
    const notice = await h.eventually(() => {
      const n = h.slack.threadReplies(CHANNEL, thread).find((m) => m.text.includes('Not delivered'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice.text).toContain('static sticker of 200 KB, and WhatsApp takes static stickers up to 100 KB');
    expect(sendCalls(h.graph.calls)).toHaveLength(0);
  });

  test('an animated WebP of 200 KB is sent as a sticker', async () => {
    const thread = await openConversation();
    const content = fileBytes('webp-animated', 200 * 1024);
    await shareFiles(thread, '', [{ name: 'party.webp', mimetype: 'image/webp', content }]);
    const [sent] = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(1);
      return h.graph.sentMessages();
    });
    expect(sent).toMatchObject({ type: 'sticker', sticker: { id: h.graph.uploads[0]!.id } });
    expect(h.graph.uploads[0]!.bytes.equals(content)).toBe(true);
  });

  test('Meta refusing the upload (131053) marks the file failed in the thread, naming it', async () => {
    const thread = await openConversation();
    h.graph.failNext({ path: /\/media$/, status: 400, error: { code: 131053, message: 'Media upload error' } });
    const ts = await shareFiles(thread, '', [{ name: 'scan.jpg', mimetype: 'image/jpeg', content: fileBytes('jpeg', 4000) }]);
    const notice = await h.eventually(() => {
      const n = h.slack.threadReplies(CHANNEL, thread).find((m) => m.text.includes('Not delivered'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice.text).toContain('📎 scan.jpg');
    expect(notice.text).toContain('131053');
    expect(h.slack.reactionsOn(CHANNEL, ts)).toContain('x');
  });
});

describe('Discord', () => {
  let d: DiscordHarness;
  beforeEach(async () => {
    d = await startDiscordHarness('media-outbound-discord');
  });
  afterEach(async () => {
    await d.close();
  });

  test('an agent’s three attachments are sent in order, the text as the first caption', async () => {
    await d.postWebhook(customerText({ text: 'Photos please' }));
    const thread = await d.thread(2);
    const one = fileBytes('jpeg', 10_000);
    const two = fileBytes('png', 20_000);
    const three = fileBytes('pdf', 30_000);
    d.fake.userSays({
      channelId: thread.id,
      content: 'All **three** here',
      user: DISCORD_AGENT,
      attachments: [
        { filename: 'one.jpg', content: one, contentType: 'image/jpeg' },
        { filename: 'two.png', content: two, contentType: 'image/png' },
        { filename: 'three.pdf', content: three, contentType: 'application/pdf' },
      ],
    });
    const sent = await d.eventually(() => {
      expect(d.graph.sentMessages()).toHaveLength(3);
      return d.graph.sentMessages();
    });
    expect(sent.map((m) => m.type)).toEqual(['image', 'image', 'document']);
    expect(sent[0]!.image.caption).toBe('All *three* here');
    expect(sent[1]!.image.caption).toBeUndefined();
    expect(sent[2]!.document.filename).toBe('three.pdf');
    expect([d.graph.uploads[0]!.bytes.equals(one), d.graph.uploads[1]!.bytes.equals(two), d.graph.uploads[2]!.bytes.equals(three)]).toEqual([true, true, true]);
  });

  test('an oversized video is refused in the thread with the 16 MB limit, before any call to Meta', async () => {
    await d.postWebhook(customerText({ text: 'Video?' }));
    const thread = await d.thread(2);
    d.fake.userSays({
      channelId: thread.id,
      content: '',
      user: DISCORD_AGENT,
      attachments: [{ filename: 'demo.mp4', content: fileBytes('mp4', 17 * MB), contentType: 'video/mp4' }],
    });
    const notice = await d.eventually(() => {
      const n = d.contents(thread.id).find((c) => c.includes('Not sent to the customer'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice).toContain('“demo.mp4”: it is 17 MB, and WhatsApp takes videos (MP4 or 3GPP) up to 16 MB');
    expect(sendCalls(d.graph.calls)).toHaveLength(0);
  });
});
