/** One stored message as a line of `/wa history` or `/wa failed`: when, which way, who, what, and its status. */
import type { ConversationRecord, MessageRecord } from '../../domain/records';
import { renderContent } from '../render';

/** Minutes in UTC, as the bridge's other notices write times (agent-reply.ts). */
export const when = (d: Date | undefined): string => (d ? `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'unknown time');

const clip = (text: string, max = 140): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

function sender(m: MessageRecord, conversation: Pick<ConversationRecord, 'customer'> | undefined): string {
  if (m.direction === 'inbound') return conversation?.customer.name ?? 'customer';
  const who = m.origin?.authorName ?? m.sentBy?.name ?? m.origin?.authorId ?? m.sentBy?.userId ?? 'bridge';
  if (m.direction === 'internal') return `${who} (internal note)`;
  return m.template ? `${who} (template ${m.template.name})` : who;
}

function body(m: MessageRecord): string {
  if (m.content) return renderContent(m.content);
  if (m.file) return `📎 ${m.file.name}${m.text ? ` ${m.text}` : ''}`;
  return m.text ?? '';
}

/** `• 2026-11-30 21:56 UTC → Ann: “Yes” — read`. */
export function messageLine(m: MessageRecord, conversation?: Pick<ConversationRecord, 'customer'>): string {
  const arrow = m.direction === 'inbound' ? '←' : m.direction === 'internal' ? '🔒' : '→';
  const status =
    m.direction !== 'outbound'
      ? ''
      : m.deletedAt && !m.wamid
        ? ' — deleted in the thread before it was sent'
        : ` — ${m.state ?? 'queued'}${m.failure ? ` (${m.failure.code}: ${m.failure.meaning})` : ''}`;
  const changed =
    m.direction === 'outbound' && m.wamid && (m.deletedAt || m.editedAt) ? ' (changed in the thread after sending: the customer has the sent text)' : '';
  return `• ${when(m.createdAt)} ${arrow} ${sender(m, conversation)}: “${clip(m.sentText ?? body(m))}”${status}${changed}`;
}
