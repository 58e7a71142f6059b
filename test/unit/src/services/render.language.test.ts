/** A customer's message rendered for agents in another language (issue 11 point 9): the words around it, and amounts through Intl. */
import type { MessageContent } from '../../../../src/domain/content';
import { renderContent } from '../../../../src/services/render';

const order: MessageContent = {
  kind: 'order',
  text: 'per il ritiro',
  items: [
    { productRetailerId: 'A', quantity: 3, itemPrice: 12.5, currency: 'EUR' },
    { productRetailerId: 'B', quantity: 1, itemPrice: 1234.75, currency: 'EUR' },
  ],
} as MessageContent;

test('an order in Italian: the words are Italian, the amounts written with a decimal comma (Intl.NumberFormat)', () => {
  expect(renderContent(order, 'it')).toBe('🛒 Ordine: per il ritiro\n• 3 × A a 12,5 EUR\n• 1 × B a 1234,75 EUR\nTotale: 1272,25 EUR');
});

test('the same order in English reads as it always did', () => {
  expect(renderContent(order)).toBe('🛒 Order: per il ritiro\n• 3 × A at 12.5 EUR\n• 1 × B at 1234.75 EUR\nTotal: 1272.25 EUR');
});

test('a customer’s own text is never translated; the label of a file is', () => {
  expect(renderContent({ kind: 'text', text: 'Hello' }, 'fr')).toBe('Hello');
  expect(renderContent({ kind: 'media', media: 'audio', mediaId: '5', voice: true } as MessageContent, 'vi')).toBe('🎤 Tin nhắn thoại');
  expect(renderContent({ kind: 'unsupported', originalType: 'poll_vote' } as MessageContent, 'it')).toContain('poll_vote');
});
