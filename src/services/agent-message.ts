/** Where an agent's chat message lives, as the store records it: one rule for replies and internal notes alike. */
import type { AgentMessage } from '../domain/chat';
import type { MessageRecord } from '../domain/records';

/** The stored message's `_id`: the chat message's own natural key, so a platform's retry finds it again. */
export const agentMessageId = (msg: AgentMessage): string => `${msg.platform}:${msg.channelId}:${msg.messageId}`;

export function agentMessageOrigin(msg: AgentMessage): NonNullable<MessageRecord['origin']> {
  return {
    platform: msg.platform,
    channelId: msg.channelId,
    threadId: msg.threadId,
    messageId: msg.messageId,
    authorId: msg.author.id,
    authorName: msg.author.name,
  };
}
