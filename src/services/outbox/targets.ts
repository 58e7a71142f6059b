/**
 * What a job needs on a platform, named the way an operator fixes it: a Slack or Discord channel (the bot must be in
 * it and may post), or a WhatsApp number (its token and permissions). Derived from the job's lane and payload only
 * (no database read): lanes are `<platform>:<conversationId>` or `<platform>:channel:<channelId>`, and a conversation
 * id starts with its account's phone number id (src/services/routing.ts `lane` and `channelLane`, adapters/mongo/store.ts).
 */
import { InvariantError } from '../../domain/errors';
import { CHAT_PLATFORMS, PLATFORM_LABEL, type ChatPlatform } from '../../domain/platform';
import type { OutboxJob } from '../../domain/records';
import { t, type Language } from '../../i18n';
import type { Accounts } from '../accounts';

type Platform = ChatPlatform | 'whatsapp';

const NAMES: Record<Platform, string> = { ...PLATFORM_LABEL, whatsapp: 'WhatsApp' };

/** The platform a job delivers to: WhatsApp for `whatsapp.*` kinds, else the chat platform its payload or its lane names. */
export function jobPlatform(job: OutboxJob): Platform {
  if (!job.kind.startsWith('chat.')) return 'whatsapp';
  const named = (job.payload as { platform?: unknown } | undefined)?.platform ?? (job.lane ?? '').split(':')[0];
  const platform = CHAT_PLATFORMS.find((p) => p === named);
  // Every chat job is built by src/services/routing.ts with its platform in the payload and the lane: a job without one
  // is a defect, said as such rather than parked against a guessed platform's channel.
  if (!platform) throw new InvariantError(`outbox job ${job._id} (${job.kind}) names no chat platform`);
  return platform;
}

/** Where a job goes: its conversation (if any), its account's phone number id (if known), its lane's channel (channel lanes). */
export function jobPlace(job: OutboxJob): { conversationId?: string; accountId?: string; laneChannel?: string } {
  const lane = job.lane ?? '';
  const rest = lane.slice(lane.indexOf(':') + 1);
  const laneChannel = rest.startsWith('channel:') ? rest.slice('channel:'.length) : undefined;
  // Any job kind (later ones too) may come here: nothing below may assume a payload shape.
  const payload = (job.payload ?? {}) as { accountId?: unknown; conversationId?: unknown };
  const conversationId = typeof payload.conversationId === 'string' ? payload.conversationId : laneChannel || !rest ? undefined : rest;
  const accountId = typeof payload.accountId === 'string' ? payload.accountId : conversationId?.split(':')[0];
  return { conversationId, accountId: accountId || undefined, laneChannel };
}

/** The parking target of a WhatsApp number's sends: what one fix (a token, a permission) on that number releases. */
export const whatsappTarget = (accountId: string | undefined): string => `whatsapp:account:${accountId ?? 'unknown'}`;

export function parkTarget(accounts: Accounts, job: OutboxJob, platform: Platform = jobPlatform(job)): { key: string; label: string } {
  const { accountId, laneChannel } = jobPlace(job);
  const account = accountId ? accounts.get(accountId) : undefined;
  if (platform === 'whatsapp') {
    return {
      key: whatsappTarget(accountId),
      label: t('en', 'delivery.targets.whatsapp', { number: numberName(account, String(accountId)) }),
    };
  }
  const channelId = (laneChannel && job.lane.startsWith(`${platform}:`) ? laneChannel : undefined) ?? account?.[platform]?.channelId ?? 'unknown';
  return { key: `${platform}:channel:${channelId}`, label: t('en', 'delivery.targets.channel', { platform: NAMES[platform], channel: channelId }) };
}

const numberName = (account: { name?: string } | undefined, id: string) => (account?.name && account.name !== 'default' ? `${account.name} (${id})` : id);

/**
 * A target (its key, as parkTarget makes it) named in `lang`, as a paused notice says it; undefined for a key of
 * another shape. The recorded label (ParkedInfo.label) is English: the logs, /readyz and the metrics read it.
 */
export function targetLabel(accounts: Accounts, target: string, lang: Language): string | undefined {
  const [platform, what, ...rest] = target.split(':');
  const id = rest.join(':');
  if (platform === 'whatsapp' && what === 'account') return t(lang, 'delivery.targets.whatsapp', { number: numberName(accounts.get(id), id) });
  const chat = CHAT_PLATFORMS.find((p) => p === platform);
  return chat && what === 'channel' ? t(lang, 'delivery.targets.channel', { platform: NAMES[chat], channel: id }) : undefined;
}
