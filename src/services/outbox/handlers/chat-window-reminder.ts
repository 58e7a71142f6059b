/**
 * `chat.window_reminder` (issue 11 point 5): scheduled when the customer writes (inbound/customer-message.ts), due a
 * configured time before the 24-hour window closes. It re-checks everything when it runs, so whatever happened in
 * between decides: the reminder is posted only if this customer message is still the last one, no agent has answered
 * it, the conversation is not closed, the window is still open, and someone is there to remind (the owner, else the
 * participants; nobody else is pinged). One job per message and platform, and a job runs once (its key is kept after
 * it finished), so a restart or a second instance reminds nobody twice.
 */
import { BRIDGE_AUTHOR } from '../../../domain/chat';
import { PLATFORM_LABEL } from '../../../domain/platform';
import { SERVICE_WINDOW_MS } from '../../inbound/agent-reply';
import { remindedPeople } from '../../window-reminder';
import type { HandlerContext, JobHandler } from './support/context';
import { threadFor } from './support/threads';

export function chatWindowReminderHandler(ctx: HandlerContext): JobHandler<'chat.window_reminder'> {
  return {
    run: async (p) => {
      const [conversation, message] = await Promise.all([ctx.store.getConversation(p.conversationId), ctx.store.getMessage(p.messageId)]);
      if (!conversation?.lastInboundAt || !message) return;
      const sentAt = message.createdAt.getTime();
      // A later customer message has its own reminder; an agent's reply since answers this one.
      if (conversation.lastInboundAt.getTime() > sentAt) return;
      if (conversation.lastAgentReplyAt && conversation.lastAgentReplyAt.getTime() >= sentAt) return;
      const closesAt = new Date(conversation.lastInboundAt.getTime() + SERVICE_WINDOW_MS);
      if (closesAt.getTime() <= ctx.now().getTime()) return; // too late (the bridge was down): the card says it closed
      const people = remindedPeople(conversation);
      if (!people.length) return;
      const here = people.filter((x) => x.platform === p.platform);
      const others = people.filter((x) => x.platform !== p.platform).map((x) => `${x.name ?? x.userId} (${PLATFORM_LABEL[x.platform]})`);
      const { thread } = await threadFor(ctx, p.conversationId, p.platform);
      const tr = ctx.accounts.texts(ctx.accounts.chatAccountOf(conversation, p.platform) ?? conversation.accountId);
      await ctx.chat(p.platform).postInThread(thread, {
        author: BRIDGE_AUTHOR,
        body: others.length ? tr('windowReminder.reminderFor', { others: others.join(', ') }) : tr('windowReminder.reminder'),
        mentionUserIds: here.map((x) => x.userId),
        date: closesAt,
      });
      ctx.log.info({ conversationId: p.conversationId, platform: p.platform, reminded: people.length }, 'window reminder posted');
    },
  };
}
