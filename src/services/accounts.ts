/** Which channels and notify users each business number routes to (several numbers = several departments). */
import { CHAT_PLATFORMS, type ChatPlatform } from '../domain/platform';
import type { ConversationRecord } from '../domain/records';
import type { AccountConfig } from '../config';

export class Accounts {
  private readonly byId: Map<string, AccountConfig>;

  constructor(readonly all: AccountConfig[]) {
    this.byId = new Map(all.map((a) => [a.phoneNumberId, a]));
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
