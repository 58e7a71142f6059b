/**
 * What each outbox job does. Every handler is safe to run twice (a crash between the effect and the
 * `done` mark re-runs it): it checks what is already recorded before acting.
 */
import type { ChatAdapter, ChatPlatform, ThreadRef } from '../domain/chat';
import { DeliveryError, type FailureExplanation } from '../domain/errors';
import type { WhatsAppSender } from '../domain/ports';
import type { JobPayloads, OutboxJob } from '../domain/records';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';
import type { Accounts } from './accounts';
import type { Ingest } from './ingest';
import { mentionsFor } from './notify';
import { customerLabel } from './render';

type Handler<K extends keyof JobPayloads> = (payload: JobPayloads[K]) => Promise<void>;

export function failureNotice(e: FailureExplanation): string {
  return `⚠️ *Not delivered to the customer:* ${e.meaning} (code ${e.code}).\n*What to do:* ${e.action}`;
}

export class Delivery {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly whatsapp: WhatsAppSender,
    private readonly ingest: Ingest,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private chat(platform: ChatPlatform): ChatAdapter {
    const adapter = this.chats[platform];
    if (!adapter) throw DeliveryError.permanent(platform, { code: 'not_configured', meaning: `${platform} is not configured in this bridge`, action: `configure ${platform} or remove it from the account` });
    return adapter;
  }

  readonly handlers: { [K in keyof JobPayloads]: Handler<K> } = {
    'chat.post': (p) => this.postMirror(p),
    'chat.status': (p) => this.showStatus(p),
    'chat.notice': (p) => this.postNotice(p),
    'chat.channel_notice': (p) => this.chat(p.platform).postToChannel(p.channelId, p.body),
    'whatsapp.send': (p) => this.sendToWhatsApp(p),
  };

  run(job: OutboxJob): Promise<void> {
    return (this.handlers[job.kind] as Handler<typeof job.kind>)(job.payload as never);
  }

  /** The thread of a conversation on a platform, opened (and recorded) by the first delivery that needs it. */
  private async threadFor(conversationId: string, platform: ChatPlatform): Promise<{ thread: ThreadRef; isNew: boolean }> {
    const existing = await this.store.findThreadLink(conversationId, platform);
    if (existing) return { thread: { platform, channelId: existing.channelId, threadId: existing.threadId }, isNew: false };
    const conversation = await this.store.getConversation(conversationId);
    if (!conversation) throw DeliveryError.permanent(platform, { code: 'no_conversation', meaning: `conversation ${conversationId} is missing`, action: 'report this to the bridge’s maintainers' });
    const account = this.accounts.get(conversation.accountId);
    if (!account) throw DeliveryError.permanent(platform, { code: 'no_account', meaning: `number ${conversation.accountId} is no longer configured`, action: 'add it back to the configuration' });
    const { channelId, notifyUsers } = this.accounts.destination(account, platform);
    const label = customerLabel(conversation.customer);
    const thread = await this.chat(platform).openThread({
      channelId,
      title: label,
      intro: `💬 *New WhatsApp conversation* with *${label}*${this.accounts.all.length > 1 ? ` on ${account.name}` : ''}.\nReply in this thread to answer on WhatsApp.`,
      mentionUserIds: notifyUsers,
    });
    // Recorded right away: every later delivery (ordered in this lane) finds it; a second thread is never opened.
    const now = this.now();
    await this.store.saveThreadLink({ conversationId, platform, channelId: thread.channelId, threadId: thread.threadId, createdAt: now, lastMentionAt: now });
    return { thread, isNew: true };
  }

  private async postMirror(p: JobPayloads['chat.post']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (message?.mirrors.some((m) => m.platform === p.platform)) return; // posted before a crash: done.
    const { thread, isNew } = await this.threadFor(p.conversationId, p.platform);
    const mentions = isNew || !p.notify ? [] : await this.mentionsNow(p.conversationId, p.platform);
    const { messageId } = await this.chat(p.platform).postInThread(thread, { ...p.post, mentionUserIds: mentions });
    await this.store.addMirror(p.messageId, { ...thread, messageId });
  }

  private async mentionsNow(conversationId: string, platform: ChatPlatform): Promise<string[]> {
    const [conversation, link] = await Promise.all([this.store.getConversation(conversationId), this.store.findThreadLink(conversationId, platform)]);
    if (!conversation || !link) return [];
    const account = this.accounts.get(conversation.accountId);
    const notifyUsers = account?.[platform]?.notifyUsers ?? [];
    const now = this.now();
    const mentions = mentionsFor(conversation, link, platform, notifyUsers, now);
    if (mentions.length) await this.store.markMentioned(link._id, now);
    return mentions;
  }

  private async sendToWhatsApp(p: JobPayloads['whatsapp.send']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (!message || message.wamid) return; // already sent before a crash
    const account = this.accounts.get(p.accountId);
    if (!account) throw DeliveryError.permanent('whatsapp', { code: 'no_account', meaning: `number ${p.accountId} is no longer configured`, action: 'add it back to the configuration' });
    const wamid = await this.whatsapp.sendText(account, p.to, p.text, p.replyToWamid);
    await this.store.updateMessage(p.messageId, { wamid, state: 'accepted', stateAt: this.now() });
    const early = await this.store.linkWamid(wamid, p.messageId);
    // A status webhook can beat the send's own response; it was stored and is shown now.
    if (early.status) await this.ingest.enqueueStatusJobs(p.messageId, early.status, undefined, early.error);
  }

  private async showStatus(p: JobPayloads['chat.status']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (!message) return;
    const where = message.origin?.platform === p.platform ? message.origin : message.mirrors.find((m) => m.platform === p.platform);
    if (!where) return;
    const thread: ThreadRef = { platform: p.platform, channelId: where.channelId, threadId: where.threadId };
    await this.chat(p.platform).showStatus(thread, where.messageId, p.status, p.previous);
    if (p.status !== 'failed') return;
    const failure = message.failure ?? (p.error ? this.whatsapp.explain(p.error) : undefined);
    if (p.error && !message.failure && failure) await this.store.updateMessage(p.messageId, { failure });
    const explanation = failure ?? { code: 'unknown', meaning: 'WhatsApp reported the message as failed without a reason', action: 'try again, or reach the customer another way' };
    await this.chat(p.platform).postInThread(thread, { author: { name: 'WhatsApp bridge', role: 'bridge' }, body: failureNotice(explanation) });
  }

  private async postNotice(p: JobPayloads['chat.notice']): Promise<void> {
    const { thread } = await this.threadFor(p.conversationId, p.platform);
    await this.chat(p.platform).postInThread(thread, { author: { name: 'WhatsApp bridge', role: 'bridge' }, body: p.body });
  }

  /** A send that can never succeed: the message is marked failed and the thread is told why. */
  async onPermanentFailure(job: OutboxJob, error: DeliveryError | Error): Promise<void> {
    const explanation: FailureExplanation & { retryable: boolean } =
      error instanceof DeliveryError ? { ...error.explanation, retryable: false } : { code: 'internal', meaning: error.message, action: 'report this to the bridge’s maintainers', retryable: false };
    if (job.kind === 'whatsapp.send') {
      const p = job.payload;
      await this.store.updateMessage(p.messageId, { state: 'failed', stateAt: this.now(), failure: explanation });
      await this.ingest.enqueueStatusJobs(p.messageId, 'failed');
      return;
    }
    // A chat post that cannot be made is logged loudly: there is no thread to tell.
    this.log.error({ job: job._id, kind: job.kind, code: explanation.code }, `delivery to chat failed for good: ${explanation.meaning}; ${explanation.action}`);
  }
}
