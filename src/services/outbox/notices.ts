/**
 * What the outbox tells people in the chat when deliveries wait: a paused target (once per incident) and a stuck
 * conversation (once per incident). Both go to the account's channels as channel notices, in their own lanes, so a
 * notice is never queued behind the very delivery it is about; a notice into a channel that is itself unreachable is
 * delivered once it is reachable again.
 */
import type { ChatPlatform } from '../../domain/platform';
import type { NewJob, OutboxJob, ParkedInfo } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Accounts } from '../accounts';
import { pausedNotice } from '../delivery';
import { customerLabel } from '../render';
import { duration } from './stuck';
import { jobPlace } from './targets';

const PLATFORMS: ChatPlatform[] = ['slack', 'discord'];

export class OutboxNotices {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly wake: () => void,
  ) {}

  /** A new parking incident: said in the account's channels on the other platforms (the parked one cannot show it). */
  async parked(job: OutboxJob, info: ParkedInfo): Promise<void> {
    const channels = this.channelsOf(job).filter((c) => info.target !== `${c.platform}:channel:${c.channelId}`);
    await this.post(channels, `parked:${info.target}:${new Date(info.since).getTime()}`, pausedNotice(info));
  }

  async stuck(job: OutboxJob, waitedMs: number): Promise<void> {
    const { conversationId } = jobPlace(job);
    const conversation = conversationId ? await this.store.getConversation(conversationId) : null;
    const who = conversation ? ` with *${customerLabel(conversation.customer)}*` : '';
    const where = job.kind.startsWith('chat.') ? 'posted in its thread' : 'sent to WhatsApp';
    const body =
      `⏳ Messages in the conversation${who} have not been ${where} for ${duration(waitedMs)}: ${job.lastError ?? 'unknown error'}.\n` +
      '*What to do:* nothing is lost: the bridge keeps retrying and delivers them in order once it goes through; check the platform’s status if this lasts.';
    await this.post(this.channelsOf(job), `stuck:${job._id}`, body);
  }

  private channelsOf(job: OutboxJob): Array<{ platform: ChatPlatform; channelId: string }> {
    const { accountId } = jobPlace(job);
    const account = accountId ? this.accounts.get(accountId) : undefined;
    if (!account) return [];
    return PLATFORMS.flatMap((platform) => (account[platform] ? [{ platform, channelId: account[platform]!.channelId }] : []));
  }

  private async post(channels: Array<{ platform: ChatPlatform; channelId: string }>, key: string, body: string): Promise<void> {
    if (!channels.length) return;
    const jobs: NewJob[] = channels.map(({ platform, channelId }) => ({
      kind: 'chat.channel_notice',
      lane: `${platform}:channel:${channelId}`,
      dedupeKey: `${platform}:notice:${key}`,
      payload: { platform, channelId, body },
    }));
    await this.store.enqueue(jobs);
    this.wake();
  }
}
