/**
 * A person's message in a bridged thread → WhatsApp sends through the outbox: its text and every file it carries
 * (media-rules.ts decides how; files WhatsApp cannot take are refused in the thread before any call to Meta).
 * Idempotent on the chat message id, so a platform's event retries never send twice. Persists the message and
 * returns the jobs it implies (routing.ts); the caller enqueues them.
 */
import { dateMark, type AgentMessage } from '../../domain/chat';
import type { ConversationRecord, MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { agentMessageId, agentMessageOrigin, mirrorJobs } from '../agent-message';
import { decideReply, internalNote, replyRuleOf } from '../internal-notes';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import { planAgentMessage } from '../media-rules';
import { WHATSAPP_MAX_PARTS, WHATSAPP_TEXT_MAX } from '../message-parts';
import { chatStatusJob, threadNoticeJob, whatsappSendJob } from '../routing';
import { splitText } from '../text-split';

export const SERVICE_WINDOW_MS = 24 * 3600 * 1000;

/** WhatsApp allows free-form messages (text, media, reactions) only within 24 hours of the customer's last message. */
export function serviceWindowClosed(conversation: { lastInboundAt?: Date }, now: Date): boolean {
  return now.getTime() - (conversation.lastInboundAt?.getTime() ?? 0) > SERVICE_WINDOW_MS;
}

/** Why a free-form message is refused outside the window (shown under the agent's post, like Meta's 131047). */
export function windowClosedFailure(conversation: Pick<ConversationRecord, 'lastInboundAt' | 'customer'>, lang: Language = DEFAULT_LANGUAGE) {
  const phone = conversation.customer.waId ? `+${conversation.customer.waId}` : '<phone>';
  // A date mark: each platform shows it in the reader's time zone (domain/chat/date-mark.ts).
  const at = conversation.lastInboundAt && dateMark(conversation.lastInboundAt);
  return {
    code: '131047',
    meaning: at ? t(lang, 'notices.windowClosedMeaning', { at }) : t(lang, 'notices.windowNeverMeaning'),
    // The customer's number filled in: the line can be copied as it is (issue 11 point 5).
    action: t(lang, 'notices.windowClosedAction', { phone }),
    retryable: false,
  };
}

export type AgentReplyResult = 'queued' | 'not_bridged' | 'duplicate' | 'window_closed' | 'empty' | 'internal' | 'too_long';

/** What a stage decided, and the jobs it implies (enqueued by the caller, even when `result` says nothing was sent). */
export interface Handled<R> {
  result: R;
  jobs: NewJob[];
}

export class AgentReplies {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(msg: AgentMessage): Promise<Handled<AgentReplyResult>> {
    const jobs: NewJob[] = [];
    const done = (result: AgentReplyResult) => ({ result, jobs });
    const link = await this.store.findThreadLinkByThread(msg.platform, msg.channelId, msg.threadId);
    if (!link) return done('not_bridged');
    const conversation = await this.store.getConversation(link.conversationId);
    if (!conversation) return done('not_bridged');
    // A note for colleagues stays in the thread, files included (internal-notes.ts says which messages those are).
    const replyAccount = this.accounts.get(conversation.accountId);
    // A picked saved reply is meant for the customer: the note rule (about what a typed message starts with) is not asked.
    const decision = msg.picked ? ({ send: true, text: msg.text } as const) : decideReply(msg, replyRuleOf(replyAccount));
    if (!decision.send) {
      const note = internalNote(
        msg,
        conversation,
        decision.why,
        replyAccount ? this.accounts.platformsOf(replyAccount).filter((p) => p !== msg.platform) : [],
        this.accounts.language(replyAccount),
      );
      const inserted = await this.store.insertMessage(note.record);
      jobs.push(...note.jobs); // idempotent (dedupe keys): a retry after a crash still marks it
      return done(inserted ? 'internal' : 'duplicate');
    }
    const lang = this.accounts.language(replyAccount);
    const text = decision.text.trim();
    const plan = planAgentMessage(text, msg.files ?? [], lang);
    if (plan.refused.length) {
      // Refused here, before any call to Meta, with the limit that applies: the agent knows at once.
      const lines = plan.refused.map((r) => t(lang, 'notices.fileRefusedLine', { name: r.file.name, reason: r.reason }));
      jobs.push(
        threadNoticeJob(
          msg.platform,
          conversation._id,
          { why: 'files-refused', channelId: msg.channelId, messageId: msg.messageId },
          t(lang, 'notices.filesRefused', { lines: lines.join('\n') }),
        ),
      );
    }
    // Meta takes 4,096 characters per text: a longer one goes as several messages, cut where a reader would pause.
    // No "(1/3)" marker: the parts are sent one after the other in this conversation's lane (each only once Meta
    // accepted the one before), so they arrive in order and read as consecutive messages; a marker would only
    // add noise to what the customer reads, and the agent sees one message with the parts' combined status.
    const texts = plan.text ? splitText(plan.text, { max: WHATSAPP_TEXT_MAX }) : [];
    if (texts.length > WHATSAPP_MAX_PARTS) {
      jobs.push(
        threadNoticeJob(
          msg.platform,
          conversation._id,
          { why: 'text-refused', channelId: msg.channelId, messageId: msg.messageId },
          t(lang, 'notices.textTooLong', {
            length: plan.text!.length.toLocaleString(lang),
            max: WHATSAPP_TEXT_MAX.toLocaleString(lang),
            parts: WHATSAPP_MAX_PARTS,
          }),
        ),
      );
      this.log.info({ conversationId: conversation._id, length: plan.text!.length }, 'agent reply refused: too long for WhatsApp');
      texts.length = 0;
      if (!plan.files.length) return done('too_long');
    }
    if (!texts.length && !plan.files.length) return done('empty');

    const id = agentMessageId(msg);
    const origin = agentMessageOrigin(msg);
    const base = {
      conversationId: conversation._id,
      direction: 'outbound' as const,
      createdAt: msg.sentAt,
      origin,
      state: 'queued' as const,
      stateAt: this.now(),
      mirrors: [],
    };
    const send = { conversationId: conversation._id, accountId: conversation.accountId, to: conversation.customer };
    // One WhatsApp message per part, in order: the text (unless it is the first file's caption) in as many parts as
    // it needs, then every file. The first part is the chat message's own record; the others point to it, and the
    // chat message shows their combined status (outbox/handlers/chat-status.ts).
    const parts: { record: MessageRecord; job: NewJob }[] = [];
    for (const [i, t] of texts.entries()) {
      const partId = i === 0 ? id : `${id}:text:${i}`;
      parts.push({
        record: { _id: partId, ...base, text: t, ...(i === 0 ? {} : { partOf: id }) },
        job: whatsappSendJob({ ...send, messageId: partId, text: t }, 'whatsapp.send'),
      });
    }
    for (const [i, f] of plan.files.entries()) {
      const partId = parts.length ? `${id}:file:${i}` : id;
      parts.push({
        record: {
          _id: partId,
          ...base,
          text: f.caption,
          file: { name: f.file.name, mimeType: f.mimeType, size: f.file.size, kind: f.kind },
          ...(partId === id ? {} : { partOf: id }),
        },
        job: whatsappSendJob({ ...send, messageId: partId, platform: msg.platform, file: f.file, kind: f.kind, caption: f.caption }, 'whatsapp.send_media'),
      });
    }
    const first = parts[0]!.record;
    const record: MessageRecord = parts.length > 1 ? { ...first, parts: parts.slice(1).map((p) => p.record._id) } : first;

    // Checked before calling Meta: outside the window a free-form send can only fail with 131047.
    if (serviceWindowClosed(conversation, this.now())) {
      const failure = windowClosedFailure(conversation, lang);
      // Only the first part is recorded (nothing is sent), so its own `failed` is what the message shows.
      if (!(await this.store.insertMessage({ ...first, state: 'failed', failure }))) return done('duplicate');
      jobs.push(chatStatusJob(conversation._id, { platform: msg.platform, messageId: id, status: 'failed' }));
      this.log.info({ conversationId: conversation._id }, 'agent reply refused: service window closed');
      return done('window_closed');
    }

    if (!(await this.store.insertMessage(record))) return done('duplicate');
    for (const part of parts.slice(1)) await this.store.insertMessage(part.record);
    await this.store.recordAgentReply(conversation._id, { platform: msg.platform, userId: msg.author.id, name: msg.author.name, lastReplyAt: msg.sentAt });
    const account = this.accounts.get(conversation.accountId);
    const otherSides = account ? this.accounts.platformsOf(account).filter((p) => p !== msg.platform) : [];
    const fileLine = plan.files.length ? `📎 ${plan.files.map((f) => f.file.name).join(', ')}` : '';
    const mirrorBody = [text, fileLine].filter(Boolean).join('\n');
    jobs.push(
      ...parts.map((p) => p.job),
      // Teams on the other platform see the whole conversation: the reply is mirrored, marked with who and where.
      ...mirrorJobs(msg, conversation._id, otherSides, mirrorBody, '', lang),
    );
    return done('queued');
  }
}
