/** `chat.notice`: the bridge says something in a conversation's thread (opened if it is not yet). */
import { BRIDGE_AUTHOR } from '../../../domain/chat';
import type { HandlerContext, JobHandler } from './support/context';
import { threadFor } from './support/threads';

export function chatNoticeHandler(ctx: HandlerContext): JobHandler<'chat.notice'> {
  return {
    run: async (p) => {
      const { thread } = await threadFor(ctx, p.conversationId, p.platform);
      await ctx.chat(p.platform).postInThread(thread, { author: BRIDGE_AUTHOR, body: p.body });
    },
  };
}
