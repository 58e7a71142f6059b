/** internal-notes.ts: which agent messages reach the customer in each reply mode, and the root's line saying so. */
import { decideReply, internalNote, replyRuleLine, replyRuleOf, type ReplyRule } from '../../../../src/services/internal-notes';
import type { AgentMessage } from '../../../../src/domain/chat/inbound';

const NOTES: ReplyRule = { mode: 'notes', notePrefixes: ['note:', 'private:'] };
const MENTION: ReplyRule = { ...NOTES, mode: 'mention' };
const ALL: ReplyRule = { ...NOTES, mode: 'all' };
const bot = (rest: string) => ({ userId: 'UBOT', isBot: true, rest });
const colleague = (rest: string) => ({ userId: 'U0BOB', isBot: false, rest });

describe('decideReply', () => {
  it.each([['note: refund approved, do not tell yet'], ['NOTE: shouting still counts'], ['  Private: leading spaces'], ['*note:* in bold']])(
    'notes mode: a note prefix stays internal (%s)',
    (text) => {
      expect(decideReply({ text }, NOTES)).toEqual({ send: false, why: 'note_prefix' });
    },
  );

  it('notes mode: a message starting with a colleague’s mention stays internal; one in the middle is sent', () => {
    expect(decideReply({ text: '@Bob can you check the stock?', leadingMention: colleague('can you check the stock?') }, NOTES)).toEqual({
      send: false,
      why: 'colleague_mention',
    });
    expect(decideReply({ text: 'Thanks, @Bob will call you' }, NOTES)).toEqual({ send: true, text: 'Thanks, @Bob will call you' });
  });

  it('notes mode: a word that merely starts like a prefix is sent; a configured prefix replaces the defaults', () => {
    expect(decideReply({ text: 'Notebooks are in stock' }, NOTES)).toEqual({ send: true, text: 'Notebooks are in stock' });
    expect(decideReply({ text: 'note: hi' }, { mode: 'notes', notePrefixes: ['//'] })).toEqual({ send: true, text: 'note: hi' });
    expect(decideReply({ text: '// hi' }, { mode: 'notes', notePrefixes: ['//'] })).toEqual({ send: false, why: 'note_prefix' });
  });

  it('notes mode: addressing the bot sends the rest, unless the rest is a note', () => {
    expect(decideReply({ text: '@WA Bridge hello', leadingMention: bot('hello') }, NOTES)).toEqual({ send: true, text: 'hello' });
    expect(decideReply({ text: '@WA Bridge note: hi', leadingMention: bot('note: hi') }, NOTES)).toEqual({ send: false, why: 'note_prefix' });
  });

  it('mention mode: only a message starting with the bot’s mention is sent, without it', () => {
    expect(decideReply({ text: '@WA Bridge It left today', leadingMention: bot('It left today') }, MENTION)).toEqual({ send: true, text: 'It left today' });
    expect(decideReply({ text: 'It left today' }, MENTION)).toEqual({ send: false, why: 'no_bot_mention' });
    expect(decideReply({ text: '@Bob check', leadingMention: colleague('check') }, MENTION)).toEqual({ send: false, why: 'no_bot_mention' });
  });

  it('all mode: everything is sent as written', () => {
    expect(decideReply({ text: 'note: x' }, ALL)).toEqual({ send: true, text: 'note: x' });
    expect(decideReply({ text: '@Bob x', leadingMention: colleague('x') }, ALL)).toEqual({ send: true, text: '@Bob x' });
    expect(decideReply({ text: '@WA Bridge x', leadingMention: bot('x') }, ALL)).toEqual({ send: true, text: '@WA Bridge x' });
  });
});

describe('replyRuleOf and replyRuleLine', () => {
  it('an account without settings gets notes mode with note: and private:', () => {
    expect(replyRuleOf(undefined)).toEqual(NOTES);
    expect(replyRuleOf({ replyMode: 'all' })).toEqual(ALL);
  });

  it('each mode has its line', () => {
    expect(replyRuleLine(NOTES)).toBe(
      'Replies in this thread go to the customer on WhatsApp. Start with `note:`, `private:` or @someone to keep a message internal.',
    );
    expect(replyRuleLine({ mode: 'notes', notePrefixes: ['//'] })).toContain('Start with `//` or @someone');
    expect(replyRuleLine(MENTION)).toMatch(/^Only messages that start by mentioning this bot go to the customer/);
    expect(replyRuleLine(ALL)).toBe('Every reply in this thread goes to the customer on WhatsApp.');
  });
});

describe('internalNote', () => {
  const msg: AgentMessage = {
    platform: 'slack',
    channelId: 'C0SUPPORT1',
    threadId: '1.1',
    messageId: '2.2',
    author: { id: 'U0AGENT01', name: 'Ana' },
    text: 'note: refund ok',
    sentAt: new Date(0),
    files: [{ id: 'F1', name: 'invoice.pdf', mimeType: 'application/pdf', size: 10, url: 'https://files.example/F1', auth: 'none' }],
  };

  it('records the message as internal, marks it 🔒, and mirrors it marked to the other platforms only', () => {
    const { record, jobs } = internalNote(msg, { _id: 'conv1' }, 'note_prefix', ['discord']);
    expect(record).toMatchObject({ _id: 'slack:C0SUPPORT1:2.2', direction: 'internal', text: 'note: refund ok' });
    expect(record.state).toBeUndefined();
    expect(jobs.map((j) => j.kind)).toEqual(['chat.react', 'chat.post']);
    expect(jobs[0]!.payload).toMatchObject({ platform: 'slack', messageId: '2.2', emoji: '🔒' });
    expect(jobs[1]!.payload).toMatchObject({ platform: 'discord', post: { body: '🔒 note: refund ok\n📎 invoice.pdf' }, notify: false });
    expect(jobs.some((j) => j.kind.startsWith('whatsapp.'))).toBe(false);
  });
});
