/**
 * How a conversation's card reads (issue 11 point 4): the words are here, once for every platform; the platform's
 * tokens (dates each reader sees in local time, mentions, escaping) come from its adapter (CardTokens).
 */
import type { CardAction, CardPerson, CardTokens, ConversationCard } from '../../domain/chat/card';
import type { ChatPlatform } from '../../domain/platform';
import type { AgentRef, ConversationRecord } from '../../domain/records';
import { MENU_TEXTS } from '../automation/menu-texts';
import { customerLabel } from '../render';

/**
 * WhatsApp's customer-service window (inbound/agent-reply.ts SERVICE_WINDOW_MS), restated: adapters import this file
 * for the card's words, and importing agent-reply would pull the config (and the adapter registry) into them, a cycle.
 */
const SERVICE_WINDOW_MS = 24 * 3600 * 1000;

const STATE_WORDS = { open: 'Open', owned: 'Owned', closed: 'Closed' } as const;

/** The card's text, one line per fact. */
export function cardText(card: ConversationCard, t: CardTokens): string {
  const who = (p: CardPerson | undefined) => (p ? t.person(p) : t.text('nobody'));
  const state =
    card.state === 'owned'
      ? `${t.text(`*${STATE_WORDS.owned}* by `)}${who(card.owner)}`
      : card.state === 'closed'
        ? `${t.text(`✅ *${STATE_WORDS.closed}*${card.closedBy ? ' by ' : ''}`)}${card.closedBy ? t.person(card.closedBy) : ''}${t.text(' (resolved; the customer writing again reopens it)')}`
        : t.text(`*${STATE_WORDS.open}*: nobody owns it yet`);
  const window = card.windowOpen
    ? `${t.text('🟢 24-hour window open until ')}${t.date(card.windowUntil!)}`
    : card.windowUntil
      ? `${t.text('🔴 24-hour window closed since ')}${t.date(card.windowUntil)}${t.text(': only approved templates can be sent')}`
      : t.text('🔴 24-hour window closed (the customer has not written): only approved templates can be sent');
  const lines = [
    t.text(`💬 *New WhatsApp conversation* with *${card.customer}*${card.account ? ` on ${card.account}` : ''}.`),
    `${t.text('State: ')}${state}`,
    `${t.text('Participants: ')}${card.participants.length ? card.participants.map((p) => t.person(p)).join(', ') : t.text('none yet')}`,
    window,
    ...(card.label ? [t.text(MENU_TEXTS.cardLabel(card.label))] : []),
    ...(card.previousThread ? [`${t.text('Continues an earlier conversation: ')}${card.previousThread}`] : []),
    t.text(card.replyRule),
  ];
  return lines.join('\n');
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
  o: { account?: string; replyRule: string; previousThread?: string; label?: string; now: Date },
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
  };
}
