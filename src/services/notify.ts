/**
 * Who is pinged when a customer writes (Odoo's rule):
 * - a new conversation pings every notify user;
 * - once an agent has replied, only the participants are pinged, once per customer turn;
 * - after 15 days without an agent reply, every notify user is pinged again.
 * Pure: the caller persists `lastMentionAt`.
 */
import type { ChatPlatform } from '../domain/platform';
import type { ConversationRecord, ThreadLinkRecord } from '../domain/records';

export const REOPEN_AFTER_MS = 15 * 24 * 3600 * 1000;

export function mentionsFor(
  conversation: Pick<ConversationRecord, 'participants' | 'lastAgentReplyAt'>,
  link: Pick<ThreadLinkRecord, 'lastMentionAt' | 'createdAt'> | null,
  platform: ChatPlatform,
  notifyUsers: string[],
  now: Date,
): string[] {
  if (!link) return notifyUsers;
  const lastReply = conversation.lastAgentReplyAt?.getTime();
  const lastMention = (link.lastMentionAt ?? link.createdAt).getTime();
  const elapsed = (since: number) => now.getTime() - since > REOPEN_AFTER_MS;
  if (lastReply === undefined || lastReply < lastMention) {
    // Pinged already for this customer turn: again only if that ping went unanswered for 15 days.
    return elapsed(lastMention) ? notifyUsers : [];
  }
  // An agent answered after the last ping: the participants own it, unless that answer is 15 days old.
  if (elapsed(lastReply)) return notifyUsers;
  return (conversation.participants ?? []).filter((p) => p.platform === platform).map((p) => p.userId);
}
