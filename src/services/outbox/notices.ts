/**
 * What the outbox tells people in the chat when deliveries wait: a paused target (once per incident) and a stuck
 * conversation (once per incident). Both go to the account's channels as channel notices, in their own lanes, so a
 * notice is never queued behind the very delivery it is about; a notice into a channel that is itself unreachable is
 * delivered once it is reachable again.
 */
import type { OutboxJob, ParkedInfo } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Accounts } from '../accounts';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import { pausedNotice } from '../present/notices';
import { customerLabel } from '../render';
import { accountChannels, channelNoticeJobs, type ChannelNoticeAbout, type ChannelRef } from '../routing';
import type { Enqueue } from './enqueue';
import { duration } from './stuck';
import { jobPlace, targetLabel } from './targets';

export class OutboxNotices {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly enqueue: Enqueue,
    /** Targets whose incident another notice already tells (a refused WhatsApp token: services/whatsapp-token.ts). */
    private readonly toldElsewhere: (target: string) => boolean = () => false,
  ) {}

  /** A new parking incident: said in the account's channels on the other platforms (the parked one cannot show it). */
  async parked(job: OutboxJob, info: ParkedInfo): Promise<void> {
    if (this.toldElsewhere(info.target)) return;
    const channels = this.channelsOf(job).filter((c) => info.target !== `${c.platform}:channel:${c.channelId}`);
    const lang = this.languageOf(job);
    const label = (lang !== DEFAULT_LANGUAGE && targetLabel(this.accounts, info.target, lang)) || info.label;
    await this.post(channels, { why: 'parked', target: info.target, since: info.since }, pausedNotice({ ...info, label }, lang));
  }

  async stuck(job: OutboxJob, waitedMs: number): Promise<void> {
    const { conversationId } = jobPlace(job);
    const conversation = conversationId ? await this.store.getConversation(conversationId) : null;
    const lang = this.languageOf(job);
    const where = t(lang, job.kind.startsWith('chat.') ? 'notices.stuckPosted' : 'notices.stuckSent');
    const vars = { where, duration: duration(waitedMs, lang), error: job.lastError ?? t(lang, 'notices.unknownError') };
    const body = conversation ? t(lang, 'notices.stuckWith', { ...vars, customer: customerLabel(conversation.customer) }) : t(lang, 'notices.stuck', vars);
    await this.post(this.channelsOf(job), { why: 'stuck', jobId: job._id }, body);
  }

  private languageOf(job: OutboxJob): Language {
    return this.accounts.language(jobPlace(job).accountId);
  }

  private channelsOf(job: OutboxJob): ChannelRef[] {
    const { accountId } = jobPlace(job);
    const account = accountId ? this.accounts.get(accountId) : undefined;
    return account ? accountChannels(this.accounts, [account]) : [];
  }

  private async post(channels: ChannelRef[], about: ChannelNoticeAbout, body: string): Promise<void> {
    await this.enqueue(channelNoticeJobs(channels, about, body));
  }
}
