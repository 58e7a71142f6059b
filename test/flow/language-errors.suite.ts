/**
 * Failures and refusals in the agents' language (issue 11 point 9), on any chat side: with the account in Italian, a
 * code Meta answers a send with, a failure code the catalogue has no entry of its own for, and a file WhatsApp does
 * not take are explained in the thread in Italian (adapters attach catalogue keys, src/services/present/notices.ts and
 * src/services/media-rules.ts word them). Written against ChatSideDriver like chat-side-language.suite.ts.
 */
import type { ChatSideDriver } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { fileBytes } from '../support/media';
import { statusUpdate } from '../support/webhooks';
import { it as italian } from '../../src/i18n/catalogue/it';

/** Without bold markers: either platform's markup (`*x*` on Slack, `**x**` on Discord) reads the same. */
const plain = (s: string): string => s.replace(/\*/g, '');

/** A catalogue text with its variables filled in. */
const fill = (text: string, vars: Record<string, string>): string => text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name]!);

export function languageErrorsSuite(makeDriver: () => ChatSideDriver, label: string): void {
  const c = italian;
  let d: ChatSideDriver;
  let steps: ChatSideSteps;

  beforeEach(async () => {
    d = makeDriver();
    await d.start(label, { BRIDGE_LANGUAGE: 'it' });
    steps = new ChatSideSteps(d);
  });

  afterEach(async () => {
    await d?.stop();
  });

  test('Meta refuses a send with 131030 (the app is not Live): the thread is told in Italian, Meta’s details kept', async () => {
    const { thread } = await steps.customerSays('Ciao', { from: '4915100000911' });
    d.graph.failNext({
      path: /\/messages$/,
      status: 400,
      error: { code: 131030, message: '(#131030) Recipient phone number not in allowed list', details: 'Recipient phone number not in allowed list' },
    });
    await d.agentReplies(thread, 'Ecco l’offerta');
    const notice = plain((await steps.noticeIn(thread, '131030')).text);
    expect(notice).toContain(`${c.errors.whatsapp.e131030.meaning} (Recipient phone number not in allowed list)`);
    expect(notice).toContain(c.errors.whatsapp.e131030.action);
    expect(notice).toContain(plain(c.notices.notDelivered.split('{{')[0]!));
    expect(notice).not.toMatch(/test list|What to do/);
  });

  test('a failed status with a code no table lists: Meta’s own words, and what to do in Italian', async () => {
    const wamids: string[] = [];
    d.graph.onMessageSent = (_body, wamid) => wamids.push(wamid);
    const { thread } = await steps.customerSays('Ciao', { from: '4915100000912' });
    const reply = await d.agentReplies(thread, 'Ecco la fattura');
    await eventually(() => expect(wamids).toHaveLength(1));
    await d.webhook(statusUpdate(wamids[0]!, 'failed', { code: 135000, title: 'Generic user error', details: 'Message failed to send' }));
    await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['failed']));
    const notice = plain((await steps.noticeIn(thread, '135000')).text);
    expect(notice).toContain('Generic user error (Message failed to send)');
    expect(notice).toContain(c.errors.whatsappOther.unknown.action);
    expect(notice).not.toContain('error code reference');
  });

  test('a file WhatsApp does not take is refused in Italian, naming what it takes; the text still goes', async () => {
    const { thread } = await steps.customerSays('Mi mandi i log?', { from: '4915100000913' });
    await d.agentUploads(thread, 'Ecco i log', [{ name: 'logs.zip', mimetype: 'application/zip', bytes: fileBytes('zip', 5000) }]);
    const notice = plain((await steps.noticeIn(thread, 'logs.zip')).text);
    const accepted = Object.values(c.media.kinds).join(', ');
    expect(notice).toContain(fill(c.notices.fileRefusedLine, { name: 'logs.zip', reason: fill(c.media.typeNotTaken, { mime: 'application/zip', accepted }) }));
    expect(notice).toContain(plain(c.notices.filesRefused.split('{{')[0]!));
    expect(notice).not.toMatch(/does not take|What to do/);
    const [sent] = await steps.sends(1);
    expect(sent).toMatchObject({ type: 'text', text: { body: 'Ecco i log' } });
    expect(d.graph.uploads).toHaveLength(0);
  });
}
