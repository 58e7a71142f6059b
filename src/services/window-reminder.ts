/**
 * The window reminder's rules (issue 11 point 5), shared by the stage that schedules it (inbound/customer-message.ts)
 * and the job that posts it (outbox/handlers/chat-window-reminder.ts).
 */
import { DEFAULT_WINDOW_REMINDER_MINUTES, type AccountConfig } from '../config';
import type { AgentRef, ConversationRecord } from '../domain/records';
import { SERVICE_WINDOW_MS } from './inbound/agent-reply';

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
