/**
 * The agents' language (issue 11 point 9), on any chat side: with the account in another language, the card, a
 * failure notice and a command's answer are written in it (src/i18n/catalogue), and the times in them are the
 * platform's date tokens, never a UTC string. Written against ChatSideDriver like chat-side.suite.ts; run per platform.
 */
import type { ChatSideDriver } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { statusUpdate } from '../support/webhooks';
import { it as italian } from '../../src/i18n/catalogue/it';
import { fr as french } from '../../src/i18n/catalogue/fr';

/** A platform's date token: Slack `<!date^…>`, Discord `<t:…>`. */
const DATE_TOKEN = /<!date\^\d+\^|<t:\d+:f>/;

const CATALOGUES = { it: italian, fr: french };

/** Without bold markers: either platform's markup (`*x*` on Slack, `**x**` on Discord) reads the same. */
const plain = (s: string): string => s.replace(/\*/g, '');

/** The words of a catalogue text around its variables, bold markers left out (compare with `plain(text)`). */
const words = (text: string): RegExp =>
  new RegExp(
    plain(text)
      .split(/\{\{\w+\}\}/)
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*?'),
  );

export function chatSideLanguageSuite(makeDriver: () => ChatSideDriver, label: string, language: keyof typeof CATALOGUES): void {
  const c = CATALOGUES[language];
  let d: ChatSideDriver;
  let steps: ChatSideSteps;

  beforeEach(async () => {
    d = makeDriver();
    await d.start(label, { BRIDGE_LANGUAGE: language });
    steps = new ChatSideSteps(d);
  });

  afterEach(async () => {
    await d?.stop();
  });

  test(`the card is written in the account's language (${language}), with the window as a platform date`, async () => {
    const { thread } = await steps.customerSays('Buongiorno', { from: '4915100000901', name: 'Ada' });
    const card = plain(d.opening(thread).text);
    expect(card).toContain('Ada (+4915100000901)');
    expect(card).toMatch(words(c.card.headline));
    expect(card).toMatch(words(c.card.open));
    expect(card).toMatch(words(c.card.participants.replace('{{people}}', c.card.noParticipants)));
    expect(card).toMatch(words(c.card.windowOpen));
    expect(card).toMatch(DATE_TOKEN);
    expect(card).not.toContain('New WhatsApp conversation');
  });

  test(`a refused reply's failure notice is in ${language}, its time a platform date token, its way out the command`, async () => {
    const phone = '4915100000902';
    const dayAndAnHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    const { thread } = await steps.customerSays('vecchio messaggio', { from: phone, timestamp: dayAndAnHourAgo });
    await d.agentReplies(thread, 'scusi il ritardo');
    const notice = await steps.noticeIn(thread, '/wa template');
    expect(plain(notice.text)).toMatch(words(c.notices.notDelivered));
    expect(notice.text).toContain(`/wa template +${phone} `);
    expect(notice.text).toMatch(DATE_TOKEN);
    // Slack's token carries a UTC fallback for old clients (`<!date^…|… UTC>`): outside the tokens, no UTC time.
    expect(notice.text.replace(/<!date\^[^>]*>/g, '')).not.toMatch(/UTC|What to do/);
    expect(d.graph.sentMessages()).toHaveLength(0);
  });

  test(`a WhatsApp failure code is explained in ${language}: what it means and what to do`, async () => {
    const wamids: string[] = [];
    d.graph.onMessageSent = (_body, wamid) => wamids.push(wamid);
    const { thread } = await steps.customerSays('Ciao', { from: '4915100000904' });
    const reply = await d.agentReplies(thread, 'Ecco l’offerta');
    await eventually(() => expect(wamids).toHaveLength(1));
    await d.webhook(statusUpdate(wamids[0]!, 'failed', { code: 131026, title: 'Message undeliverable' }));
    await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['failed']));
    const notice = plain((await steps.noticeIn(thread, '131026')).text);
    expect(notice).toContain(plain(c.errors.whatsapp.e131026.meaning));
    expect(notice).toContain(plain(c.errors.whatsapp.e131026.action));
  });

  test(`a lifecycle command answers in ${language} and the card follows`, async () => {
    const phone = '4915100000903';
    const { thread } = await steps.customerSays('Ciao', { from: phone });
    const answer = await d.runCommand({ sub: 'claim', thread, phone });
    expect(answer).toEqual({ text: c.lifecycle.ownYouNow, private: true });
    await eventually(() => expect(plain(d.opening(thread).text)).toMatch(words(c.card.owned)));
  });
}
