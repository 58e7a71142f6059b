/** A conversation's thread on a platform: found, or opened (and recorded) by the first delivery that needs it, with its card. */
import { createHash } from 'node:crypto';
import type { ChatLocation, ConversationRecord, MessageRecord } from '../../../../domain/records';
import { hasCards, hasPermalinks, type ChatPlatform, type ConversationCard, type ThreadRef } from '../../../../domain/chat';
import { DeliveryError } from '../../../../domain/errors';
import { replyRuleLine, replyRuleOf } from '../../../internal-notes';
import { mentionsFor } from '../../../notify';
import { cardHeadline, cardOf } from '../../../present/card';
import { customerLabel } from '../../../render';
import { outboxFailure } from '../../failures';
import { noAccount, type HandlerContext } from './context';

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
    throw DeliveryError.permanent(
      platform,
      outboxFailure('no_conversation', 'noConversation', { meaning: `conversation ${conversationId} is missing`, detail: conversationId }),
    );
  const account = ctx.accounts.get(conversation.accountId);
  if (!account) throw DeliveryError.permanent(platform, noAccount(conversation.accountId));
  // A conversation the menu routed opens in that account's channel, pinging its notify users (Accounts.chatAccountOf).
  const { channelId, notifyUsers } = ctx.accounts.destination(ctx.accounts.chatAccountOf(conversation, platform) ?? account, platform);
  const label = customerLabel(conversation.customer);
  const lang = ctx.accounts.language(account);
  const chat = ctx.chat(platform);
  const card = hasCards(chat) ? cardFor(ctx, conversation, platform) : undefined;
  const opened = await chat.openThread({
    channelId,
    title: label,
    intro: `${cardHeadline(lang, label, ctx.accounts.all.length > 1 ? account.name : undefined)}\n${replyRuleLine(replyRuleOf(account), lang)}`,
    mentionUserIds: notifyUsers,
    card,
  });
  // Recorded right away: every later delivery (ordered in this lane) finds it; a second thread is never opened.
  const now = ctx.now();
  const thread: ThreadRef = { platform, channelId: opened.channelId, threadId: opened.threadId };
  await ctx.store.saveThreadLink({
    conversationId,
    platform,
    channelId: thread.channelId,
    threadId: thread.threadId,
    createdAt: now,
    lastMentionAt: now,
    ...(opened.rootMessageId ? { rootMessageId: opened.rootMessageId } : {}),
    ...(card ? { cardShown: cardDigest(card) } : {}),
  });
  return { thread, isNew: true };
}

/** The conversation's card as shown on `platform` now. */
export function cardFor(ctx: HandlerContext, conversation: ConversationRecord, platform: ChatPlatform): ConversationCard {
  const account = ctx.accounts.get(conversation.accountId);
  const chat = ctx.chat(platform);
  const previous = conversation.previousThreads?.[platform];
  const language = ctx.accounts.language(account);
  return cardOf(conversation, platform, {
    account: account && ctx.accounts.all.length > 1 ? account.name : undefined,
    replyRule: replyRuleLine(replyRuleOf(account), language),
    language,
    previousThread: previous && hasPermalinks(chat) ? chat.threadUrl({ platform, ...previous }) : undefined,
    label: conversation.route?.label,
    now: ctx.now(),
  });
}

/** The window's end counts for the digest by the hour: a customer's every message moves it, and each edit is a paced Slack call. */
const WINDOW_STEP_MS = 3600 * 1000;

/**
 * What identifies a card's content: an unchanged card is not edited again. The window's end is taken by the hour, so
 * the card may show an end up to an hour earlier than the real one (never later: the window only moves forward).
 */
export function cardDigest(card: ConversationCard): string {
  const windowStep = card.windowUntil && Math.floor(card.windowUntil.getTime() / WINDOW_STEP_MS);
  return createHash('sha256')
    .update(JSON.stringify({ ...card, windowUntil: windowStep }))
    .digest('hex')
    .slice(0, 24);
}

/** Who a customer's post pings now (notify.ts decides), recorded so the next post does not ping them again. */
export async function mentionsNow(ctx: HandlerContext, conversationId: string, platform: ChatPlatform): Promise<string[]> {
  const [conversation, link] = await Promise.all([ctx.store.getConversation(conversationId), ctx.store.findThreadLink(conversationId, platform)]);
  if (!conversation || !link) return [];
  const account = ctx.accounts.chatAccountOf(conversation, platform);
  const notifyUsers = account?.[platform]?.notifyUsers ?? [];
  const now = ctx.now();
  const mentions = mentionsFor(conversation, link, platform, notifyUsers, now);
  if (mentions.length) await ctx.store.markMentioned(link._id, now);
  return mentions;
}
