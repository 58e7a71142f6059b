/**
 * Interactive messages from agents (issue 13 point 4), written once and run for each chat side by
 * interactive-slack.test.ts and interactive-discord.test.ts: reply buttons and a list filled in the platform's form
 * reach the Graph fake with Meta's exact request body and show in the thread (body, then the choices) with their
 * status marks; a form over Meta's limits is refused privately, naming the field and the limit, before any call; the
 * closed window refuses it with the typed reply's notice; the customer's tap (Meta's webhook examples,
 * test/fixtures/whatsapp/SOURCES.md, with `context.id` set to the wamid of our message) quotes the question it answers.
 */
import type { ThreadView } from '../support/chat-side/driver';
import type { FilledForm, InteractiveSide } from '../support/chat-side/interactive-drivers';
import { ChatSideSteps } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { CUSTOMER, fixtureMessage } from '../support/media';
import { statusUpdate } from '../support/webhooks';

const to = `+${CUSTOMER}`;
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'interactive' };

export function interactiveSuite(makeDriver: () => InteractiveSide, label: string, o: { viaCommand?: (form: FilledForm) => string } = {}): void {
  let d: InteractiveSide;
  let steps: ChatSideSteps;
  let wamids: string[];

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

  /** The bridge's post of what was sent, once it is in the thread. */
  const postWith = (thread: ThreadView, part: string) =>
    eventually(() => {
      const p = d.postsIn(thread).find((x) => x.byBridge && x.text.includes(part));
      expect(p).toBeDefined();
      return p!;
    });

  /** The customer taps: Meta's webhook example, its `context.id` the wamid of our interactive message. */
  const customerTaps = async (fixture: string, wamid: string) => {
    const { body } = fixtureMessage(fixture, { edit: (m) => (m.context.id = wamid) });
    expect(await d.webhook(body)).toBe(200);
  };

  test('reply buttons: Meta’s exact body, shown in the thread with its statuses, the tap quoting the question', async () => {
    const { thread } = await steps.customerSays('Did my parcel leave?');
    const form = { kind: 'button' as const, body: 'Is this your order 42?', options: 'Yes\nNo\nTalk to sales', header: 'Order 42', footer: 'Shop' };
    const answer = await d.sendsInteractive(thread, form);
    expect(answer.refused).toBe(false);
    expect(answer.private).toBe(true);
    expect(await steps.sends(1)).toEqual([
      {
        ...envelope,
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Order 42' },
          body: { text: 'Is this your order 42?' },
          footer: { text: 'Shop' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'option-1', title: 'Yes' } },
              { type: 'reply', reply: { id: 'option-2', title: 'No' } },
              { type: 'reply', reply: { id: 'option-3', title: 'Talk to sales' } },
            ],
          },
        },
      },
    ]);
    // Readable in the thread: the body, then the buttons; the delivery status on that post.
    const post = await postWith(thread, 'Is this your order 42?');
    expect(post.text).toMatch(/Is this your order 42\?[\s\S]*🔘 Yes {3}🔘 No {3}🔘 Talk to sales/);
    await d.webhook(statusUpdate(wamids[0]!, 'delivered'));
    await eventually(() => expect(d.statusMarksOn(thread, post.id)).toEqual(['delivered']));

    await customerTaps('message-interactive-button-reply', wamids[0]!);
    const tap = await eventually(() => {
      const t = d.postsIn(thread).find((p) => p.text.includes('Tapped'));
      expect(t).toBeDefined();
      return t!;
    });
    // Linked to the question it answers: quoted above the choice (Meta's example taps “Cancel”).
    expect(tap.text).toMatch(/(&gt;|>) Is this your order 42\?\n🔘 Tapped: \*{1,2}Cancel\*{1,2}$/);
  });

  test('a list: Meta’s exact body with its sections and rows; the tap quotes the question', async () => {
    const { thread } = await steps.customerSays('How can I get it?');
    const form = {
      kind: 'list' as const,
      body: 'How should we ship it?',
      button: 'Shipping',
      options: '# Fast\nExpress | Next day\nPriority | 1–2 days\n# Pickup\nIn store',
    };
    const answer = await d.sendsInteractive(thread, form, o.viaCommand ? { viaCommand: o.viaCommand(form) } : {});
    expect(answer.refused).toBe(false);
    expect(await steps.sends(1)).toEqual([
      {
        ...envelope,
        interactive: {
          type: 'list',
          body: { text: 'How should we ship it?' },
          action: {
            button: 'Shipping',
            sections: [
              {
                title: 'Fast',
                rows: [
                  { id: 'option-1', title: 'Express', description: 'Next day' },
                  { id: 'option-2', title: 'Priority', description: '1–2 days' },
                ],
              },
              { title: 'Pickup', rows: [{ id: 'option-3', title: 'In store' }] },
            ],
          },
        },
      },
    ]);
    const post = await postWith(thread, 'How should we ship it?');
    expect(post.text).toContain('Shipping');
    expect(post.text).toMatch(/• Express — Next day\n• Priority — 1–2 days\n[\s\S]*• In store/);

    await customerTaps('message-interactive-list-reply', wamids[0]!);
    const tap = await eventually(() => {
      const t = d.postsIn(thread).find((p) => p.text.includes('Tapped'));
      expect(t).toBeDefined();
      return t!;
    });
    expect(tap.text).toMatch(/(&gt;|>) How should we ship it\?\n🔘 Tapped: \*{1,2}Priority Mail Express\*{1,2} — Next Day to 2 Days$/);
  });

  test('over Meta’s limits: refused privately, naming the field and the limit, before any call to Meta', async () => {
    const { thread } = await steps.customerSays('Options please');
    const before = d.postsIn(thread).length;
    const four = await d.sendsInteractive(thread, { kind: 'button', body: 'Pick one', options: 'A\nB\nC\nD' });
    expect(four).toMatchObject({ refused: true, private: true });
    expect(four.text).toContain('4 buttons; WhatsApp allows at most 3');
    const long = await d.sendsInteractive(thread, { kind: 'button', body: 'Pick one', options: 'Yes\nA title far too long for it' });
    expect(long.text).toContain('button 2 (“A title far too long for it”) is 27 characters; WhatsApp allows at most 20');
    const button = await d.sendsInteractive(thread, { kind: 'list', body: 'Pick one', button: 'Open the list of choices', options: 'A\nB' });
    expect(button.text).toContain('the list button text is 24 characters; WhatsApp allows at most 20');
    const rows = await d.sendsInteractive(thread, {
      kind: 'list',
      body: 'Pick one',
      button: 'Open',
      options: Array.from({ length: 11 }, (_, i) => `Row ${i}`).join('\n'),
    });
    expect(rows.text).toContain('11 rows; WhatsApp allows at most 10');
    const untitled = await d.sendsInteractive(thread, { kind: 'list', body: 'Pick one', button: 'Open', options: 'A\n# Second\nB' });
    expect(untitled.text).toContain('section 1 has no title');
    const header = await d.sendsInteractive(thread, { kind: 'button', body: 'Pick one', options: 'Yes', header: 'h'.repeat(61) });
    expect(header.text).toContain('the header is 61 characters; WhatsApp allows at most 60');
    // Where the form shows a refusal under its field (Slack), it is the field at fault.
    expect([four.field, button.field, header.field]).toEqual(d.showsRefusalsUnderFields ? ['options', 'button', 'header'] : [undefined, undefined, undefined]);
    expect(steps.messageCalls()).toEqual([]);
    expect(d.postsIn(thread)).toHaveLength(before);
  });

  test('after the 24-hour window: refused with the typed reply’s notice, nothing sent', async () => {
    const dayAndAnHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    const { thread } = await steps.customerSays('old message', { timestamp: dayAndAnHourAgo });
    const answer = await d.sendsInteractive(thread, { kind: 'button', body: 'Still interested?', options: 'Yes\nNo' });
    expect(answer.refused).toBe(true);
    expect(answer.text).toContain('24-hour window');
    await steps.noticeIn(thread, '/wa template');
    const post = await postWith(thread, 'Still interested?');
    await eventually(() => expect(d.statusMarksOn(thread, post.id)).toEqual(['failed']));
    expect(steps.messageCalls()).toEqual([]);
  });
}
