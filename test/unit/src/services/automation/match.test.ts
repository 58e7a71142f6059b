/** Keyword rules (src/services/automation/match.ts): case and accents ignored, the first matching rule wins. */
import { firstMatch, fold, textOf } from '../../../../../src/services/automation/match';
import type { AutoReplyRule } from '../../../../../src/services/automation/schema';

const rule = (name: string, match: AutoReplyRule['match'], keywords: string[]): AutoReplyRule => ({ name, match, keywords, answer: { text: name } });

describe('keyword matching', () => {
  it('folds case, accents and spaces (NFD without combining marks)', () => {
    expect(fold('  ¿Cuál   es el PRÉCIO? ')).toBe('¿cual es el precio?');
    expect(fold('Ça coûte combien')).toBe('ca coute combien');
  });

  it('word: a whole word or phrase, not part of a longer word', () => {
    const rules = [rule('price', 'word', ['precio', 'price list'])];
    expect(firstMatch(rules, 'Cuál es el PRÉCIO?')?.name).toBe('price');
    expect(firstMatch(rules, 'send the Price   List please')?.name).toBe('price');
    expect(firstMatch(rules, 'preciosa tienda')).toBeUndefined();
  });

  it('exact: the whole message, trailing punctuation aside', () => {
    const rules = [rule('hours', 'exact', ['horário'])];
    expect(firstMatch(rules, 'Horario?!')?.name).toBe('hours');
    expect(firstMatch(rules, 'horario de la tienda')).toBeUndefined();
  });

  it('prefix: how the message starts', () => {
    const rules = [rule('order', 'prefix', ['pedido'])];
    expect(firstMatch(rules, 'Pedido 1234 no llegó')?.name).toBe('order');
    expect(firstMatch(rules, 'mi pedido')).toBeUndefined();
  });

  it('regex: case-insensitive, on the text as written or folded', () => {
    const rules = [rule('track', 'regex', ['^track(ing)?\\s+#?\\d+$'])];
    expect(firstMatch(rules, 'TRACKING #5521')?.name).toBe('track');
    expect(firstMatch(rules, 'please track 5521')).toBeUndefined();
  });

  it('the first matching rule in the configured order wins', () => {
    const rules = [rule('first', 'word', ['hello']), rule('second', 'prefix', ['hello'])];
    expect(firstMatch(rules, 'hello there')?.name).toBe('first');
  });

  it('matches what the customer typed: text, caption, a tapped button; nothing in a reaction', () => {
    expect(textOf({ kind: 'text', text: 'a' })).toBe('a');
    expect(textOf({ kind: 'media', media: 'image', caption: 'b' })).toBe('b');
    expect(textOf({ kind: 'button', text: 'c' })).toBe('c');
    expect(textOf({ kind: 'reaction', targetWamid: 'w', emoji: '👍' })).toBeUndefined();
  });
});
