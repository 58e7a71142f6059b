/** Which channels and notify users each business number routes to (several numbers = several departments). */
import { CHAT_PLATFORMS, type ChatPlatform } from '../domain/platform';
import type { ConversationRecord } from '../domain/records';
import type { AccountConfig } from '../config';
import { DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../i18n';

export class Accounts {
  private readonly byId: Map<string, AccountConfig>;

  constructor(
    readonly all: AccountConfig[],
    /** BRIDGE_LANGUAGE: for texts about no account (loadConfig already gave each account its language). */
    private readonly defaultLanguage: Language = DEFAULT_LANGUAGE,
  ) {
    this.byId = new Map(all.map((a) => [a.phoneNumberId, a]));
  }

  /** The language of the texts for an account's agents (src/i18n). */
  language(account: Pick<AccountConfig, 'language'> | string | undefined): Language {
    const a = typeof account === 'string' ? this.get(account) : account;
    return a?.language ?? this.defaultLanguage;
  }

  /** The catalogue's texts in an account's language. */
  texts(account: Pick<AccountConfig, 'language'> | string | undefined): Translate {
    return translator(this.language(account));
  }

  /** The language of a chat channel: its account's, else BRIDGE_LANGUAGE's (a command typed in another channel). */
  channelLanguage(platform: ChatPlatform, channelId: string): Language {
    return this.language(this.all.find((a) => a[platform]?.channelId === channelId));
  }

  get(phoneNumberId: string): AccountConfig | undefined {
    return this.byId.get(phoneNumberId);
  }

  byWaba(wabaId: string): AccountConfig[] {
    return this.all.filter((a) => a.businessAccountId === wabaId);
  }

  /** The platforms an account mirrors its conversations to. */
  platformsOf(account: AccountConfig): ChatPlatform[] {
    return CHAT_PLATFORMS.filter((p) => account[p]);
  }

  /**
   * The account whose channel and notify users a conversation has on `platform`: the one its menu routed it to
   * (services/automation/menu.ts) when that account has a channel there, else its own. Sends to the customer always
   * go from the conversation's own number (`accountId`): the customer wrote to that number.
   */
  chatAccountOf(conversation: Pick<ConversationRecord, 'accountId' | 'route'>, platform: ChatPlatform): AccountConfig | undefined {
    const routed = conversation.route?.accountId ? this.get(conversation.route.accountId) : undefined;
    return routed?.[platform] ? routed : this.get(conversation.accountId);
  }

  destination(account: AccountConfig, platform: ChatPlatform): { channelId: string; notifyUsers: string[] } {
    const d = account[platform];
    if (!d) throw new Error(`account ${account.name} has no ${platform} channel`);
    return d;
  }
}
