/** One stored message as a line of `/wa history` or `/wa failed`: when, which way, who, what, and its status. */
import type { ConversationRecord, MessageRecord } from '../../domain/records';
import { dateMark } from '../../domain/chat/date-mark';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import { renderContent } from '../render';

/** A date mark: each platform shows it in the reader's own time zone (domain/chat/date-mark.ts). */
export const when = (d: Date | undefined, lang: Language = DEFAULT_LANGUAGE): string => (d ? dateMark(new Date(d)) : t(lang, 'tools.unknownTime'));

const clip = (text: string, max = 140): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

function sender(m: MessageRecord, conversation: Pick<ConversationRecord, 'customer'> | undefined, lang: Language): string {
  if (m.direction === 'inbound') return conversation?.customer.name ?? t(lang, 'tools.customer');
  const who = m.origin?.authorName ?? m.sentBy?.name ?? m.origin?.authorId ?? m.sentBy?.userId ?? t(lang, 'tools.bridge');
  if (m.direction === 'internal') return t(lang, 'tools.internalNote', { who });
  return m.template ? t(lang, 'tools.template', { who, name: m.template.name }) : who;
}

function body(m: MessageRecord, lang: Language): string {
  if (m.content) return renderContent(m.content, lang);
  if (m.file) return `📎 ${m.file.name}${m.text ? ` ${m.text}` : ''}`;
  return m.text ?? '';
}

/** `• <date> → Ann: “Yes” — read`, the date shown by the platform in the reader's time zone. */
export function messageLine(m: MessageRecord, conversation?: Pick<ConversationRecord, 'customer'>, lang: Language = DEFAULT_LANGUAGE): string {
  const arrow = m.direction === 'inbound' ? '←' : m.direction === 'internal' ? '🔒' : '→';
  const status =
    m.direction !== 'outbound'
      ? ''
      : m.deletedAt && !m.wamid
        ? ` — ${t(lang, 'tools.deletedBeforeSent')}`
        : ` — ${t(lang, `tools.${m.state ?? 'queued'}`)}${m.failure ? ` (${m.failure.code}: ${m.failure.meaning})` : ''}`;
  const changed = m.direction === 'outbound' && m.wamid && (m.deletedAt || m.editedAt) ? t(lang, 'tools.changedAfter') : '';
  return `• ${when(m.createdAt, lang)} ${arrow} ${sender(m, conversation, lang)}: “${clip(m.sentText ?? body(m, lang))}”${status}${changed}`;
}
