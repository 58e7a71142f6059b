/** `chat.react`: the bridge's mark on a person's message (🔒 kept internal); a line instead where the platform cannot react. */
import { BRIDGE_AUTHOR, hasReactions } from '../../../domain/chat';
import type { HandlerContext, JobHandler } from './support/context';

export function chatReactHandler(ctx: HandlerContext): JobHandler<'chat.react'> {
  return {
    run: async (p) => {
      const chat = ctx.chat(p.platform);
      const thread = { platform: p.platform, channelId: p.channelId, threadId: p.threadId };
      if (hasReactions(chat) && (await chat.react(thread, p.messageId, p.emoji, true))) return;
      await chat.postInThread(thread, { author: BRIDGE_AUTHOR, body: p.otherwise });
    },
  };
}
