/**
 * `chat.card`: the conversation's card (services/present/card.ts) rewritten on its thread's opening message when it
 * changed, and the thread shown closed or open again (issue 11 points 3 and 4). A platform without cards keeps its
 * static opening; a conversation without a thread yet gets its card when the thread opens (support/threads.ts).
 */
import { hasCards } from '../../../domain/chat';
import { DeliveryError } from '../../../domain/errors';
import type { JobPayloads } from '../../../domain/records';
import type { HandlerContext, JobHandler } from './support/context';
import { cardDigest, cardFor } from './support/threads';

export function chatCardHandler(ctx: HandlerContext): JobHandler<'chat.card'> {
  return { run: (p) => updateCard(ctx, p) };
}

async function updateCard(ctx: HandlerContext, p: JobPayloads['chat.card']): Promise<void> {
  const chat = ctx.chat(p.platform);
  if (!hasCards(chat)) return;
  const [conversation, link] = await Promise.all([ctx.store.getConversation(p.conversationId), ctx.store.findThreadLink(p.conversationId, p.platform)]);
  if (!conversation || !link) return;
  const thread = { platform: p.platform, channelId: link.channelId, threadId: link.threadId };
  // Opened before it is written to (a closed Discord thread takes no edit once locked); closed after.
  if (p.thread === 'open') await chat.setThreadClosed(thread, false);
  const card = cardFor(ctx, conversation, p.platform);
  const digest = cardDigest(card);
  if (digest !== link.cardShown) {
    const rootMessageId = link.rootMessageId ?? link.threadId;
    if (await cardWritten(() => chat.updateCard(thread, rootMessageId, card))) await ctx.store.markCardShown(link._id, { digest, rootMessageId });
    else ctx.log.info({ conversationId: p.conversationId, platform: p.platform }, "the thread's opening message no longer exists: its card is not shown");
  }
  if (p.thread === 'closed') await chat.setThreadClosed(thread, true);
}

/**
 * Writes the card; false when the opening message is gone (deleted by someone, or a thread opened before cards
 * existed). A card is a view of the conversation, not a delivery: nothing to retry, park or report as failed.
 */
async function cardWritten(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (err instanceof DeliveryError && err.explanation.targetGone) return false;
    throw err;
  }
}
