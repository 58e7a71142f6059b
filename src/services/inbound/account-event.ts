/**
 * An account-level event from Meta (a template paused, a quality rating changed, …): applied to stored state first
 * (templates), then announced in the channels of the accounts it concerns when its field deserves a notice.
 * Returns the notice jobs (routing.ts); the caller enqueues them.
 */
import type { NewJob } from '../../domain/records';
import type { AccountEvent } from '../../domain/whatsapp';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { accountEventText } from '../present/account-event-text';
import { accountChannels, channelNoticeJobs } from '../routing';

export class AccountEvents {
  constructor(
    private readonly accounts: Accounts,
    private readonly log: Logger,
    /** Which account-level fields deserve a notice in the channel. */
    private readonly noticeFields: Set<string>,
    /** Applies an account event to stored state (templates) before the notice; returns a line to add to it. */
    private readonly onAccountEvent?: (e: AccountEvent) => Promise<string | undefined>,
  ) {}

  async handle(e: AccountEvent): Promise<NewJob[]> {
    this.log.info({ field: e.field, wabaId: e.wabaId }, e.summary);
    // Before the webhook is acknowledged (Ingest.persist): a template paused by Meta is refused by `/wa template` at once.
    const extra = this.onAccountEvent ? await this.onAccountEvent(e) : undefined;
    if (!this.noticeFields.has(e.field)) return [];
    const accounts = e.accountId ? [this.accounts.get(e.accountId)].filter((a) => a !== undefined) : this.accounts.byWaba(e.wabaId);
    const concerned = accounts.length ? accounts : this.accounts.all;
    // Each account's channels read the line in that account's language (src/services/present/account-event-text.ts).
    const languages = new Set(concerned.map((a) => this.accounts.language(a)));
    return [...languages].flatMap((lang) =>
      channelNoticeJobs(
        accountChannels(
          this.accounts,
          concerned.filter((a) => this.accounts.language(a) === lang),
        ),
        { why: 'account-event', field: e.field, wabaId: e.wabaId, value: e.value },
        `📣 ${e.text ? accountEventText(lang, e.text, e.summary) : e.summary}${extra ? `\n${extra}` : ''}`,
      ),
    );
  }
}
