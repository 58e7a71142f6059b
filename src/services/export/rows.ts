/**
 * Who sent what and when, one row per stored message (`npm run admin -- export`): direction, account, customer,
 * the agent (chat user) who wrote it or sent the template, what it was (its kind, the template), and its WhatsApp
 * status with the times. Message bodies are left out: an export of who-wrote-whom travels further than the database.
 */
import type { ConversationRecord, MessageRecord } from '../../domain/records';
import { plainDates } from '../../domain/chat/date-mark';

export const EXPORT_COLUMNS = [
  'created_at',
  'direction',
  'account',
  'phone_number_id',
  'customer',
  'customer_name',
  'agent',
  'agent_id',
  'agent_platform',
  'kind',
  'template',
  'template_language',
  'status',
  'status_at',
  'failure',
  'message_id',
  'wamid',
  'conversation_id',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | undefined>;

/** `+49151…` for a customer known by phone number, else their business-scoped user id. */
function customerOf(conversation: ConversationRecord | null, conversationId: string): string {
  const c = conversation?.customer;
  if (c?.waId) return `+${c.waId.replace(/^\+/, '')}`;
  return c?.userId ?? conversationId.slice(conversationId.indexOf(':') + 1);
}

/** What the message was, without its content: the content kind (media by its media kind), or for a send what was sent. */
function kindOf(m: MessageRecord): string {
  if (m.content) return m.content.kind === 'media' ? m.content.media : m.content.kind;
  if (m.automatic) return `automatic ${m.automatic.kind}`;
  if (m.template) return 'template';
  if (m.file) return m.file.kind;
  return 'text';
}

export function exportRow(m: MessageRecord, conversation: ConversationRecord | null, accountName: (phoneNumberId: string) => string | undefined): ExportRow {
  const phoneNumberId = conversation?.accountId ?? m.conversationId.split(':')[0]!;
  // An agent's message names its author; a template sent with /wa template names who sent it.
  const agent = m.origin
    ? { name: m.origin.authorName, id: m.origin.authorId, platform: m.origin.platform }
    : m.sentBy
      ? { name: m.sentBy.name, id: m.sentBy.userId, platform: m.sentBy.platform }
      : undefined;
  return {
    created_at: m.createdAt.toISOString(),
    direction: m.direction,
    account: accountName(phoneNumberId) ?? phoneNumberId,
    phone_number_id: phoneNumberId,
    customer: customerOf(conversation, m.conversationId),
    customer_name: conversation?.customer.name,
    // A message the bridge sent by itself (services/automation/) has no person behind it: named as such.
    agent: agent?.name ?? agent?.id ?? (m.automatic ? `(automatic${m.automatic.rule ? `: ${m.automatic.rule}` : ''})` : undefined),
    agent_id: agent?.id,
    agent_platform: agent?.platform,
    kind: kindOf(m),
    template: m.template?.name,
    template_language: m.template?.language,
    status: m.state,
    status_at: m.stateAt?.toISOString(),
    failure: m.failure ? `${m.failure.code}: ${plainDates(m.failure.meaning)}` : undefined,
    message_id: m._id,
    wamid: m.wamid,
    conversation_id: m.conversationId,
  };
}
