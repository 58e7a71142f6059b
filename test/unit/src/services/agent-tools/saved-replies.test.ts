/** Saved replies' placeholders and the refusals of `/wa replies add` (every bad input), on the in-memory store. */
import { createMemoryStore } from '../../../../../adapters/memory';
import type { AccountConfig } from '../../../../../src/config';
import { createLogger } from '../../../../../src/logger';
import { Accounts } from '../../../../../src/services/accounts';
import { fillPlaceholders, unknownPlaceholders } from '../../../../../src/services/agent-tools/placeholders';
import { SAVED_REPLY_MAX, SavedReplies } from '../../../../../src/services/agent-tools/saved-replies';
import { AgentPlaces } from '../../../../../src/services/agent-tools/where';

const account = { phoneNumberId: '111', name: 'Sales', slack: { channelId: 'C1', notifyUsers: [] } } as unknown as AccountConfig;

function setUp() {
  const store = createMemoryStore();
  const places = new AgentPlaces(
    store,
    new Accounts([
      account,
      { ...account, phoneNumberId: '222', name: 'Support', slack: { channelId: 'C2', notifyUsers: [] }, discord: { channelId: '900', notifyUsers: [] } },
    ]),
    {},
  );
  const replies = new SavedReplies(store, places, {}, { handle: async () => ({ result: 'queued', jobs: [] }) }, async () => undefined, createLogger('silent'));
  return { store, replies };
}
const here = { platform: 'slack' as const, channelId: 'C1' };
const ana = { platform: 'slack' as const, userId: 'U1', userName: 'Ana' };

describe('placeholders', () => {
  it('are filled from the conversation; unknown values fall back as documented', () => {
    const text = 'Hi {customer_first_name} ({customer_name}, {customer_phone}), {agent_name} of {account_name}. {CUSTOMER_NAME}';
    expect(fillPlaceholders(text, { customer: { waId: '4915112345678', name: 'Sheena Nelson' }, agentName: 'Ana', accountName: 'Sales' })).toBe(
      'Hi Sheena (Sheena Nelson, +4915112345678), Ana of Sales. Sheena Nelson',
    );
    expect(fillPlaceholders('Hi {customer_name}{customer_phone}', { customer: { userId: 'US.1' }, accountName: 'Sales' })).toBe('Hi there');
  });

  it('unknown ones are listed once each, in order; braces without a name are text', () => {
    expect(unknownPlaceholders('{custmer} {x} {custmer} {customer_name} { } {}')).toEqual(['custmer', 'x']);
  });
});

describe('/wa replies add refuses', () => {
  it.each([
    ['a name with spaces or signs', 'hi there!', 'Hello', 'cannot be a saved reply’s name'],
    ['a name too long', 'n'.repeat(41), 'Hello', 'cannot be a saved reply’s name'],
    ['an empty text', 'greeting', '   ', 'Usage'],
    ['an unknown placeholder', 'greeting', 'Hi {name}', '`{name}` is not a placeholder'],
    ['a text too long', 'greeting', 'x'.repeat(SAVED_REPLY_MAX + 1), `at most ${SAVED_REPLY_MAX}`],
  ])('%s', async (_what, name, text, said) => {
    const { store, replies } = setUp();
    expect(await replies.add(here, ana, name, text)).toContain(said);
    expect(await store.listReplies('111')).toEqual([]);
  });

  it('a channel that is no number’s channel', async () => {
    const { replies } = setUp();
    expect(await replies.add({ platform: 'slack', channelId: 'C9' }, ana, 'greeting', 'Hello')).toContain('not the channel of a WhatsApp number');
  });
});

describe('saved replies are kept per number', () => {
  it('a name is stored in lower case in its channel’s number only; removing an unknown one says so', async () => {
    const { replies } = setUp();
    expect(await replies.add(here, ana, 'Greeting', 'Hello')).toContain('added');
    expect(await replies.add(here, ana, 'greeting', 'Hello again')).toContain('replaced');
    expect(await replies.choices(here, 'GR')).toEqual([{ name: 'greeting', text: 'Hello again' }]);
    expect(await replies.choices({ platform: 'slack', channelId: 'C2' })).toEqual([]);
    expect(await replies.remove({ platform: 'slack', channelId: 'C2' }, 'greeting')).toContain('has no saved reply');
  });

  it('how to send it is said for the platform: Slack also has its message shortcut, Discord has /wa reply', async () => {
    const { replies } = setUp();
    const onSlack = await replies.add(here, ana, 'greeting', 'Hello');
    expect(onSlack).toContain('`/wa reply greeting` (or the message shortcut “Send a saved reply”).');
    const onDiscord = await replies.add({ platform: 'discord', channelId: '900' }, { platform: 'discord', userId: '42', userName: 'Ana' }, 'bye', 'Bye');
    expect(onDiscord).toBe('✅ Saved reply `bye` added for Support. Send it in a customer’s thread with `/wa reply bye`.');
  });

  it('sending needs a conversation: a bad number or a thread that is none is refused', async () => {
    const { replies } = setUp();
    await replies.add(here, ana, 'greeting', 'Hello');
    expect((await replies.send(here, ana, 'greeting', '12345')).text).toContain('has no country code');
    expect((await replies.send(here, ana, 'greeting', '+4915112345678')).text).toContain('No conversation with +4915112345678');
    expect((await replies.send({ ...here, threadId: '1.0' }, ana, 'greeting')).text).toContain('not a WhatsApp conversation');
    expect((await replies.send(here, ana, 'greeting')).text).toContain('Give the customer’s number');
  });
});
