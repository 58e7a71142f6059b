/** A conversation's thread on a platform: found, or opened (and recorded) by the first delivery that needs it. */
import type { ChatLocation, MessageRecord } from '../../../../domain/records';
import type { ChatPlatform, ThreadRef } from '../../../../domain/chat';
import { DeliveryError } from '../../../../domain/errors';
import { replyRuleLine, replyRuleOf } from '../../../internal-notes';
import { mentionsFor } from '../../../notify';
import { customerLabel } from '../../../render';
import type { HandlerContext } from './context';

/** Where a message shows on a platform: the agent's own message, or the bridge's post of it. */
export function locate(m: MessageRecord, platform: ChatPlatform): ChatLocation | undefined {
  return m.origin?.platform === platform ? m.origin : m.mirrors.find((x) => x.platform === platform);
}

export const threadOf = (l: ChatLocation): ThreadRef => ({ platform: l.platform, channelId: l.channelId, threadId: l.threadId });

export async function threadFor(ctx: HandlerContext, conversationId: string, platform: ChatPlatform): Promise<{ thread: ThreadRef; isNew: boolean }> {
  const existing = await ctx.store.findThreadLink(conversationId, platform);
  if (existing) return { thread: { platform, channelId: existing.channelId, threadId: existing.threadId }, isNew: false };
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation)
    throw DeliveryError.permanent(platform, {
      code: 'no_conversation',
      meaning: `conversation ${conversationId} is missing`,
      action: 'report this to the bridge’s maintainers',
    });
  const account = ctx.accounts.get(conversation.accountId);
  if (!account)
    throw DeliveryError.permanent(platform, {
      code: 'no_account',
      meaning: `number ${conversation.accountId} is no longer configured`,
      action: 'add it back to the configuration',
    });
  const { channelId, notifyUsers } = ctx.accounts.destination(account, platform);
  const label = customerLabel(conversation.customer);
  const thread = await ctx.chat(platform).openThread({
    channelId,
    title: label,
    intro: `💬 *New WhatsApp conversation* with *${label}*${ctx.accounts.all.length > 1 ? ` on ${account.name}` : ''}.\n${replyRuleLine(replyRuleOf(account))}`,
    mentionUserIds: notifyUsers,
  });
  // Recorded right away: every later delivery (ordered in this lane) finds it; a second thread is never opened.
  const now = ctx.now();
  await ctx.store.saveThreadLink({ conversationId, platform, channelId: thread.channelId, threadId: thread.threadId, createdAt: now, lastMentionAt: now });
  return { thread, isNew: true };
}

/** Who a customer's post pings now (notify.ts decides), recorded so the next post does not ping them again. */
export async function mentionsNow(ctx: HandlerContext, conversationId: string, platform: ChatPlatform): Promise<string[]> {
  const [conversation, link] = await Promise.all([ctx.store.getConversation(conversationId), ctx.store.findThreadLink(conversationId, platform)]);
  if (!conversation || !link) return [];
  const account = ctx.accounts.get(conversation.accountId);
  const notifyUsers = account?.[platform]?.notifyUsers ?? [];
  const now = ctx.now();
  const mentions = mentionsFor(conversation, link, platform, notifyUsers, now);
  if (mentions.length) await ctx.store.markMentioned(link._id, now);
  return mentions;
}
