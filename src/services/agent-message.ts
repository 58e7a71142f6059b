/** Where an agent's chat message lives, as the store records it: one rule for replies and internal notes alike. */
import type { AgentMessage } from '../domain/chat/inbound';
import { PLATFORM_LABEL, type ChatPlatform } from '../domain/platform';
import type { MessageRecord, NewJob } from '../domain/records';
import { chatPostJobs } from './routing';
import { DEFAULT_LANGUAGE, t, type Language } from '../i18n';

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

/**
 * The agent's message posted into the conversation's thread on each other platform (teams there see the whole
 * conversation), marked with who wrote it and where: `detail` is put before "via Slack" / "via Discord".
 */
export function mirrorJobs(
  msg: AgentMessage,
  conversationId: string,
  otherSides: ChatPlatform[],
  body: string,
  detail = '',
  lang: Language = DEFAULT_LANGUAGE,
): NewJob[] {
  const via = t(lang, 'internal.via', { platform: PLATFORM_LABEL[msg.platform] });
  const post = { author: { name: msg.author.name ?? msg.author.id, role: 'agent' as const, detail: `${detail}${via}` }, body };
  return chatPostJobs(otherSides, conversationId, agentMessageId(msg), post, false);
}
