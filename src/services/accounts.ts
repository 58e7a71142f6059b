/** Which channels and notify users each business number routes to (several numbers = several departments). */
import { CHAT_PLATFORMS, type ChatPlatform } from '../domain/platform';
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

  destination(account: AccountConfig, platform: ChatPlatform): { channelId: string; notifyUsers: string[] } {
    const d = account[platform];
    if (!d) throw new Error(`account ${account.name} has no ${platform} channel`);
    return d;
  }
}
