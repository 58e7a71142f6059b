/**
 * What each outbox job does. Every handler is safe to run twice (a crash between the effect and the
 * `done` mark re-runs it): it checks what is already recorded before acting.
 */
import { hasReactions, hasStatusMarks, type ChatAdapter, type ThreadRef } from '../domain/chat/adapter';
import type { ChatPlatform } from '../domain/platform';
import { DeliveryError, type FailureExplanation } from '../domain/errors';
import type { WhatsAppMedia, WhatsAppSender } from '../domain/ports/whatsapp';
import type { ChatLocation, JobPayloads, MessageRecord, OutboxJob, ParkedInfo } from '../domain/records';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';
import type { Accounts } from './accounts';
import { eventsOf, lane, type Ingest } from './ingest';
import { replyRuleLine, replyRuleOf } from './internal-notes';
import { chatParts, partLabel, showCombinedStatus } from './message-parts';
import { mentionsFor } from './notify';
import { customerLabel } from './render';
import { locate, RichDelivery, threadOf } from './rich-delivery';
import type { SendPacer } from './templates/pacing';

type Handler<K extends keyof JobPayloads> = (payload: JobPayloads[K]) => Promise<void>;

/** Actions written for a failure the outbox retries: never true of a message that is reported as failed. */
const RETRY_PROMISE = /^nothing: the bridge (waits and )?retries/;

/**
 * A message that will not reach the customer. Never promises a retry: WhatsApp's `failed` status is final and the
 * outbox reports only refusals it will not retry, so a "the bridge retries" action (a code that is passing when the
 * bridge meets it on a send) becomes what a person can do now.
 */
export function failureNotice(e: FailureExplanation): string {
  const action = RETRY_PROMISE.test(e.action)
    ? 'WhatsApp gave up on this message and the bridge does not send it again by itself: write it again in the thread, or reach the customer another way'
    : e.action;
  return `⚠️ *Not delivered to the customer:* ${e.meaning} (code ${e.code}).\n*What to do:* ${action}`;
}

/** Deliveries parked until a person fixes something (src/services/outbox/parking.ts): nothing is lost, nothing failed. */
export function pausedNotice(p: Pick<ParkedInfo, 'label' | 'code' | 'meaning' | 'action'>): string {
  return `⏸ *Paused* (${p.label}): ${p.meaning} (code ${p.code}).\n*What to do:* ${p.action}. Delivery resumes by itself once that is fixed; nothing is lost.`;
}

/** Said under a refusal the outbox will not retry: how to send it again once the cause is fixed. */
const REQUEUE_HINT = 'It is not retried by itself; once the cause is fixed, `/wa requeue` (or `npm run requeue`) sends it again.';

