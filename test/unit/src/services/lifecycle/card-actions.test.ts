/**
 * A click on the card's buttons (src/services/lifecycle/card-actions.ts) on the in-memory store: every refusal (an
 * unknown conversation, a click from another channel, assign/add with nobody picked, someone outside
 * TEMPLATE_SENDERS), and the form a "send a template" click answers with. Flows: test/flow/card-actions.suite.ts.
 */
import { createMemoryStore } from '../../../../../adapters/memory';
import { loadConfig } from '../../../../../src/config';
import type { CardActionRequest } from '../../../../../src/domain/chat/inbound';
import type { NewJob } from '../../../../../src/domain/records';
import type { Store } from '../../../../../src/domain/store';
import { Accounts } from '../../../../../src/services/accounts';
import { Commands } from '../../../../../src/services/commands';
import { CardActionService } from '../../../../../src/services/lifecycle/card-actions';
import { Lifecycle } from '../../../../../src/services/lifecycle/lifecycle';
import { t } from '../../../../../src/i18n';
import type { TemplateSender } from '../../../../../src/services/templates/sender';
import { mayUse, refusal } from '../../../../../src/services/templates/resolve';

const NOW = new Date('2026-05-20T12:00:00Z');
const CONVERSATION = '106540352242922:4915100000001';
const env = (extra: Record<string, string> = {}) =>
  loadConfig({
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_ACCESS_TOKEN: 'EAAtoken-123456',
    WHATSAPP_APP_SECRET: 'app-secret-1',
    WHATSAPP_VERIFY_TOKEN: 'verify-token-1',
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_SIGNING_SECRET: 'signing-secret-1',
    SLACK_CHANNEL_ID: 'C0CHANNEL',
    ...extra,
  });

let store: Store;
let queued: NewJob[];

async function service(extra: Record<string, string> = {}): Promise<CardActionService> {
  const config = env(extra);
  store = createMemoryStore();
  queued = [];
  const accounts = new Accounts(config.accounts);
  const lifecycle = new Lifecycle(store, accounts, { sameThreadDays: 7, now: () => NOW });
  // The template sender's permission rule only (the rest of it is the flow tests'): the real functions of resolve.ts.
  const templates = {
    mayUse: (account, name, _platform, userId) => mayUse(account, name, userId, undefined, { warn: () => undefined } as never),
    refusal: (account, name) => refusal(account, name),
  } as Pick<TemplateSender, 'mayUse' | 'refusal'> as TemplateSender;
  await store.conversationForInbound('106540352242922', { waId: '4915100000001', name: 'Ada' }, new Date(NOW.getTime() - 3600_000));
  const enqueue = Object.assign(async (jobs: NewJob[]) => void queued.push(...jobs), { wake: () => undefined });
  return new CardActionService({ commands: new Commands(), lifecycle, store, accounts, enqueue, templates });
}

const click = (s: CardActionService, action: CardActionRequest['action'], extra: Partial<CardActionRequest> = {}) =>
  s.cardAction({ platform: 'slack', userId: 'UAGENT', userName: 'Ana', channelId: 'C0CHANNEL', conversationId: CONVERSATION, action, ...extra });

test("the account's language (BRIDGE_LANGUAGE=it): a refusal in Italian, the form opened in Italian", async () => {
  const s = await service({ BRIDGE_LANGUAGE: 'it' });
  expect(await click(s, 'assign')).toEqual({ text: t('it', 'cardActions.pickSomeone') });
  expect(t('it', 'cardActions.pickSomeone')).not.toBe(t('en', 'cardActions.pickSomeone'));
  expect(await click(s, 'template')).toMatchObject({ form: { language: 'it' } });
});

test('an unknown conversation, a click from another channel, or assign/add with nobody picked: refused, nothing queued', async () => {
  const s = await service();
  expect(await click(s, 'claim', { conversationId: '106540352242922:4915199999999' })).toEqual({ text: t('en', 'cardActions.unknownConversation') });
  expect(await click(s, 'claim', { channelId: 'C0OTHER' })).toEqual({ text: t('en', 'cardActions.wrongChannel') });
  expect(await click(s, 'template', { channelId: 'C0OTHER' })).toEqual({ text: t('en', 'cardActions.wrongChannel') });
  expect(await click(s, 'assign')).toEqual({ text: t('en', 'cardActions.pickSomeone') });
  expect(await click(s, 'add', { people: [] })).toEqual({ text: t('en', 'cardActions.pickSomeone') });
  expect(queued).toEqual([]);
  expect((await store.getConversation(CONVERSATION))?.state ?? 'open').toBe('open');
});

test('claim, then add two people: the same answers as /wa, the card queued after each change', async () => {
  const s = await service();
  expect(await click(s, 'claim')).toEqual({ text: 'You own this conversation now.' });
  expect(await click(s, 'add', { people: [{ userId: 'UBOB', name: 'Bob' }, { userId: 'UCAT' }] })).toEqual({
    text: 'Bob is a participant now.\nUCAT is a participant now.',
  });
  expect((await store.getConversation(CONVERSATION))?.participants.map((p) => p.userId)).toEqual(['UBOB', 'UCAT']);
  expect(queued.filter((j) => j.kind === 'chat.card')).toHaveLength(3);
});

test('"send a template": the form for this customer, or the refusal for someone outside TEMPLATE_SENDERS', async () => {
  const open = await service();
  expect(await click(open, 'template')).toEqual({
    form: { channelId: 'C0CHANNEL', conversationId: CONVERSATION, phone: '+4915100000001', customer: 'Ada (+4915100000001)', language: 'en' },
  });
  const limited = await service({ TEMPLATE_SENDERS: 'UBOSS' });
  expect(await click(limited, 'template')).toEqual({ text: expect.stringContaining('You may not send WhatsApp templates') });
  expect(await click(limited, 'template', { userId: 'UBOSS' })).toMatchObject({ form: { phone: '+4915100000001' } });
});
