/**
 * Keyword rules, pure: which rule a customer's text fires. Text and keywords are compared folded: Unicode NFD with
 * the combining marks removed, then lower-cased ("Preço" matches "preco"), spaces collapsed. The first matching rule
 * in the configured order wins, so one message gets at most one keyword reply.
 */
import type { MessageContent } from '../../domain/content';
import type { AutoReplyRule } from './schema';

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a keyword can match in a customer's message: the words they typed (a caption, a tapped button's title). */
export function textOf(content: MessageContent): string | undefined {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'media':
      return content.caption;
    case 'button':
      return content.text;
    case 'interactive_reply':
      return content.title;
    default:
      return undefined;
  }
}

function matches(rule: AutoReplyRule, text: string): boolean {
  return rule.keywords.some((k) => {
    if (rule.match === 'regex') return new RegExp(k, 'iu').test(text) || new RegExp(k, 'iu').test(fold(text));
    const key = fold(k);
    switch (rule.match) {
      case 'exact':
        // Trailing punctuation a person adds ("Hours?", "price!") does not make it another message.
        return text.replace(/[\p{P}\s]+$/u, '') === key;
      case 'prefix':
        return text.startsWith(key);
      case 'word':
        // A whole word or phrase: not preceded or followed by a letter or digit ("price" is not in "priceless").
        return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(key)}($|[^\\p{L}\\p{N}])`, 'u').test(text);
    }
    return false;
  });
}

/** The first rule the text fires, if any. */
export function firstMatch(rules: AutoReplyRule[], rawText: string): AutoReplyRule | undefined {
  const text = fold(rawText);
  if (!text) return undefined;
  return rules.find((r) => matches(r, r.match === 'regex' ? rawText : text));
}
