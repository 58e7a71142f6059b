/**
 * A reaction an agent puts on a customer's message in the thread → a WhatsApp reaction on that message
 * (and its removal → an empty-emoji reaction). The bridge's own reactions (statuses, the customer's reactions
 * mirrored) are filtered out by the adapters, which know the bot's user id.
 */
import type { AgentReaction } from '../domain/chat/inbound';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';
import { serviceWindowClosed } from './agent-replies';
import { lane } from './ingest';

export type AgentReactionResult = 'queued' | 'not_bridged' | 'not_customer_message' | 'window_closed' | 'superseded';

export class AgentReactions {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(r: AgentReaction): Promise<AgentReactionResult> {
    const target = await this.store.findMessageByChatMessage(r.platform, r.channelId, r.messageId);
    if (!target) return 'not_bridged';
    // Only a customer's message can carry a WhatsApp reaction from the business.
    if (target.direction !== 'inbound' || !target.wamid) return 'not_customer_message';
    const conversation = await this.store.getConversation(target.conversationId);
    if (!conversation) return 'not_bridged';
    // WhatsApp keeps one reaction per message from the business: removing one that was since replaced changes nothing there.
    if (!r.added && (target.agentReaction ?? '') !== r.emoji) return 'superseded';
    const emoji = r.added ? r.emoji : '';
    const key = `${r.platform}:react:${r.channelId}:${r.messageId}:${r.eventId}`;
    if (serviceWindowClosed(conversation, this.now())) {
      await this.store.enqueue([
        {
          kind: 'chat.notice',
          lane: lane(r.platform, conversation._id),
          dedupeKey: `${key}:window`,
          payload: {
            platform: r.platform,
            conversationId: conversation._id,
            body: `⚠️ *The reaction ${r.emoji} was not sent to the customer:* they last wrote more than 24 hours ago, and WhatsApp then allows only templates.`,
          },
        },
      ]);
      this.log.info({ conversationId: conversation._id }, 'agent reaction not sent: service window closed');
      return 'window_closed';
    }
    await this.store.updateMessage(target._id, { agentReaction: emoji });
    await this.store.enqueue([
      {
        kind: 'whatsapp.react',
        lane: lane('whatsapp', conversation._id),
        dedupeKey: key,
        payload: {
          conversationId: conversation._id,
          accountId: conversation.accountId,
          to: conversation.customer,
          targetWamid: target.wamid,
          emoji,
          platform: r.platform,
        },
      },
    ]);
    return 'queued';
  }
}
