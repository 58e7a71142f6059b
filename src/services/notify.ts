/**
 * Who is pinged when a customer writes (Odoo's rule):
 * - a new conversation pings every notify user;
 * - once an agent has replied, only the participants are pinged, once per customer turn;
 * - after 15 days without an agent reply, every notify user is pinged again.
 * With the lifecycle (services/lifecycle/, issue 11 point 3):
 * - an owned conversation pings its owner (and the participants) instead of the notify users, once per customer turn;
 *   taking it (claim, assign) starts a new turn, so the owner hears of the customer's next message;
 * - a conversation the customer reopened after it was closed pings as a new conversation does.
 * Pure: the caller persists `lastMentionAt`.
 */
import type { ChatPlatform } from '../domain/platform';
import type { ConversationRecord, ThreadLinkRecord } from '../domain/records';

export const REOPEN_AFTER_MS = 15 * 24 * 3600 * 1000;

export function mentionsFor(
  conversation: Pick<ConversationRecord, 'participants' | 'lastAgentReplyAt'> & Partial<Pick<ConversationRecord, 'state' | 'owner' | 'ownedAt' | 'reopenedAt'>>,
  link: Pick<ThreadLinkRecord, 'lastMentionAt' | 'createdAt'> | null,
  platform: ChatPlatform,
  notifyUsers: string[],
  now: Date,
): string[] {
  const lastMention = link && (link.lastMentionAt ?? link.createdAt).getTime();
  if (!link || (conversation.reopenedAt && conversation.reopenedAt.getTime() > lastMention!)) return notifyUsers;
  const odoo = odooRule(conversation, lastMention!, platform, notifyUsers, now);
  const owner = conversation.state === 'owned' ? conversation.owner : undefined;
  if (!owner) return odoo;
  // Owned: the owner is pinged when anyone would be, in place of the notify users; participants keep Odoo's rule.
  const turn = odoo.length > 0 || (conversation.ownedAt !== undefined && conversation.ownedAt.getTime() > lastMention!);
  if (!turn) return [];
  const participants = conversation.participants.filter((p) => p.platform === platform).map((p) => p.userId);
  return [...new Set([...(owner.platform === platform ? [owner.userId] : []), ...participants])];
}

function odooRule(
  conversation: Pick<ConversationRecord, 'participants' | 'lastAgentReplyAt'>,
  lastMention: number,
  platform: ChatPlatform,
  notifyUsers: string[],
  now: Date,
): string[] {
  const lastReply = conversation.lastAgentReplyAt?.getTime();
  const elapsed = (since: number) => now.getTime() - since > REOPEN_AFTER_MS;
  if (lastReply === undefined || lastReply < lastMention) {
    // Pinged already for this customer turn: again only if that ping went unanswered for 15 days.
    return elapsed(lastMention) ? notifyUsers : [];
  }
  // An agent answered after the last ping: the participants own it, unless that answer is 15 days old.
  if (elapsed(lastReply)) return notifyUsers;
  return (conversation.participants ?? []).filter((p) => p.platform === platform).map((p) => p.userId);
}