export class Delivery {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly whatsapp: WhatsAppSender,
    private readonly ingest: Ingest,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** Template sends wait for it: the number's throughput and Meta's pair rate. `media`: files and reactions (rich-delivery.ts). */
    private readonly opts: { pacer?: Pick<SendPacer, 'acquire'>; media?: WhatsAppMedia } = {},
  ) {
    this.rich = opts.media ? new RichDelivery(store, accounts, opts.media, (p) => this.chat(p), ingest, log, now) : undefined;
  }

  /** Files, reactions, edits and deletions; without WhatsApp media support they are shown as lines. */
  private readonly rich?: RichDelivery;

  private richDelivery(): RichDelivery {
    if (!this.rich)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_media',
        meaning: 'this bridge was started without WhatsApp media support',
        action: 'report this to the bridge’s maintainers',
      });
    return this.rich;
  }

  private chat(platform: ChatPlatform): ChatAdapter {
    const adapter = this.chats[platform];
    if (!adapter)
      throw DeliveryError.permanent(platform, {
        code: 'not_configured',
        meaning: `${platform} is not configured in this bridge`,
        action: `configure ${platform} or remove it from the account`,
      });
    return adapter;
  }

  readonly handlers: { [K in keyof JobPayloads]: Handler<K> } = {
    // A webhook's events, stored before its ack: applied here, past the ack (services/ingest.ts).
    ingest: (p) => this.ingest.ingest(eventsOf(p)),
    'chat.post': (p) => this.postMirror(p),
    'chat.status': (p) => this.showStatus(p),
    'chat.notice': (p) => this.postNotice(p),
    'chat.channel_notice': (p) => this.chat(p.platform).postToChannel(p.channelId, p.body),
    'chat.react': (p) => this.react(p),
    'whatsapp.send': (p) => this.sendToWhatsApp(p),
    'whatsapp.send_template': (p) => this.sendTemplate(p),
    'whatsapp.send_media': (p) => this.richDelivery().sendFile(p),
    'whatsapp.react': (p) => this.richDelivery().sendReaction(p),
  };

  run(job: OutboxJob): Promise<void> {
    return (this.handlers[job.kind] as Handler<typeof job.kind>)(job.payload as never);
  }

  /** The thread of a conversation on a platform, opened (and recorded) by the first delivery that needs it. */
  private async threadFor(conversationId: string, platform: ChatPlatform): Promise<{ thread: ThreadRef; isNew: boolean }> {
    const existing = await this.store.findThreadLink(conversationId, platform);
    if (existing) return { thread: { platform, channelId: existing.channelId, threadId: existing.threadId }, isNew: false };
    const conversation = await this.store.getConversation(conversationId);
    if (!conversation)
      throw DeliveryError.permanent(platform, {
        code: 'no_conversation',
        meaning: `conversation ${conversationId} is missing`,
        action: 'report this to the bridge’s maintainers',
      });
    const account = this.accounts.get(conversation.accountId);
    if (!account)
      throw DeliveryError.permanent(platform, {
        code: 'no_account',
        meaning: `number ${conversation.accountId} is no longer configured`,
        action: 'add it back to the configuration',
      });
    const { channelId, notifyUsers } = this.accounts.destination(account, platform);
    const label = customerLabel(conversation.customer);
    const thread = await this.chat(platform).openThread({
      channelId,
      title: label,
      intro: `💬 *New WhatsApp conversation* with *${label}*${this.accounts.all.length > 1 ? ` on ${account.name}` : ''}.\n${replyRuleLine(replyRuleOf(account))}`,
      mentionUserIds: notifyUsers,
    });
    // Recorded right away: every later delivery (ordered in this lane) finds it; a second thread is never opened.
    const now = this.now();
    await this.store.saveThreadLink({ conversationId, platform, channelId: thread.channelId, threadId: thread.threadId, createdAt: now, lastMentionAt: now });
    return { thread, isNew: true };
  }

  private async postMirror(p: JobPayloads['chat.post']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    const chat = this.chat(p.platform);
    // A text longer than the platform takes is several posts, each recorded as a mirror once posted; a run after a
    // crash resumes after the last one recorded (the split is made the same way every time: message-parts.ts).
    const posted = message?.mirrors.filter((m) => m.platform === p.platform) ?? [];
    if (posted.length) {
      await this.mirrorParts(message!, posted[0]!);
      const derived = message!.content && ['reaction', 'edit', 'revoke', 'media'].includes(message!.content.kind);
      if (derived || posted.length >= chatParts(chat, p.post).length) return; // posted before a crash: done.
    }
    const { thread, isNew } = await this.threadFor(p.conversationId, p.platform);
    // A reaction, edit or deletion is shown on the post it concerns when it can be (nothing new is posted then).
    const post = message && this.rich && !posted.length ? await this.rich.applyToEarlier(chat, message, p.post) : p.post;
    if (post === 'done') return;
    const mentions = isNew || !p.notify || posted.length ? [] : await this.mentionsNow(p.conversationId, p.platform);
    if (message?.content?.kind === 'media' && this.rich) {
      const { messageId } = await this.rich.postMedia(chat, thread, message, { ...post, mentionUserIds: mentions });
      await this.store.addMirror(p.messageId, { ...thread, messageId });
    } else {
      for (const [i, body] of chatParts(chat, post).entries()) {
        if (i < posted.length) continue;
        const { messageId } = await chat.postInThread(thread, { ...post, body, mentionUserIds: i === 0 ? mentions : [] });
        // Each part is a mirror of the message: a reaction, an edit or a status finds it (the first part stands for it).
        await this.store.addMirror(p.messageId, { ...thread, messageId });
        if (i === 0 && message) await this.mirrorParts(message, { ...thread, messageId });
      }
    }
    if (message?.template) await this.afterTemplatePost(p, message);
  }

  /**
   * An agent's reply sent to WhatsApp in several parts, mirrored on another platform: each part records where the
   * mirror is, so its statuses are shown there too (combined on the one post). Not by `addMirror`: the post is the
   * first part's, and a reaction on it must keep finding that one.
   */
  private async mirrorParts(message: MessageRecord, where: ChatLocation): Promise<void> {
    for (const id of message.parts ?? []) {
      const part = await this.store.getMessage(id);
      if (part && !part.mirrors.some((m) => m.platform === where.platform)) await this.store.updateMessage(id, { mirrors: [...part.mirrors, where] });
    }
  }

  /**
   * A template's post in the customer's thread: its sender becomes a participant (pinged when the customer answers),
   * and a status that arrived before the post existed (the send runs in parallel) is shown on it now.
   */
  private async afterTemplatePost(p: JobPayloads['chat.post'], message: MessageRecord): Promise<void> {
    const fresh = (await this.store.getMessage(p.messageId)) ?? message;
    if (fresh.sentBy?.platform === p.platform) {
      await this.store.recordAgentReply(p.conversationId, {
        platform: p.platform,
        userId: fresh.sentBy.userId,
        name: fresh.sentBy.name,
        lastReplyAt: this.now(),
      });
    }
    const state = fresh.state;
    if (state && state !== 'queued' && state !== 'accepted') {
      // The error of a `failed` webhook is kept with the wamid (linking again is a no-op that returns it).
      const error = fresh.wamid && !fresh.failure ? (await this.store.linkWamid(fresh.wamid, p.messageId)).error : undefined;
      await this.store.enqueue([
        {
          kind: 'chat.status',
          lane: lane(p.platform, p.conversationId),
          dedupeKey: `${p.platform}:status:${p.messageId}:${state}`,
          payload: { platform: p.platform, messageId: p.messageId, status: state, error },
        },
      ]);
    }
  }

  private async sendTemplate(p: JobPayloads['whatsapp.send_template']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (!message) return;
    if (message.wamid) {
      // Sent before a crash, the bulk result perhaps not yet recorded.
      if (p.bulk) await this.store.setBulkResult(p.bulk.bulkId, p.bulk.phone, { state: 'sent', wamid: message.wamid, at: message.stateAt ?? this.now() });
      return;
    }
    const account = this.accounts.get(p.accountId);
    if (!account)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_account',
        meaning: `number ${p.accountId} is no longer configured`,
        action: 'add it back to the configuration',
      });
    await this.opts.pacer?.acquire(p.accountId, p.to.waId ?? p.to.userId ?? p.conversationId);
    const wamid = await this.whatsapp.sendTemplate(account, p.to, p.template);
    const at = this.now();
    await this.ingest.recordAccepted(p.messageId, wamid, at);
    if (p.bulk) await this.store.setBulkResult(p.bulk.bulkId, p.bulk.phone, { state: 'sent', wamid, at });
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
    if (!account)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_account',
        meaning: `number ${p.accountId} is no longer configured`,
        action: 'add it back to the configuration',
      });
    const wamid = await this.whatsapp.sendText(account, p.to, p.text, p.replyToWamid);
    await this.ingest.recordAccepted(p.messageId, wamid, this.now());
  }

  private async showStatus(p: JobPayloads['chat.status']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (!message) return;
    const where = locate(message, p.platform);
    if (!where) return;
    const thread = threadOf(where);
    // One chat message sent as several WhatsApp messages (a long text, files): it shows their combined status.
    const head = message.partOf ? await this.store.getMessage(message.partOf) : message;
    if (head?.parts?.length) await showCombinedStatus(this.store, this.chat(p.platform), head);
    else if (!message.partOf || p.status === 'failed') {
      const chat = this.chat(p.platform);
      if (hasStatusMarks(chat)) await chat.showStatus(thread, where.messageId, p.status, message.partOf ? undefined : p.previous);
    }
    if (p.status !== 'failed') return;
    const failure = message.failure ?? (p.error ? this.whatsapp.explain(p.error) : undefined);
    if (p.error && !message.failure && failure) await this.store.updateMessage(p.messageId, { failure });
    const explanation = failure ?? {
      code: 'unknown',
      meaning: 'WhatsApp reported the message as failed without a reason',
      action: 'try again, or reach the customer another way',
    };
    const file = message.file ? `📎 ${message.file.name}\n` : head?.parts?.length ? `${partLabel(head, message)}\n` : '';
    await this.chat(p.platform).postInThread(thread, { author: { name: 'WhatsApp bridge', role: 'bridge' }, body: `${file}${failureNotice(explanation)}` });
  }

  /** The bridge's mark on a person's message; a line instead where the platform cannot react. */
  private async react(p: JobPayloads['chat.react']): Promise<void> {
    const chat = this.chat(p.platform);
    const thread = { platform: p.platform, channelId: p.channelId, threadId: p.threadId };
    if (hasReactions(chat) && (await chat.react(thread, p.messageId, p.emoji, true))) return;
    await chat.postInThread(thread, { author: { name: 'WhatsApp bridge', role: 'bridge' }, body: p.otherwise });
  }

  private async postNotice(p: JobPayloads['chat.notice']): Promise<void> {
    const { thread } = await this.threadFor(p.conversationId, p.platform);
    await this.chat(p.platform).postInThread(thread, { author: { name: 'WhatsApp bridge', role: 'bridge' }, body: p.body });
  }

  /**
   * A refusal the outbox does not retry (retryable failures are retried until delivered, and those that need a person
   * are parked, never failed): the message is marked failed and the thread is told why.
   */
  async onPermanentFailure(job: OutboxJob, error: DeliveryError | Error): Promise<void> {
    const explanation: FailureExplanation & { retryable: boolean } =
      error instanceof DeliveryError
        ? { ...error.explanation, retryable: false }
        : { code: 'internal', meaning: error.message, action: 'report this to the bridge’s maintainers', retryable: false };
    if (job.kind === 'whatsapp.react') return this.rich?.reactionFailed(job.payload, explanation);
    if (job.kind === 'ingest') {
      // The events stay in the outbox (failed) and in raw_webhooks: nothing is dropped, an operator can re-run them.
      this.log.error({ job: job._id, code: explanation.code }, `webhook events could not be stored: ${explanation.meaning}`);
      return;
    }
    if (job.kind === 'whatsapp.send' || job.kind === 'whatsapp.send_template' || job.kind === 'whatsapp.send_media') {
      const p = job.payload;
      await this.store.updateMessage(p.messageId, { state: 'failed', stateAt: this.now(), failure: explanation });
      if (job.kind === 'whatsapp.send_template' && job.payload.bulk) {
        const { bulkId, phone } = job.payload.bulk;
        await this.store.setBulkResult(bulkId, phone, {
          state: 'failed',
          reason: `${explanation.meaning} (code ${explanation.code}); ${explanation.action}`,
          at: this.now(),
        });
      }
      await this.ingest.enqueueStatusJobs(p.messageId, 'failed');
      return;
    }
    this.log.error(
      { job: job._id, kind: job.kind, code: explanation.code },
      `delivery to chat refused, not retried: ${explanation.meaning}; ${explanation.action}`,
    );
    if (job.kind === 'chat.post') await this.announceLostPost(job.payload, explanation);
  }

  /** A message that could not reach its thread is announced in the account's channel: nobody may miss it silently. */
  private async announceLostPost(p: JobPayloads['chat.post'], e: FailureExplanation): Promise<void> {
    const conversation = await this.store.getConversation(p.conversationId);
    const account = conversation && this.accounts.get(conversation.accountId);
    const channelId = account?.[p.platform]?.channelId;
    if (!conversation || !channelId) return;
    await this.store.enqueue([
      {
        kind: 'chat.channel_notice',
        lane: `${p.platform}:channel:${channelId}`,
        dedupeKey: `${p.platform}:lost-post:${p.messageId}`,
        payload: {
          platform: p.platform,
          channelId,
          body: `⚠️ A message in the conversation with *${customerLabel(conversation.customer)}* could not be posted in its thread: ${e.meaning} (code ${e.code}).\n*What to do:* ${e.action}. ${REQUEUE_HINT}\n> ${p.post.body.split('\n').join('\n> ')}`,
        },
      },
    ]);
  }
}
