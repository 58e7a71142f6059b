/**
 * A person's message in a bridged thread → a WhatsApp send through the outbox.
 * Idempotent on the chat message id, so a platform's event retries never send twice.
 */
import type { AgentMessage } from '../domain/chat';
import type { MessageRecord } from '../domain/records';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';
import type { Accounts } from './accounts';
import { lane } from './ingest';

export const SERVICE_WINDOW_MS = 24 * 3600 * 1000;

export type AgentReplyResult = 'queued' | 'not_bridged' | 'duplicate' | 'window_closed' | 'empty';

export class AgentReplies {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(msg: AgentMessage): Promise<AgentReplyResult> {
    const link = await this.store.findThreadLinkByThread(msg.platform, msg.channelId, msg.threadId);
    if (!link) return 'not_bridged';
    const conversation = await this.store.getConversation(link.conversationId);
    if (!conversation) return 'not_bridged';
    const text = msg.text.trim();
    if (msg.files?.length) {
      // Until files are relayed, the agent must know the customer did not get them.
      await this.store.enqueue([
        {
          kind: 'chat.notice',
          lane: lane(msg.platform, conversation._id),
          dedupeKey: `${msg.platform}:files-not-sent:${msg.channelId}:${msg.messageId}`,
          payload: { platform: msg.platform, conversationId: conversation._id, body: `⚠️ Not sent to the customer: ${msg.files.join(', ')}. This bridge relays text only for now; send the file from WhatsApp directly or paste a link.` },
        },
      ]);
    }
    if (!text) return 'empty';

    const id = `${msg.platform}:${msg.channelId}:${msg.messageId}`;
    const origin = { platform: msg.platform, channelId: msg.channelId, threadId: msg.threadId, messageId: msg.messageId, authorId: msg.author.id, authorName: msg.author.name };
    const record: MessageRecord = { _id: id, conversationId: conversation._id, direction: 'outbound', createdAt: msg.sentAt, origin, text, state: 'queued', stateAt: this.now(), mirrors: [] };

    // Checked before calling Meta: outside the window a free-form send can only fail with 131047.
    const lastInbound = conversation.lastInboundAt?.getTime() ?? 0;
    const windowClosed = this.now().getTime() - lastInbound > SERVICE_WINDOW_MS;
    if (windowClosed) {
      const failure = {
        code: '131047',
        meaning: `the customer last wrote ${conversation.lastInboundAt ? `on ${conversation.lastInboundAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never'}, more than 24 hours ago, so WhatsApp allows only templates`,
        action: 'send an approved template with `/wa template <phone> <template>`',
        retryable: false,
      };
      if (!(await this.store.insertMessage({ ...record, state: 'failed', failure }))) return 'duplicate';
      await this.store.enqueue([
        { kind: 'chat.status', lane: lane(msg.platform, conversation._id), dedupeKey: `${msg.platform}:status:${id}:failed`, payload: { platform: msg.platform, messageId: id, status: 'failed' } },
      ]);
      this.log.info({ conversationId: conversation._id }, 'agent reply refused: service window closed');
      return 'window_closed';
    }

    if (!(await this.store.insertMessage(record))) return 'duplicate';
    await this.store.recordAgentReply(conversation._id, { platform: msg.platform, userId: msg.author.id, name: msg.author.name, lastReplyAt: msg.sentAt });
    const account = this.accounts.get(conversation.accountId);
    const otherSides = account ? this.accounts.platformsOf(account).filter((p) => p !== msg.platform) : [];
    const sideName = { slack: 'Slack', discord: 'Discord' }[msg.platform];
    await this.store.enqueue([
      {
        kind: 'whatsapp.send',
        lane: lane('whatsapp', conversation._id),
        dedupeKey: `whatsapp:send:${id}`,
        payload: { conversationId: conversation._id, messageId: id, accountId: conversation.accountId, to: conversation.customer, text },
      },
      // Teams on the other platform see the whole conversation: the reply is mirrored, marked with who and where.
      ...otherSides.map((platform) => ({
        kind: 'chat.post' as const,
        lane: lane(platform, conversation._id),
        dedupeKey: `${platform}:post:${id}`,
        payload: { platform, conversationId: conversation._id, messageId: id, post: { author: { name: msg.author.name ?? msg.author.id, role: 'agent' as const, detail: `via ${sideName}` }, body: text }, notify: false },
      })),
    ]);
    return 'queued';
  }
}
