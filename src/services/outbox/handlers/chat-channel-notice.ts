/** `chat.channel_notice`: the bridge says something in an account's channel (account events, paused or lost deliveries). */
import type { HandlerContext, JobHandler } from './support/context';

export function chatChannelNoticeHandler(ctx: HandlerContext): JobHandler<'chat.channel_notice'> {
  return { run: (p) => ctx.chat(p.platform).postToChannel(p.channelId, p.body) };
}
