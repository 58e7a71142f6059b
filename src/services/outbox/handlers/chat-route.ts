/**
 * `chat.route`: a conversation's thread on one platform follows the route its menu gave it (services/automation/menu.ts,
 * read when the job runs). When the routed account's channel differs from the thread's, the thread moves: the old link
 * is retired (the old thread still finds the conversation, so a reply typed there is still sent), a new thread opens in
 * the target channel pinging that account's notify users (support/threads.ts threadFor), it says the choice with a link
 * back, and the old thread says where the conversation went. Otherwise the thread says the choice (a label, or the
 * account's own channel). Later posts find the new thread through the current link.
 */
import { BRIDGE_AUTHOR, hasPermalinks, type ThreadRef } from '../../../domain/chat';
import type { JobPayloads } from '../../../domain/records';
import type { HandlerContext, JobHandler } from './support/context';
import { threadFor } from './support/threads';

export function chatRouteHandler(ctx: HandlerContext): JobHandler<'chat.route'> {
  return { run: (p) => follow(ctx, p) };
}

async function follow(ctx: HandlerContext, p: JobPayloads['chat.route']): Promise<void> {
  const conversation = await ctx.store.getConversation(p.conversationId);
  const route = conversation?.route;
  if (!conversation || !route) return;
  const chat = ctx.chat(p.platform);
  const target = ctx.accounts.chatAccountOf(conversation, p.platform);
  // The thread's language: the account whose channel it is in (the routed one's, or the conversation's own).
  const tr = ctx.accounts.texts(target ?? conversation.accountId);
  const routed = Boolean(route.accountId && target?.phoneNumberId === route.accountId);
  const link = await ctx.store.findThreadLink(conversation._id, p.platform);
  const targetChannel = target?.[p.platform]?.channelId;
  // A re-run after a crash mid-move: the old thread was kept (previousThreads) and the link retired or replaced by one
  // opened for this route; the move is finished rather than told as a choice made in place.
  const previous = conversation.previousThreads?.[p.platform];
  const interrupted =
    routed &&
    previous &&
    previous.channelId !== targetChannel &&
    (!link || (link.channelId === targetChannel && link.createdAt.getTime() >= route.at.getTime()));
  if (!interrupted && (!link || !routed || link.channelId === targetChannel)) {
    // No thread to move (none yet: it opens in the target channel; or it is there already): the choice is said in it.
    const outcome = route.label ? tr('menu.labelled', { label: route.label }) : routed ? tr('menu.routedHere', { account: target!.name }) : tr('menu.stays');
    const { thread } = await threadFor(ctx, conversation._id, p.platform);
    await chat.postInThread(thread, { author: BRIDGE_AUTHOR, body: tr('menu.chose', { choice: route.choice, outcome }) });
    return;
  }
  const old: ThreadRef = interrupted ? { platform: p.platform, ...previous! } : { platform: p.platform, channelId: link!.channelId, threadId: link!.threadId };
  if (!interrupted) {
    // Kept before the link is retired: the new thread's card links back to it (Continues an earlier conversation).
    await ctx.store.updateLifecycle(conversation._id, {
      previousThreads: { ...conversation.previousThreads, [p.platform]: { channelId: old.channelId, threadId: old.threadId } },
    });
    await ctx.store.retireThreadLink(conversation._id, p.platform, ctx.now());
  }
  const { thread } = await threadFor(ctx, conversation._id, p.platform);
  const where = (t: ThreadRef) => (hasPermalinks(chat) ? chat.threadUrl(t) : tr('menu.channel', { channel: t.channelId }));
  await chat.postInThread(thread, { author: BRIDGE_AUTHOR, body: tr('menu.movedFrom', { choice: route.choice, from: where(old) }) });
  await chat.postInThread(old, { author: BRIDGE_AUTHOR, body: tr('menu.movedTo', { choice: route.choice, account: target!.name, where: where(thread) }) });
  ctx.log.info({ conversationId: conversation._id, platform: p.platform, channelId: thread.channelId }, 'conversation routed by its menu to another channel');
}
