/**
 * A reaction an agent puts on a customer's message in the thread → a WhatsApp reaction on that message
 * (and its removal → an empty-emoji reaction). The bridge's own reactions (statuses, the customer's reactions
 * mirrored) are filtered out by the adapters, which know the bot's user id. Returns the jobs it implies (routing.ts);
 * the caller enqueues them.
 */
import type { AgentReaction } from '../../domain/chat';
import type { Store } from '../../domain/store';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Logger } from '../../logger';
import { agentReactionKey, threadNoticeJob, whatsappReactJob } from '../routing';
import { serviceWindowClosed, type Handled } from './agent-reply';

export type AgentReactionResult = 'queued' | 'not_bridged' | 'not_customer_message' | 'window_closed' | 'superseded';

export class AgentReactions {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** The language of an account's agents (Accounts.language); unset: English. */
    private readonly languageOf: (accountId: string) => Language = () => DEFAULT_LANGUAGE,
  ) {}

  async handle(r: AgentReaction): Promise<Handled<AgentReactionResult>> {
    const none = (result: AgentReactionResult) => ({ result, jobs: [] });
    const target = await this.store.findMessageByChatMessage(r.platform, r.channelId, r.messageId);
    if (!target) return none('not_bridged');
    // Only a customer's message can carry a WhatsApp reaction from the business.
    if (target.direction !== 'inbound' || !target.wamid) return none('not_customer_message');
    const conversation = await this.store.getConversation(target.conversationId);
    if (!conversation) return none('not_bridged');
    // WhatsApp keeps one reaction per message from the business: removing one that was since replaced changes nothing there.
    if (!r.added && (target.agentReaction ?? '') !== r.emoji) return none('superseded');
    const emoji = r.added ? r.emoji : '';
    const key = agentReactionKey(r);
    if (serviceWindowClosed(conversation, this.now())) {
      this.log.info({ conversationId: conversation._id }, 'agent reaction not sent: service window closed');
      const body = t(this.languageOf(conversation.accountId), 'edits.reactionWindowClosed', { emoji: r.emoji });
      return { result: 'window_closed', jobs: [threadNoticeJob(r.platform, conversation._id, { why: 'reaction-window', reactionKey: key }, body)] };
    }
    await this.store.updateMessage(target._id, { agentReaction: emoji });
    const payload = {
      conversationId: conversation._id,
      accountId: conversation.accountId,
      to: conversation.customer,
      targetWamid: target.wamid,
      emoji,
      platform: r.platform,
    };
    return { result: 'queued', jobs: [whatsappReactJob(key, payload)] };
  }
}
