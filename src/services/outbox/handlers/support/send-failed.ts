/** A send to WhatsApp the outbox will not retry: the message is marked failed and the thread is told why. */
import type { Explanation, HandlerContext } from './context';

export async function sendFailed(ctx: HandlerContext, messageId: string, explanation: Explanation): Promise<void> {
  await ctx.enqueue(await ctx.inbound.statuses.sendFailed(messageId, explanation));
}
