/**
 * What the agents' tools (saved replies, find, history, failed) need to know about where a command was typed: the
 * number (account) of the channel, the conversation of the thread it was typed in or of a number typed with it, and a
 * thread's link. One rule for all of them, so `/wa reply` and `/wa history` understand "here" alike.
 */
import type { AccountConfig } from '../../config';
import { hasPermalinks, type ChatAdapter, type ChatPlatform } from '../../domain/chat';
import type { ConversationRecord } from '../../domain/records';
import type { Store } from '../../domain/store';
import { DEFAULT_LANGUAGE, t, translator, type Language, type Translate } from '../../i18n';
import type { Accounts } from '../accounts';
import { customerLabel } from '../render';
import { accountFor } from '../templates/resolve';
import { normalizePhone } from '../templates/phone';

export interface Place {
  platform: ChatPlatform;
  channelId: string;
  threadId?: string;
}

export type Found<T> = { ok: true; value: T } | { ok: false; text: string };

export class AgentPlaces {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
  ) {}

  /** The texts in the language of the channel's number (BRIDGE_LANGUAGE in a channel of no number). */
  texts(place: Place): Translate {
    return translator(this.language(place));
  }

  language(place: Pick<Place, 'platform' | 'channelId'>): Language {
    return this.accounts.channelLanguage(place.platform, place.channelId);
  }

  /** The number whose conversations this channel shows. */
  account(place: Place): Found<AccountConfig> {
    const account = accountFor(this.accounts, place.platform, place.channelId);
    return 'error' in account ? { ok: false, text: `❌ ${account.error}` } : { ok: true, value: account };
  }

  /** Every number whose conversations this channel shows (one channel may serve several). */
  accountIds(place: Place): string[] {
    const here = this.accounts.all.filter((a) => a[place.platform]?.channelId === place.channelId);
    return (here.length ? here : this.accounts.all.length === 1 ? this.accounts.all : []).map((a) => a.phoneNumberId);
  }

  /** The conversation of the thread the command was typed in, else of the number typed (`phone`). */
  async conversation(place: Place, phone: string | undefined): Promise<Found<ConversationRecord>> {
    if (phone) {
      const account = this.account(place);
      if (!account.ok) return account;
      const check = normalizePhone(phone, this.language(place));
      if (!check.ok) return { ok: false, text: `❌ ${check.reason}` };
      const conversation = await this.store.getConversation(`${account.value.phoneNumberId}:${check.digits}`);
      return conversation
        ? { ok: true, value: conversation }
        : { ok: false, text: this.texts(place)('tools.noConversationOn', { number: check.e164, account: account.value.name }) };
    }
    if (place.threadId) {
      const link = await this.store.findThreadLinkByThread(place.platform, place.channelId, place.threadId);
      const conversation = link && (await this.store.getConversation(link.conversationId));
      if (conversation) return { ok: true, value: conversation };
      return { ok: false, text: this.texts(place)('tools.notAThread') };
    }
    return { ok: false, text: this.texts(place)('tools.giveNumber') };
  }

  /** The conversation's thread on this platform, as a link when the platform makes one; undefined when there is none yet. */
  async threadLink(conversation: ConversationRecord, platform: ChatPlatform): Promise<{ threadId: string; channelId: string; url?: string } | undefined> {
    const link = await this.store.findThreadLink(conversation._id, platform);
    if (!link) return undefined;
    const chat = this.chats[platform];
    const url = chat && hasPermalinks(chat) ? chat.threadUrl({ platform, channelId: link.channelId, threadId: link.threadId }) : undefined;
    return { threadId: link.threadId, channelId: link.channelId, url };
  }

  /** `Sheena Nelson (+49…) — <url>` (both platforms link a bare URL), or the label and where it is when there is no link. */
  async labelWithLink(conversation: ConversationRecord, platform: ChatPlatform, lang: Language = DEFAULT_LANGUAGE): Promise<string> {
    const label = customerLabel(conversation.customer);
    const link = await this.threadLink(conversation, platform);
    return link?.url ? `${label} — ${link.url}` : link ? t(lang, 'tools.inThread', { label, thread: link.threadId }) : t(lang, 'tools.noThreadYet', { label });
  }
}
