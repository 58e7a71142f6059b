/**
 * How a conversation's card reads (issue 11 point 4): the words are here, once for every platform, in the account's
 * language (src/i18n catalogue `card`); the platform's tokens (dates each reader sees in local time, mentions,
 * escaping) come from its adapter (CardTokens) and are put into the words without being escaped.
 */
import type { CardAction, CardPerson, CardTokens, ConversationCard } from '../../domain/chat/card';
import type { ChatPlatform } from '../../domain/platform';
import type { AgentRef, ConversationRecord } from '../../domain/records';
import { DEFAULT_LANGUAGE, t as tr, tokenText, type Language } from '../../i18n';
import { customerLabel } from '../render';

/**
 * WhatsApp's customer-service window (inbound/agent-reply.ts SERVICE_WINDOW_MS), restated: adapters import this file
 * for the card's words, and importing agent-reply would pull the config (and the adapter registry) into them, a cycle.
 */
const SERVICE_WINDOW_MS = 24 * 3600 * 1000;

/** The card's text, one line per fact. */
export function cardText(card: ConversationCard, t: CardTokens): string {
  const lang = card.language ?? DEFAULT_LANGUAGE;
  // A person known by neither id nor name reads as 'someone' in the card's language (the adapters' tokens add the mention).
  const named = (p: CardPerson): CardPerson => (p.userId || p.name ? p : { ...p, name: tr(lang, 'card.someone') });
  const words = (s: string) => t.text(s);
  const state =
    card.state === 'owned'
      ? tokenText(lang, 'card.owned', { owner: card.owner ? t.person(named(card.owner)) : t.text(tr(lang, 'card.nobody')) }, words)
      : card.state === 'closed'
        ? card.closedBy
          ? tokenText(lang, 'card.closedBy', { person: t.person(named(card.closedBy)) }, words)
          : t.text(tr(lang, 'card.closed'))
        : t.text(tr(lang, 'card.open'));
  const window = card.windowOpen
    ? tokenText(lang, 'card.windowOpen', { until: t.date(card.windowUntil!) }, words)
    : card.windowUntil
      ? tokenText(lang, 'card.windowClosedSince', { since: t.date(card.windowUntil) }, words)
      : t.text(tr(lang, 'card.windowNeverOpened'));
  const people = card.participants.length ? card.participants.map((p: CardPerson) => t.person(named(p))).join(', ') : t.text(tr(lang, 'card.noParticipants'));
  const lines = [
    t.text(cardHeadline(lang, card.customer, card.account)),
    tokenText(lang, 'card.state', { state }, words),
    tokenText(lang, 'card.participants', { people }, words),
    window,
    ...(card.label ? [t.text(tr(lang, 'menu.cardLabel', { label: card.label }))] : []),
    ...(card.previousThread ? [tokenText(lang, 'card.continues', { link: card.previousThread }, words)] : []),
    t.text(card.replyRule),
  ];
  return lines.join('\n');
}

/** The card's first line (also the whole opening of a thread on a platform without cards): WhatsApp markup. */
export function cardHeadline(lang: Language, customer: string, account?: string): string {
  return account ? tr(lang, 'card.headlineOn', { customer, account }) : tr(lang, 'card.headline', { customer });
}

/**
 * The buttons a card in this state offers: a closed conversation can be reopened (or written to with a template);
 * an open or owned one claimed (taken over), assigned, joined by more people and closed.
 */
export function cardActions(state: ConversationCard['state']): CardAction[] {
  return state === 'closed' ? ['template', 'reopen'] : ['template', 'claim', 'assign', 'add', 'close'];
}

const personOn = (platform: ChatPlatform, p: AgentRef | undefined): CardPerson | undefined =>
  p && (p.platform === platform ? { userId: p.userId, name: p.name } : { name: p.name ?? p.userId });

/** The card of a conversation as shown on `platform`. */
export function cardOf(
  conversation: ConversationRecord,
  platform: ChatPlatform,
  o: { account?: string; replyRule: string; previousThread?: string; label?: string; now: Date; language?: Language },
): ConversationCard {
  const state = conversation.state ?? 'open';
  const windowUntil = conversation.lastInboundAt && new Date(conversation.lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  return {
    conversationId: conversation._id,
    customer: customerLabel(conversation.customer),
    account: o.account,
    state,
    owner: state === 'owned' ? personOn(platform, conversation.owner) : undefined,
    closedBy: state === 'closed' ? personOn(platform, conversation.closedBy) : undefined,
    participants: conversation.participants.map((p) => personOn(platform, p)!),
    windowUntil,
    windowOpen: windowUntil !== undefined && windowUntil.getTime() > o.now.getTime(),
    replyRule: o.replyRule,
    previousThread: o.previousThread,
    ...(o.label ? { label: o.label } : {}),
    actions: cardActions(state),
    // Only a language other than English is recorded: an English card's digest (support/threads.ts) stays as it was.
    ...(o.language && o.language !== DEFAULT_LANGUAGE ? { language: o.language } : {}),
  };
}
