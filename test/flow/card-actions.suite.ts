/**
 * The card's buttons, on every chat side (issue 11 point 2): the card and each "window closed" refusal carry the
 * actions fitting the conversation's state; a click runs the same lifecycle change as the `/wa` subcommand, as the
 * person who clicked, answers them privately and updates the card; "send a template" opens the template form with
 * the customer's number filled in (not asked) and their name suggested where a variable reads as it.
 * Run per platform by card-actions-slack.test.ts and card-actions-discord.test.ts.
 */
import { FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { fixtureTemplates } from '../fixtures/whatsapp/templates';
import type { CardActionsDriver } from '../support/chat-side/card-actions-driver';
import type { ThreadView } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { eventually } from '../support/harness';

/** The card's state line, as either platform's markup writes it (chat-side-lifecycle.suite.ts). */
const owned = (userId: string) => new RegExp(`Owned\\W+ by <@${userId}>`);
const OPEN_ACTIONS = ['template', 'claim', 'assign', 'add', 'close'];
const WELCOME = 'welcome_discount_template:en_US';

export function cardActionsSuite(makeDriver: () => CardActionsDriver, label: string): void {
  let d: CardActionsDriver;
  let steps: ChatSideSteps;
  const start = async (env?: Record<string, string>) => {
    d = makeDriver();
    await d.start(label, env);
    steps = new ChatSideSteps(d);
  };
  const cardShows = (thread: ThreadView, what: string | RegExp) => eventually(() => expect(d.opening(thread).text).toMatch(what));
  /** The actions offered (in any order: Discord puts the user selects on rows of their own, after the buttons). */
  const sorted = (a: string[]) => [...a].sort();
  const buttonsAre = (thread: ThreadView, actions: string[]) => eventually(() => expect(sorted(d.buttonsOn(thread))).toEqual(sorted(actions)));

  afterEach(async () => {
    await d?.stop();
  });

  test('the card carries the buttons of its state; claim, assign, add, close and reopen by button update it', async () => {
    await start();
    const [owner, helper] = d.notifyUsers as [string, string];
    const { thread } = await steps.customerSays('Hello?', { from: '4915100000811' });
    await buttonsAre(thread, OPEN_ACTIONS);

    expect(await d.click(thread, 'claim')).toEqual({ text: 'You own this conversation now.', private: true });
    await cardShows(thread, owned(d.agentId));
    expect(await d.click(thread, 'assign', { users: [owner] })).toMatchObject({ text: expect.stringContaining('owns this conversation now'), private: true });
    await cardShows(thread, owned(owner));
    expect(await d.click(thread, 'add', { users: [helper] })).toMatchObject({ text: expect.stringContaining('is a participant now'), private: true });
    await cardShows(thread, new RegExp(`Participants: <@${helper}>`));

    expect(await d.click(thread, 'close')).toEqual({ text: 'Conversation closed.', private: true });
    await cardShows(thread, /Closed\W+ by <@/);
    await buttonsAre(thread, ['template', 'reopen']);
    expect(await d.click(thread, 'reopen')).toEqual({ text: 'Conversation reopened.', private: true });
    await cardShows(thread, owned(owner));
    await buttonsAre(thread, OPEN_ACTIONS);
  });

  test('a click by someone not allowed (outside TEMPLATE_SENDERS) is answered privately; no form opens, the card stays', async () => {
    d = makeDriver();
    await d.start(label, { TEMPLATE_SENDERS: d.otherUser });
    steps = new ChatSideSteps(d);
    const { thread } = await steps.customerSays('Hi', { from: '4915100000813' });
    await buttonsAre(thread, OPEN_ACTIONS);
    const before = d.opening(thread).text;
    const answer = await d.click(thread, 'template');
    expect(answer).not.toBe('form');
    expect(answer).toMatchObject({ text: expect.stringContaining('You may not send WhatsApp templates'), private: true });
    expect(d.opening(thread).text).toBe(before);
    expect(sorted(d.buttonsOn(thread))).toEqual(sorted(OPEN_ACTIONS));
  });

  test('the card’s "send a template" opens the form with the customer’s number filled in and their name suggested', async () => {
    await start();
    d.graph.setTemplates(FIXTURE_WABA_ID, fixtureTemplates());
    await d.syncTemplates();
    const { thread } = await steps.customerSays('Any discounts?', { from: '4915100000814', name: 'Ada' });
    expect(await d.click(thread, 'template')).toBe('form');
    const form = await d.formFor(WELCOME);
    expect(form.asksPhone).toBe(false);
    expect(form.text).toContain('+4915100000814');
    // `Welcome to Lucky Shrub, {{first_name}}!`: the customer's name, suggested; the other values are not.
    expect(form.initial).toEqual({ first_name: 'Ada' });
    // Submitted without a number: the template goes to this customer.
    const values = Object.fromEntries(form.keys.map((k) => [k, k === 'header' ? 'https://example.com/shrub.png' : k === 'first_name' ? 'Ada' : 'SAVE10']));
    expect(await d.submitForm(values)).toContain('is on its way to +4915100000814');
    const sent = await steps.sends(1);
    expect(sent[0]).toMatchObject({ to: '+4915100000814', type: 'template', template: { name: 'welcome_discount_template' } });
  });

  test('the "window closed" refusal carries "send a template", which opens the form for this customer', async () => {
    await start();
    d.graph.setTemplates(FIXTURE_WABA_ID, fixtureTemplates());
    await d.syncTemplates();
    const dayAndAnHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    const { thread } = await steps.customerSays('old message', { from: '4915100000815', name: 'Bea', timestamp: dayAndAnHourAgo });
    await d.agentReplies(thread, 'sorry for the delay');
    const notice = await steps.noticeIn(thread, '/wa template');
    await eventually(() => expect(d.buttonsOn(thread, notice.id)).toEqual(['template']));
    expect(await d.click(thread, 'template', { postId: notice.id })).toBe('form');
    const form = await d.formFor(WELCOME);
    expect(form.asksPhone).toBe(false);
    expect(form.text).toContain('+4915100000815');
    expect(form.initial).toEqual({ first_name: 'Bea' });
  });
}
