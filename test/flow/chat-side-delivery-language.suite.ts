/**
 * What the outbox itself tells agents (issue 11 point 9), on any chat side, with the account in Italian: a refusal
 * the outbox makes (a file WhatsApp will not take, found out only when the file is fetched) reads in Italian, its
 * varying part (the file, the sizes) in brackets. Written against ChatSideDriver like chat-side-language.suite.ts.
 */
import type { ChatSideDriver } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { fileBytes } from '../support/media';
import { it as italian } from '../../src/i18n/catalogue/it';

/** Without bold markers and Discord's escapes (`not\_accepted`): either platform's markup reads the same. */
const plain = (s: string): string => s.replace(/\*/g, '').replace(/\\(.)/g, '$1');

export function chatSideDeliveryLanguageSuite(makeDriver: () => ChatSideDriver, label: string): void {
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

  test('a static sticker over 100 KB, refused by the outbox before any call to Meta, is explained in Italian', async () => {
    const { thread } = await steps.customerSays('Mi mandi lo sticker?', { from: '4915100000911' });
    await d.agentUploads(thread, '', [{ name: 'adesivo.webp', mimetype: 'image/webp', bytes: fileBytes('webp-static', 200 * 1024) }]);
    const notice = plain((await steps.noticeIn(thread, '⚠️')).text);
    const failure = italian.delivery.failures.staticSticker;
    expect(notice).toContain(plain(italian.notices.notDelivered.split('{{')[0]!));
    expect(notice).toContain(`${failure.meaning} (“adesivo.webp”: 200 KB; WhatsApp ≤ 100 KB) (codice not_accepted)`);
    expect(notice).toContain(failure.action);
    expect(notice).not.toMatch(/static sticker|What to do|was not sent/);
    expect(d.graph.sentMessages()).toHaveLength(0);
  });
}
