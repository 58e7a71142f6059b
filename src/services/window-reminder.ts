/**
 * The window reminder's rules (issue 11 point 5), shared by the stage that schedules it (inbound/customer-message.ts)
 * and the job that posts it (outbox/handlers/chat-window-reminder.ts).
 */
import { DEFAULT_WINDOW_REMINDER_MINUTES, type AccountConfig } from '../config';
import type { ChatPlatform } from '../domain/platform';
import type { AgentRef, ConversationRecord, NewJob } from '../domain/records';
import type { LookupStore } from '../domain/store/lookups';
import { SERVICE_WINDOW_MS } from './inbound/agent-reply';
import { windowReminderJobs } from './routing';

/** Who is reminded: the owner of an owned conversation, else its participants; nobody in a closed one. */
export function remindedPeople(conversation: Pick<ConversationRecord, 'state' | 'owner' | 'participants'>): AgentRef[] {
  if (conversation.state === 'closed') return [];
  if (conversation.state === 'owned' && conversation.owner) return [conversation.owner];
  return conversation.participants;
}

/** When the reminder of a customer message sent at `sentAt` is due; undefined when the account switched reminders off. */
export function windowReminderAt(account: Pick<AccountConfig, 'windowReminderMinutes'>, sentAt: Date): Date | undefined {
  const minutes = account.windowReminderMinutes ?? DEFAULT_WINDOW_REMINDER_MINUTES;
  return minutes > 0 ? new Date(sentAt.getTime() + SERVICE_WINDOW_MS - minutes * 60_000) : undefined;
}

/**
 * The check of the conversation's latest customer message when someone to remind arrives after the customer wrote
 * (claimed, assigned, a person added): the stage storing a customer message schedules it only when someone is there
 * already, so a new conversation claimed without an answer would otherwise never be recalled. Keyed by the message,
 * like the stage's: one check per message whoever schedules it.
 */
export async function reminderOfLatest(
  store: LookupStore,
  account: Pick<AccountConfig, 'windowReminderMinutes'>,
  conversation: ConversationRecord,
  platforms: ChatPlatform[],
): Promise<NewJob[]> {
  const wrote = conversation.lastInboundAt;
  const at = wrote && windowReminderAt(account, wrote);
  if (!at || (conversation.lastAgentReplyAt && conversation.lastAgentReplyAt.getTime() >= wrote.getTime())) return [];
  const latest = (await store.recentMessages(conversation._id, 20)).find((m) => m.direction === 'inbound');
  return latest && latest.createdAt.getTime() === wrote.getTime() ? windowReminderJobs(platforms, conversation._id, latest._id, at) : [];
}
