/**
 * A customer's WhatsApp message: stored once (its `_id` is `wa:<wamid>`, so a redelivery changes nothing) in the
 * customer's conversation, and posted into that conversation's thread on every platform the account mirrors to.
 * Returns the post jobs (routing.ts); the caller enqueues them.
 */
import type { AccountConfig } from '../../config';
import type { ChatPlatform } from '../../domain/platform';
import type { ConversationRecord, MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { InboundCustomerMessage } from '../../domain/whatsapp';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import type { AutomaticReplies } from '../automation/decide';
import type { Lifecycle } from '../lifecycle/lifecycle';
import { t, type Language } from '../../i18n';
import { renderContent, renderInbound } from '../render';
import { chatCardJobs, chatPostJobs, windowReminderJobs } from '../routing';
import { remindedPeople, windowReminderAt } from '../window-reminder';

/** A card's window line changes with each customer message: it is rewritten at most once per hour of window. */
const CARD_WINDOW_STEP_MS = 3600 * 1000;

export class CustomerMessages {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly log: Logger,
    /** Away message, greeting and keyword replies (services/automation/); none when absent. */
    private readonly automatic?: AutomaticReplies,
    /** Reopens a closed conversation the customer writes to, and keeps its card's window current (services/lifecycle/). */
    private readonly lifecycle?: Lifecycle,
  ) {}

  async handle(m: InboundCustomerMessage): Promise<NewJob[]> {
    const account = this.accounts.get(m.accountId);
    if (!account) {
      this.log.warn({ phoneNumberId: m.accountId, wamid: m.wamid }, 'message for a phone number id that is not configured: kept in the raw log only');
      return [];
    }
    const before = await this.automatic?.before(account, m);
    const conversation = await this.store.conversationForInbound(m.accountId, m.customer, m.sentAt);
    const reopened = (await this.lifecycle?.customerWrote(conversation)) ?? [];
    const id = `wa:${m.wamid}`;
    const record: MessageRecord = {
      _id: id,
      conversationId: conversation._id,
      direction: 'inbound',
      createdAt: m.sentAt,
      wamid: m.wamid,
      content: m.content,
      mirrors: [],
    };
    const isNew = await this.store.insertMessage(record);
    if (!isNew) this.log.debug({ wamid: m.wamid }, 'redelivered message: re-enqueue is a no-op');
    const lang = this.accounts.language(account);
    const quoted = m.replyToWamid ? await this.quoteOf(m.replyToWamid, lang) : undefined;
    const body = renderInbound(m, quoted, lang);
    const name = m.customer.name ?? (m.customer.waId ? `+${m.customer.waId}` : t(lang, 'card.customer'));
    const platforms = this.accounts.platformsOf(account);
    const window = Math.floor((conversation.lastInboundAt ?? m.sentAt).getTime() / CARD_WINDOW_STEP_MS);
    const posts = [
      ...reopened,
      ...chatPostJobs(platforms, conversation._id, id, { author: { name, role: 'customer' }, body }, true),
      ...(this.lifecycle ? chatCardJobs(platforms, conversation._id, `window:${window}`) : []),
      ...this.reminder(account, conversation, id, m.sentAt, platforms),
    ];
    // Decided once, when the message is first stored (services/automation/decide.ts says why).
    return isNew && this.automatic ? [...posts, ...(await this.automatic.decide(account, m, before, conversation))] : posts;
  }

  /**
   * The window reminder's check, scheduled when the customer's latest message lands in a conversation with someone to
   * remind (its owner or participants: not a new or reopened one); it decides again when it runs (issue 11 point 5).
   */
  private reminder(account: AccountConfig, conversation: ConversationRecord, id: string, sentAt: Date, platforms: ChatPlatform[]): NewJob[] {
    const at = windowReminderAt(account, sentAt);
    const latest = conversation.lastInboundAt?.getTime() === sentAt.getTime();
    return at && latest && remindedPeople(conversation).length ? windowReminderJobs(platforms, conversation._id, id, at) : [];
  }

  private async quoteOf(wamid: string, lang: Language): Promise<string | undefined> {
    // The customer may quote their own earlier message or an agent's reply (known by the wamid of its send).
    const original = await this.store.findMessageByWamid(wamid);
    if (original?.content) return renderContent(original.content, lang);
    return original?.text;
  }
}
