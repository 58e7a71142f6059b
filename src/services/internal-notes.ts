/**
 * Which of an agent's messages in a bridged thread go to the customer, and what the ones that do not leave behind.
 * Peers guard against the slip of a line meant for colleagues reaching the customer: Chatwoot keeps lines starting
 * `note:` / `private:` internal, ReplyDock sends only messages that tag the bot (issue 11, point 1). Per account:
 * - `notes` (default): everything, except a message starting with a note prefix or with a mention of a colleague;
 * - `mention`: only a message starting with a mention of the bridge's bot (the mention itself is not sent);
 * - `all`: everything, as written.
 * Pure: inbound/agent-reply.ts persists the result. Adapters say what a message starts with (AgentMessage.leadingMention).
 */
import { DEFAULT_NOTE_PREFIXES, type AccountConfig, type ReplyMode } from '../config';
import type { AgentMessage } from '../domain/chat/inbound';
import { DEFAULT_LANGUAGE, t, type Language } from '../i18n';
import type { ChatPlatform } from '../domain/platform';
import type { ConversationRecord, MessageRecord, NewJob } from '../domain/records';
import { internalMarkJob } from './routing';
import { agentMessageId, agentMessageOrigin, mirrorJobs } from './agent-message';

export interface ReplyRule {
  mode: ReplyMode;
  notePrefixes: string[];
}

/** An account's rule; accounts from loadConfig always carry both, hand-built ones get the defaults. */
export function replyRuleOf(account: Pick<AccountConfig, 'replyMode' | 'notePrefixes'> | undefined): ReplyRule {
  return { mode: account?.replyMode ?? 'notes', notePrefixes: account?.notePrefixes ?? DEFAULT_NOTE_PREFIXES };
}

export type InternalReason = 'note_prefix' | 'colleague_mention' | 'no_bot_mention';
export type ReplyDecision = { send: true; text: string } | { send: false; why: InternalReason };

/** Markup an agent may put around the prefix (`*note:*`, `_note:_`) does not hide it. */
const LEADING_MARKUP = /^[\s*_~>]+/;

function startsWithNotePrefix(text: string, prefixes: string[]): boolean {
  const start = text.replace(LEADING_MARKUP, '').toLowerCase();
  return prefixes.some((p) => start.startsWith(p.toLowerCase()));
}

export function decideReply(msg: Pick<AgentMessage, 'text' | 'leadingMention'>, rule: ReplyRule): ReplyDecision {
  if (rule.mode === 'all') return { send: true, text: msg.text };
  const mention = msg.leadingMention;
  // Addressing the bot means "to the customer": the bot's name is never part of what the customer reads.
  const text = mention?.isBot ? mention.rest : msg.text;
  if (rule.mode === 'mention') return mention?.isBot ? { send: true, text } : { send: false, why: 'no_bot_mention' };
  if (mention && !mention.isBot) return { send: false, why: 'colleague_mention' };
  if (startsWithNotePrefix(text, rule.notePrefixes)) return { send: false, why: 'note_prefix' };
  return { send: true, text };
}

/** The line of a thread's root message that says which rule applies (outbox/handlers/support/threads.ts composes the root). */
export function replyRuleLine(rule: ReplyRule, lang: Language = DEFAULT_LANGUAGE): string {
  switch (rule.mode) {
    case 'all':
      return t(lang, 'replyRule.all');
    case 'mention':
      return t(lang, 'replyRule.mention');
    case 'notes': {
      const ways = [...rule.notePrefixes.map((p) => `\`${p}\``), '@someone'];
      return t(lang, 'replyRule.notes', { ways: ways.slice(0, -1).join(', '), last: ways.at(-1)! });
    }
  }
}

/** The emoji that marks a message kept internal (Slack's `lock`). */
export const INTERNAL_MARK = '🔒';

/**
 * What a message kept internal leaves: its record (`direction: 'internal'`: no send, no status, not an agent reply
 * for the notify rule in notify.ts), the 🔒 on it, and a mirror on the account's other platforms, marked the same way.
 */
export function internalNote(
  msg: AgentMessage,
  conversation: Pick<ConversationRecord, '_id'>,
  why: InternalReason,
  otherSides: ChatPlatform[],
  lang: Language = DEFAULT_LANGUAGE,
): { record: MessageRecord; jobs: NewJob[] } {
  const id = agentMessageId(msg);
  const origin = agentMessageOrigin(msg);
  const record: MessageRecord = {
    _id: id,
    conversationId: conversation._id,
    direction: 'internal',
    createdAt: msg.sentAt,
    origin,
    text: msg.text,
    mirrors: [],
  };
  const files = msg.files?.length ? `\n📎 ${msg.files.map((f) => f.name).join(', ')}` : '';
  const jobs: NewJob[] = [
    internalMarkJob(conversation._id, id, {
      platform: msg.platform,
      channelId: msg.channelId,
      threadId: msg.threadId,
      messageId: msg.messageId,
      emoji: INTERNAL_MARK,
      otherwise: `${INTERNAL_MARK} ${t(lang, 'internal.kept', { why: t(lang, `internal.${why}`) })}`,
    }),
    ...mirrorJobs(msg, conversation._id, otherSides, `${INTERNAL_MARK} ${msg.text}${files}`, t(lang, 'internal.mirrorDetail'), lang),
  ];
  return { record, jobs };
}
