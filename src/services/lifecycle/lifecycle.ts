/**
 * A conversation's lifecycle (issue 11 point 3): open → owned (claim, assign) → closed (resolved), reopened by an
 * agent or by the customer writing again. Each change is one `_id` write on the conversation (ConversationStore
 * .updateLifecycle) and the jobs that show it (routing.ts chatCardJobs: the card on every platform, the thread closed or
 * opened), returned to the caller to enqueue. Chatwoot resolves from Slack (issues #4690, #12680); Odoo lets people be
 * added to a chat; both are followed here. The notify rule for owners is services/notify.ts.
 */
import { randomUUID } from 'node:crypto';
import type { ChatPlatform } from '../../domain/platform';
import type { AgentRef, ConversationLifecycle, ConversationRecord, MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Translate } from '../../i18n';
import type { Accounts } from '../accounts';
import { serviceWindowClosed } from '../inbound/agent-reply';
import { chatCardJobs, chatPostJobs, whatsappSendJob } from '../routing';
import { reminderOfLatest } from '../window-reminder';

const DAY_MS = 24 * 3600 * 1000;

export interface LifecycleOptions {
  /** A conversation closed less than this many days ago reopens in its own thread (BRIDGE_REOPEN_SAME_THREAD_DAYS). */
  sameThreadDays: number;
  now?: () => Date;
}

/** What a change did: the jobs to enqueue, and a line for the person who asked (empty when nothing changed). */
export interface Changed {
  jobs: NewJob[];
  text: string;
}

const nameOf = (p: AgentRef) => p.name ?? p.userId;

export class Lifecycle {
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly opts: LifecycleOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** The conversation of a bridged thread, or undefined. */
  async inThread(platform: ChatPlatform, channelId: string, threadId: string): Promise<ConversationRecord | undefined> {
    const link = await this.store.findThreadLinkByThread(platform, channelId, threadId);
    return (link && (await this.store.getConversation(link.conversationId))) ?? undefined;
  }

  /** The answers' texts, in the conversation's account's language. */
  private texts(c: ConversationRecord): Translate {
    return this.accounts.texts(c.accountId);
  }

  private platformsOf(c: ConversationRecord): ChatPlatform[] {
    const account = this.accounts.get(c.accountId);
    return account ? this.accounts.platformsOf(account) : [];
  }

  /** Someone to remind is there now: the customer's unanswered message gets its window reminder (window-reminder.ts). */
  private async reminder(c: ConversationRecord): Promise<NewJob[]> {
    const account = this.accounts.get(c.accountId);
    return account ? reminderOfLatest(this.store, account, c, this.platformsOf(c)) : [];
  }

  private async apply(c: ConversationRecord, change: string, patch: ConversationLifecycle, thread?: 'closed' | 'open'): Promise<NewJob[]> {
    await this.store.updateLifecycle(c._id, patch);
    return chatCardJobs(this.platformsOf(c), c._id, change, thread);
  }

  /** `who` takes the conversation (claim), or is given it (assign); it reopens if it was closed. */
  async own(c: ConversationRecord, who: AgentRef, by: AgentRef): Promise<Changed> {
    const t = this.texts(c);
    if (c.state === 'owned' && c.owner?.platform === who.platform && c.owner.userId === who.userId) {
      return { jobs: [], text: who.userId === by.userId ? t('lifecycle.ownYouAlready') : t('lifecycle.ownAlready', { name: nameOf(who) }) };
    }
    const at = this.now();
    const jobs = await this.apply(
      c,
      `own:${at.getTime()}`,
      { state: 'owned', owner: who, ownedAt: at, closedAt: null, closedBy: null },
      c.state === 'closed' ? 'open' : undefined,
    );
    jobs.push(...(await this.reminder(c)));
    return { jobs, text: who.userId === by.userId ? t('lifecycle.ownYouNow') : t('lifecycle.ownNow', { name: nameOf(who) }) };
  }

