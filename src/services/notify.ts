/**
 * Who is pinged when a customer writes (Odoo's rule):
 * - a new conversation pings every notify user;
 * - once an agent has replied, only the participants are pinged, once per customer turn;
 * - after 15 days without an agent reply, every notify user is pinged again.
 * Pure: the caller persists `lastMentionAt`.
 */
import type { ChatPlatform } from '../domain/chat';
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
  const quietSince = lastReply ?? lastMention;
  if (now.getTime() - quietSince > REOPEN_AFTER_MS) return notifyUsers;
  // Pinged already and nobody has answered since: the customer is still on the same turn.
  if (lastReply === undefined || lastReply < lastMention) return [];
  return (conversation.participants ?? []).filter((p) => p.platform === platform).map((p) => p.userId);
}
