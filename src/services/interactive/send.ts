/**
 * Reply buttons and lists from a thread (issue 13 point 4). The agent's form is read (form.ts) and checked against
 * Meta's limits (limits.ts) before anything else: a refusal names the field and the limit, privately, and nothing is
 * posted or sent. Then, as for a saved reply (agent-tools/saved-replies.ts), what will be sent is posted in the thread
 * as the agent's (body, then the buttons or rows), and that post is the message's chat side: its statuses are shown
 * on it, a failure explained under it. Outside the 24-hour window it is refused with the notice a typed reply gets
 * (inbound/agent-reply.ts); inside, one `whatsapp.send_interactive` job goes in the conversation's WhatsApp lane.
 */
import type { ChatAdapter, ChatPlatform, InteractiveForms } from '../../domain/chat';
import type { MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { agentMessageId, agentMessageOrigin, mirrorJobs } from '../agent-message';
import type { AgentPlaces } from '../agent-tools/where';
import { serviceWindowClosed, windowClosedFailure } from '../inbound/agent-reply';
import { chatStatusJob, whatsappInteractiveJob } from '../routing';
import { messageOfForm, renderInteractive } from './form';
import { checkInteractive } from './limits';
import { translator } from '../../i18n';

type Request = Parameters<InteractiveForms['sendInteractive']>[0];
type Result = Awaited<ReturnType<InteractiveForms['sendInteractive']>>;

export class InteractiveSends implements InteractiveForms {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly places: AgentPlaces,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly enqueue: (jobs: NewJob[]) => Promise<void>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sendInteractive(req: Request): Promise<Result> {
    const message = messageOfForm(req.form);
    // Answered in the channel's language until the conversation is known, then in its account's.
    const early = translator(this.accounts.channelLanguage(req.platform, req.channelId));
    const broken = checkInteractive(message, early);
    if (broken) return { ok: false, field: broken.field, text: early('interactive.refused', { why: broken.text }) };
    const found = await this.places.conversation({ platform: req.platform, channelId: req.channelId, threadId: req.threadId }, req.phone?.trim() || undefined);
    if (!found.ok) return { ok: false, text: found.text };
    const conversation = found.value;
    const lang = this.accounts.language(conversation.accountId);
    const tr = translator(lang);
    const link = await this.store.findThreadLink(conversation._id, req.platform);
    const chat = this.chats[req.platform];
    if (!link || !chat) return { ok: false, text: tr('interactive.noThread') };
    const thread = { platform: req.platform, channelId: link.channelId, threadId: link.threadId };
    const author = {
      name: req.userName ?? req.userId,
      role: 'agent' as const,
      detail: tr(message.type === 'button' ? 'interactive.detailButton' : 'interactive.detailList'),
    };
    const body = renderInteractive(message, tr);
    const posted = await chat.postInThread(thread, { author, body });
    const sentAt = this.now();
    const msg = { ...thread, messageId: posted.messageId, author: { id: req.userId, name: req.userName }, text: body, sentAt };
    const id = agentMessageId(msg);
    const record: MessageRecord = {
      _id: id,
      conversationId: conversation._id,
      direction: 'outbound',
      createdAt: sentAt,
      origin: agentMessageOrigin(msg),
      // The body is what the customer's tap quotes (inbound/customer-message.ts finds this record by the send's wamid).
      text: message.body,
      interactive: message,
      state: 'queued',
      stateAt: sentAt,
      mirrors: [],
    };
    if (serviceWindowClosed(conversation, sentAt)) {
      await this.store.insertMessage({ ...record, state: 'failed', failure: windowClosedFailure(conversation, lang) });
      await this.enqueue([chatStatusJob(conversation._id, { platform: req.platform, messageId: id, status: 'failed' })]);
      this.log.info({ conversationId: conversation._id }, 'interactive message refused: service window closed');
      return { ok: false, text: tr('interactive.windowClosed') };
    }
    if (!(await this.store.insertMessage(record))) return { ok: false, text: tr('interactive.duplicate') };
    await this.store.recordAgentReply(conversation._id, { platform: req.platform, userId: req.userId, name: req.userName, lastReplyAt: sentAt });
    const account = this.accounts.get(conversation.accountId);
    const otherSides = account ? this.accounts.platformsOf(account).filter((p) => p !== req.platform) : [];
    await this.enqueue([
      whatsappInteractiveJob({ conversationId: conversation._id, messageId: id, accountId: conversation.accountId, to: conversation.customer, message }),
      ...mirrorJobs(msg, conversation._id, otherSides, body, `${author.detail} `),
    ]);
    this.log.info({ conversationId: conversation._id, type: message.type }, 'interactive message queued');
    return { ok: true, text: tr(message.type === 'button' ? 'interactive.queuedButton' : 'interactive.queuedList') };
  }
}
