/**
 * The lifecycle's `/wa` subcommands (src/services/lifecycle/commands/) on the in-memory store: every refusal, and the
 * jobs a change queues (the card on each platform). The flows through Slack and Discord are
 * test/flow/chat-side-lifecycle.suite.ts.
 */
import { createMemoryStore } from '../../../../../adapters/memory';
import { loadConfig } from '../../../../../src/config';
import type { NewJob } from '../../../../../src/domain/records';
import type { Store } from '../../../../../src/domain/store';
import { Accounts } from '../../../../../src/services/accounts';
import { Commands, type CommandRequest } from '../../../../../src/services/commands';
import { registerLifecycleCommands } from '../../../../../src/services/lifecycle/commands';
import { personOf } from '../../../../../src/services/lifecycle/commands/target';
import { Lifecycle } from '../../../../../src/services/lifecycle/lifecycle';

const NOW = new Date('2026-05-20T12:00:00Z');
const config = loadConfig({
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_ACCESS_TOKEN: 'EAAtoken-123456',
  WHATSAPP_APP_SECRET: 'app-secret-1',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-1',
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  SLACK_SIGNING_SECRET: 'signing-secret-1',
  SLACK_CHANNEL_ID: 'C0CHANNEL',
});

let store: Store;
let queued: NewJob[];
let commands: Commands;
const slack = (text: string, extra: Partial<CommandRequest> = {}) =>
  commands.handle({ platform: 'slack', userId: 'UAGENT', userName: 'Ana', channelId: 'C0CHANNEL', text, ...extra });

beforeEach(async () => {
  store = createMemoryStore();
  queued = [];
  commands = new Commands();
  const accounts = new Accounts(config.accounts);
  const lifecycle = new Lifecycle(store, accounts, { sameThreadDays: 7, now: () => NOW });
  registerLifecycleCommands({
    commands,
    lifecycle,
    store,
    accounts,
    enqueue: Object.assign(async (jobs: NewJob[]) => void queued.push(...jobs), { wake: () => undefined }),
  });
  await store.conversationForInbound('106540352242922', { waId: '4915100000001' }, new Date(NOW.getTime() - 3600_000));
});

describe('lifecycle subcommands', () => {
  test('without a thread or a number, with an unknown number, or from another channel: refused, nothing queued', async () => {
    expect((await slack('claim')).text).toContain('name the customer’s number');
    expect((await slack('claim +4915199999999')).text).toBe('No conversation with +4915199999999 on this channel’s number.');
    expect((await slack('claim +4915100000001', { channelId: 'C0OTHER' })).text).toBe('This channel is not a WhatsApp number’s channel.');
    // A thread the bridge does not know, and no number: refused.
    expect((await slack('claim', { threadId: '1.1' })).text).toContain('name the customer’s number');
    expect(queued).toEqual([]);
  });

  test('assign and add need a person', async () => {
    expect((await slack('assign +4915100000001')).text).toBe('Name the person to assign it to: `/wa assign @person`.');
    expect((await slack('add +4915100000001 bob')).text).toBe('Name the person to add: `/wa add @person`.');
    expect(queued).toEqual([]);
  });

  test('claim twice, close twice, reopen an open one: said, and nothing queued the second time', async () => {
    expect((await slack('claim +4915100000001')).text).toBe('You own this conversation now.');
    expect(queued.map((j) => j.kind)).toEqual(['chat.card']);
    queued = [];
    expect((await slack('claim +4915100000001')).text).toBe('You own this conversation already.');
    expect((await slack('reopen +4915100000001')).text).toBe('This conversation is not closed.');
    expect(queued).toEqual([]);
    expect((await slack('close +4915100000001')).text).toBe('Conversation closed.');
    expect(queued).toMatchObject([{ kind: 'chat.card', payload: { thread: 'closed' } }]);
    queued = [];
    expect((await slack('close +4915100000001')).text).toBe('This conversation is closed already.');
    expect(queued).toEqual([]);
  });

  test('a closing message after the 24-hour window is not sent, and the answer says so', async () => {
    await store.conversationForInbound('106540352242922', { waId: '4915100000002' }, new Date(NOW.getTime() - 25 * 3600_000));
    expect((await slack('close +4915100000002 Thanks, bye')).text).toBe(
      'Conversation closed. The closing message was not sent: the 24-hour window has closed (only templates can be sent).',
    );
    expect(queued.map((j) => j.kind)).toEqual(['chat.card']);
  });

  test('a person is read from Slack’s and Discord’s mention forms and bare ids, nothing else', () => {
    expect(personOf('<@U0ABC|ana>')).toEqual({ userId: 'U0ABC', name: 'ana' });
    expect(personOf('<@U0ABC>')).toEqual({ userId: 'U0ABC' });
    expect(personOf('<@!300000000000000101>')).toEqual({ userId: '300000000000000101' });
    expect(personOf('300000000000000101')).toEqual({ userId: '300000000000000101' });
    for (const bad of [undefined, '', '@ana', 'ana', '<#C0123>', '1234']) expect(personOf(bad)).toBeUndefined();
  });
});