  /** Adds a person to the participants: pinged for the customer's messages as participants are (services/notify.ts). */
  async add(c: ConversationRecord, who: AgentRef): Promise<Changed> {
    const t = this.texts(c);
    if (c.participants.some((p) => p.platform === who.platform && p.userId === who.userId)) {
      return { jobs: [], text: t('lifecycle.participantAlready', { name: nameOf(who) }) };
    }
    const at = this.now();
    await this.store.addParticipant(c._id, { ...who, lastReplyAt: at });
    return {
      jobs: [...chatCardJobs(this.platformsOf(c), c._id, `add:${who.platform}:${who.userId}:${at.getTime()}`), ...(await this.reminder(c))],
      text: t('lifecycle.participantNow', { name: nameOf(who) }),
    };
  }

  /**
   * Closes (resolves) the conversation; `message`, when given, goes to the customer if the 24-hour window allows
   * (and is shown in the thread like an agent's reply); otherwise the answer says it was not sent.
   */
  async close(c: ConversationRecord, by: AgentRef, message?: string): Promise<Changed> {
    const t = this.texts(c);
    if (c.state === 'closed') return { jobs: [], text: t('lifecycle.closedAlready') };
    const at = this.now();
    const jobs: NewJob[] = [];
    let notSent = false;
    if (message?.trim()) {
      if (serviceWindowClosed(c, at)) notSent = true;
      else jobs.push(...(await this.closingMessage(c, by, message.trim(), at)));
    }
    jobs.push(...(await this.apply(c, `close:${at.getTime()}`, { state: 'closed', closedAt: at, closedBy: by }, 'closed')));
    return { jobs, text: t(notSent ? 'lifecycle.closedNotSent' : 'lifecycle.closed') };
  }

  private async closingMessage(c: ConversationRecord, by: AgentRef, text: string, at: Date): Promise<NewJob[]> {
    const id = `close:${randomUUID()}`;
    const record: MessageRecord = {
      _id: id,
      conversationId: c._id,
      direction: 'outbound',
      createdAt: at,
      text,
      state: 'queued',
      stateAt: at,
      mirrors: [],
      sentBy: by,
    };
    await this.store.insertMessage(record);
    const post = { author: { name: nameOf(by), role: 'agent' as const, detail: this.texts(c)('lifecycle.closingMessage') }, body: text };
    return [
      ...chatPostJobs(this.platformsOf(c), c._id, id, post, false),
      whatsappSendJob({ conversationId: c._id, messageId: id, accountId: c.accountId, to: c.customer, text }, 'whatsapp.send'),
    ];
  }

  /** An agent reopens a closed conversation: owned again by its owner if it had one, else open. */
  async reopen(c: ConversationRecord): Promise<Changed> {
    const t = this.texts(c);
    if (c.state !== 'closed') return { jobs: [], text: t('lifecycle.notClosed') };
    const at = this.now();
    const jobs = await this.apply(c, `reopen:${at.getTime()}`, { state: c.owner ? 'owned' : 'open', closedAt: null, closedBy: null }, 'open');
    return { jobs, text: t('lifecycle.reopened') };
  }

  /**
   * The customer wrote: a closed conversation reopens, unowned, and notifies as a new one. Closed less than
   * `sameThreadDays` ago it goes on in its thread; longer ago its threads are retired and the next post opens new
   * ones, whose cards link to the old ones. Returns the jobs to enqueue before the message's posts.
   */
  async customerWrote(c: ConversationRecord): Promise<NewJob[]> {
    if (c.state !== 'closed') return [];
    const at = this.now();
    const reopen: ConversationLifecycle = { state: 'open', owner: null, ownedAt: null, closedAt: null, closedBy: null, reopenedAt: at };
    const recent = c.closedAt && at.getTime() - c.closedAt.getTime() < this.opts.sameThreadDays * DAY_MS;
    if (recent) return this.apply(c, `reopened:${at.getTime()}`, reopen, 'open');
    const previous: NonNullable<ConversationLifecycle['previousThreads']> = {};
    for (const platform of this.platformsOf(c)) {
      const link = await this.store.findThreadLink(c._id, platform);
      if (!link) continue;
      previous[platform] = { channelId: link.channelId, threadId: link.threadId };
      await this.store.retireThreadLink(c._id, platform, at);
    }
    // No card job: the customer's post opens each new thread with its card.
    await this.store.updateLifecycle(c._id, { ...reopen, previousThreads: previous });
    return [];
  }
}
