/**
 * The flows every chat side must pass, written once against ChatSideDriver (test/support/chat-side/driver.ts) and
 * run for each platform by a thin test file (chat-side-slack.test.ts, chat-side-discord.test.ts). A new platform
 * gets its acceptance test by writing one driver. Customers and statuses arrive as Meta's webhook fixtures through
 * the signed route; what reaches WhatsApp is checked as the exact request body the fake Graph API received.
 * Richer, platform-specific cases stay in the per-platform flow tests (slack-to-customer, discord-to-customer, …).
 */
import type { AgentFile, ChatSideDriver } from '../support/chat-side/driver';
import { ChatSideSteps, customerReaction, reactionBody, textBody } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { CUSTOMER, fileBytes, fixtureMessage, newMediaId } from '../support/media';
import { sendableTemplates } from '../support/templates';
import { FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { customerText, newWamid, statusUpdate } from '../support/webhooks';

export function chatSideSuite(makeDriver: () => ChatSideDriver, label: string): void {
  let d: ChatSideDriver;
  /** wamids the Graph fake gave, per accepted send, in order. */
  let wamids: string[];
  let steps: ChatSideSteps;
  const customerSays: ChatSideSteps['customerSays'] = (text, o) => steps.customerSays(text, o);

  beforeEach(async () => {
    d = makeDriver();
    await d.start(label);
    wamids = [];
    d.graph.onMessageSent = (_body, wamid) => wamids.push(wamid);
    steps = new ChatSideSteps(d);
  });
  afterEach(async () => {
    await d?.stop();
  });

  describe('a thread per conversation', () => {
    test('a first message opens one thread naming the customer, pinging exactly the notify users; the message is posted in it', async () => {
      expect(await d.webhook(customerText({ from: '16505551234', name: 'Sheena Nelson', text: 'Does it come in another color?' }))).toBe(200);
      const thread = await d.threadOf('16505551234');
      expect(thread.title).toContain('Sheena Nelson');
      const opening = d.opening(thread);
      expect(opening.byBridge).toBe(true);
      expect([...opening.mentions].sort()).toEqual([...d.notifyUsers].sort());
      const [post] = await eventually(() => {
        expect(d.postsIn(thread)).toHaveLength(1);
        return d.postsIn(thread);
      });
      expect(post).toMatchObject({ text: 'Does it come in another color?', author: 'Sheena Nelson', byBridge: true });
    });

    test('the same customer’s next message goes to the same thread, in order; another customer gets a thread of their own', async () => {
      const { thread } = await customerSays('one');
      await customerSays('two');
      await customerSays('hi there', { from: '447700900123', name: 'Priya' });
      expect(d.threads()).toHaveLength(2);
      expect(d.postsIn(thread).map((p) => p.text)).toEqual(['one', 'two']);
      const other = await d.threadOf('447700900123');
      expect(other.id).not.toBe(thread.id);
      expect(d.postsIn(other).map((p) => p.text)).toEqual(['hi there']);
    });

    test('once an agent has replied, the customer’s next message pings that agent and not the notify users', async () => {
      const { thread } = await customerSays('first');
      const { post: sameTurn } = await customerSays('still me, same turn');
      expect(sameTurn.mentions).toEqual([]);
      await d.agentReplies(thread, 'Hello, how can I help?');
      await steps.sends(1);
      const { post } = await customerSays('thanks');
      expect(post.mentions).toEqual([d.agentId]);
    });
  });

  describe('an agent’s reply goes to WhatsApp', () => {
    test('a reply in the thread is sent to the customer: exactly Meta’s text request', async () => {
      const { thread } = await customerSays('Is my order shipped?', { from: '4915112345678' });
      await d.agentReplies(thread, 'Yes, it left this morning.');
      expect(await steps.sends(1)).toEqual([textBody('+4915112345678', 'Yes, it left this morning.')]);
    });

    test('delivery statuses show on the agent’s post: sent, then delivered, then read', async () => {
      const { thread } = await customerSays('Where is it now?');
      const reply = await d.agentReplies(thread, 'On its way');
      await steps.sends(1);
      const wamid = wamids[0]!;
      for (const status of ['sent', 'delivered', 'read'] as const) {
        expect(await d.webhook(statusUpdate(wamid, status))).toBe(200);
        await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual([status]));
      }
    });

    test('a `failed` status marks the post failed and explains in the thread: the code, what it means, what to do', async () => {
      const { thread } = await customerSays('Send me the offer');
      const reply = await d.agentReplies(thread, 'Here is our offer');
      await steps.sends(1);
      await d.webhook(statusUpdate(wamids[0]!, 'failed', { code: 131026, title: 'Message undeliverable' }));
      await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['failed']));
      const notice = await steps.noticeIn(thread, '131026');
      expect(notice.text).toContain('Not delivered');
      expect(notice.text).toContain('What to do:');
    });

    test('Meta refusing the send with 131047 (window closed) is explained with the way out, and not retried', async () => {
      const { thread } = await customerSays('Hello?');
      d.graph.failNext({
        path: /\/messages$/,
        status: 400,
        error: {
          code: 131047,
          message: 'Re-engagement message',
          details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
      });
      const reply = await d.agentReplies(thread, 'Are you still there?');
      const notice = await steps.noticeIn(thread, '131047');
      expect(notice.text).toContain('/wa template');
      await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['failed']));
      expect(steps.messageCalls()).toHaveLength(1);
      expect(d.graph.sentMessages()).toHaveLength(0);
    });

    test('a reply after the 24-hour window is refused before calling Meta, marked failed, with the way out', async () => {
      const dayAndAnHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
      const { thread } = await customerSays('old message', { timestamp: dayAndAnHourAgo });
      const reply = await d.agentReplies(thread, 'sorry for the delay');
      const notice = await steps.noticeIn(thread, '/wa template');
      expect(notice.text).toContain('24 hours');
      // The way out names this customer's number.
      expect(notice.text).toContain(`/wa template +${CUSTOMER} `);
      await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['failed']));
      expect(steps.messageCalls()).toHaveLength(0);
    });
  });

  test('echo filtering: the bridge’s own posts and reactions handed back by the platform are not relayed to WhatsApp', async () => {
    const wamid = newWamid();
    const { thread, post } = await customerSays('Thanks!', { wamid });
    await d.agentReplies(thread, 'first answer');
    await steps.sends(1);
    // The bridge's own reactions too: a status mark on the agent's post, the customer's reaction on theirs.
    await d.webhook(statusUpdate(wamids[0]!, 'read'));
    await d.webhook(customerReaction(wamid, '👍'));
    await eventually(() => expect(d.reactionsOn(thread, post.id)).toEqual(['👍']));
    await d.echoBridgeActivity(thread);
    // A person's reply after the echoes still goes, and is the only thing that went: an echo relayed would come first.
    await d.agentReplies(thread, 'second answer');
    await eventually(() => expect(d.graph.sentMessages()).toHaveLength(2));
    expect(d.graph.sentMessages()).toEqual([textBody(`+${CUSTOMER}`, 'first answer'), textBody(`+${CUSTOMER}`, 'second answer')]);
  });

  describe('files both ways', () => {
    test('a customer’s photo is posted in the thread as a file with the same bytes and its caption', async () => {
      await customerSays('I will send a photo');
      const mediaId = newMediaId();
      const jpeg = fileBytes('jpeg', 40_000);
      d.graph.addMedia(mediaId, { bytes: jpeg, mimeType: 'image/jpeg' });
      const { body } = fixtureMessage('message-image', { edit: (m) => (m.image.id = mediaId) });
      expect(await d.webhook(body)).toBe(200);
      const thread = await d.threadOf(CUSTOMER);
      const post = await eventually(() => {
        const p = d.postsIn(thread).find((x) => x.files.length > 0);
        expect(p).toBeDefined();
        return p!;
      });
      expect(post.text).toContain('Taj Mahal'); // the fixture's caption
      expect(post.files).toHaveLength(1);
      expect(post.files[0]!.name).toMatch(/^whatsapp-photo-\d{8}-\d{6}\.jpg$/);
      expect((await post.files[0]!.bytes()).equals(jpeg)).toBe(true);
    });

    test('an agent’s file is uploaded to Meta and sent as a document with the text as its caption', async () => {
      const { thread } = await customerSays('Can you send me the invoice?');
      const pdf: AgentFile = { name: 'invoice-0042.pdf', mimetype: 'application/pdf', bytes: fileBytes('pdf', 20_000) };
      await d.agentUploads(thread, 'here is the invoice', [pdf]);
      const [sent] = await steps.sends(1);
      expect(d.graph.uploads).toHaveLength(1);
      const upload = d.graph.uploads[0]!;
      expect(upload.bytes.equals(pdf.bytes)).toBe(true);
      expect([upload.mimeType, upload.filename, upload.fields.messaging_product]).toEqual(['application/pdf', 'invoice-0042.pdf', 'whatsapp']);
      expect(sent).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${CUSTOMER}`,
        type: 'document',
        document: { id: upload.id, filename: 'invoice-0042.pdf', caption: 'here is the invoice' },
      });
    });
  });

  test('reactions both ways: the customer’s on the post it targets; an agent’s sent as Meta’s reaction request, removal as an empty one', async () => {
    const wamid = newWamid();
    const { thread, post } = await customerSays('My order number is 4411', { wamid });
    expect(await d.webhook(customerReaction(wamid, '👍'))).toBe(200);
    await eventually(() => expect(d.reactionsOn(thread, post.id)).toEqual(['👍']));

    // The reaction shown proves the bridge knows the post: an agent's reaction on it can be traced to the wamid.
    await d.agentReacts(thread, post.id, '❤️');
    const reaction = (emoji: string) => reactionBody(`+${CUSTOMER}`, wamid, emoji);
    expect(await steps.sends(1)).toEqual([reaction('❤️')]);
    await d.agentReacts(thread, post.id, '❤️', { remove: true });
    expect(await steps.sends(2)).toEqual([reaction('❤️'), reaction('')]);

    expect(await d.webhook(customerReaction(wamid, undefined))).toBe(200);
    await eventually(() => expect(d.reactionsOn(thread, post.id)).toEqual([]));
    // Shown on the message, never as a post of its own.
    expect(d.postsIn(thread).map((p) => p.text)).toEqual(['My order number is 4411']);
  });

  describe('the `/wa` command', () => {
    test('`/wa help` is answered privately with the subcommands', async () => {
      const answer = await d.runCommand({ sub: 'help' });
      expect(answer.private).toBe(true);
      expect(answer.text).toContain('/wa help');
      expect(answer.text).toContain('/wa template');
    });

    test('`/wa template` sends exactly Meta’s template request, answers privately, and opens the customer’s thread with it', async () => {
      d.graph.setTemplates(FIXTURE_WABA_ID, sendableTemplates());
      await d.syncTemplates();
      const digits = '447911123456'; // a valid UK mobile (see templates-thread.test.ts)
      const answer = await d.runCommand({
        sub: 'template',
        phone: `+${digits}`,
        name: 'coupon_expiration_reminder_number_vars:en',
        params: 'Pablo SUMMER20 10',
      });
      expect(answer.private).toBe(true);
      expect(answer.text).toContain(`is on its way to +${digits}`);
      expect(await steps.sends(1)).toEqual([
        {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: `+${digits}`,
          type: 'template',
          template: {
            name: 'coupon_expiration_reminder_number_vars',
            language: { code: 'en' },
            components: [
              { type: 'header', parameters: [{ type: 'text', text: 'Pablo' }] },
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'SUMMER20' },
                  { type: 'text', text: '10' },
                ],
              },
            ],
          },
        },
      ]);
      const thread = await d.threadOf(digits);
      await eventually(() => expect(d.postsIn(thread).some((p) => p.text.includes('Act fast, Pablo!'))).toBe(true));
    });
  });
}
