/**
 * The agents' language for the template texts (issue 11 point 9; src/services/templates, catalogue area `templates`):
 * with the account in Italian, what `/wa template` and `/wa templates` answer (a missing value and what the template
 * needs, a number without its country code, the list, a bulk send's start, a refusal) is in Italian, on any chat side.
 * Written against ChatSideDriver like chat-side-language.suite.ts; run per platform (language-templates.test.ts).
 */
import type { ChatSideDriver } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { FIXTURE_WABA_ID, sendableTemplates } from '../support/templates';
import { t } from '../../src/i18n';
import { it as italian } from '../../src/i18n/catalogue/it';

/** Without bold markers and Discord's escaped underscores (`\_`): either platform's markup reads the same. */
const plain = (s: string): string => s.replace(/\*/g, '').replace(/\\_/g, '_');

/** The words of a catalogue text around its variables, bold markers left out (compare with `plain(text)`). */
const words = (text: string): RegExp =>
  new RegExp(
    plain(text)
      .split(/\{\{\w+\}\}/)
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*?'),
  );

const COUPON = 'coupon_expiration_reminder_number_vars:en';
const UK = '447911123456'; // a valid UK mobile (templates-thread.test.ts)

/** `otherUser`: a user id of this platform who is not the agent (TEMPLATE_SENDERS leaving the agent out). */
export function chatSideTemplatesLanguageSuite(makeDriver: () => ChatSideDriver, label: string, otherUser: string): void {
  const c = italian.templateValues;
  let d: ChatSideDriver;
  let steps: ChatSideSteps;

  async function start(env: Record<string, string> = {}): Promise<void> {
    d = makeDriver();
    await d.start(label, { BRIDGE_LANGUAGE: 'it', ...env });
    steps = new ChatSideSteps(d);
    d.graph.setTemplates(FIXTURE_WABA_ID, sendableTemplates());
    await d.syncTemplates();
  }

  afterEach(async () => {
    await d?.stop();
  });

  test('a missing value: the refusal, the count, what goes where and the example are in Italian; nothing is sent', async () => {
    await start();
    const answer = await d.runCommand({ sub: 'template', phone: `+${UK}`, name: COUPON, params: 'Pablo' });
    expect(answer.private).toBe(true);
    const text = plain(answer.text);
    expect(text).toMatch(words(italian.templates.notSent));
    expect(text).toContain('valori insufficienti: coupon_expiration_reminder_number_vars ne richiede 3, ne hai indicati 1 (mancano corpo {{1}}, corpo {{2}})');
    expect(text).toContain(c.inOrder);
    expect(text).toMatch(words(c.headerText));
    expect(text).toMatch(words(c.typed));
    expect(text).toMatch(words(c.example));
    expect(text).not.toMatch(/too few values|Values, in this order|Example:/);
    expect(d.graph.sentMessages()).toHaveLength(0);
  });

  test('a number without its country code is refused in Italian', async () => {
    await start();
    const answer = await d.runCommand({ sub: 'template', phone: '015112345678', name: COUPON, params: 'Pablo SUMMER20 10' });
    expect(plain(answer.text)).toContain(t('it', 'templatePhone.noCountryCode', { raw: '015112345678' }));
    expect(d.graph.sentMessages()).toHaveLength(0);
  });

  test('`/wa templates` lists each template’s state and needs in Italian (plural of values)', async () => {
    await start();
    const answer = plain((await d.runCommand({ sub: 'templates' })).text);
    expect(answer).toContain(`\`${COUPON}\` — marketing, ${italian.templateStatus.approved} — 3 valori`);
    expect(answer).not.toMatch(/value\(s\)|✅ approved/);
  });

  test('a bulk send’s start is announced in Italian, the refused entry named', async () => {
    await start();
    const answer = await d.runCommand({ sub: 'template', phone: `+${UK},+447911123457,abc`, name: COUPON, params: 'Pablo SUMMER20 10' });
    const refused = t('it', 'templateBulk.startedRefused', { count: 1, inputs: 'abc' });
    expect(plain(answer.text)).toBe(plain(t('it', 'templateBulk.started', { ref: COUPON, count: 2, refused })));
    expect(refused).toBe(' (1 rifiutato: abc)');
    await steps.sends(2);
  });

  test('someone outside TEMPLATE_SENDERS is refused in Italian', async () => {
    await start({ TEMPLATE_SENDERS: otherUser });
    const answer = await d.runCommand({ sub: 'template', phone: `+${UK}`, name: COUPON, params: 'Pablo SUMMER20 10' });
    expect(plain(answer.text)).toMatch(words(italian.templateSend.refusalAll));
    expect(answer.text).not.toContain('You may not send');
    expect(d.graph.sentMessages()).toHaveLength(0);
  });
}
