/** renderContent / renderInbound / customerLabel: every kind of content becomes a readable, non-empty line. */
import type { MessageContent } from '../../../../src/domain/content';
import type { InboundCustomerMessage } from '../../../../src/domain/whatsapp';
import { customerLabel, renderContent, renderInbound } from '../../../../src/services/render';

const cases: Array<[string, MessageContent, string]> = [
  ['text', { kind: 'text', text: 'Does it come in another color?' }, 'Does it come in another color?'],
  [
    'image with caption',
    { kind: 'media', media: 'image', mediaId: '1003383421387256', mimeType: 'image/jpeg', caption: 'Taj Mahal' },
    '🖼️ Photo (image/jpeg)\nTaj Mahal',
  ],
  ['video without caption or mime', { kind: 'media', media: 'video', mediaId: '7' }, '🎬 Video'],
  [
    'document with filename and caption',
    { kind: 'media', media: 'document', mediaId: '6', mimeType: 'application/pdf', filename: 'receipt.pdf', caption: 'my receipt' },
    '📄 Document “receipt.pdf” (application/pdf)\nmy receipt',
  ],
  ['audio (not a voice note)', { kind: 'media', media: 'audio', mediaId: '5', mimeType: 'audio/mpeg' }, '🎵 Audio (audio/mpeg)'],
  ['voice note', { kind: 'media', media: 'audio', mediaId: '5', mimeType: 'audio/ogg; codecs=opus', voice: true }, '🎤 Voice message (audio/ogg; codecs=opus)'],
  ['sticker', { kind: 'media', media: 'sticker', mediaId: '4', mimeType: 'image/webp', animated: true }, '🏷️ Sticker (image/webp)'],
  [
    'location with name and address',
    { kind: 'location', latitude: 37.4611978, longitude: -122.2164385, name: 'Facebook HQ', address: '1 Hacker Way, Menlo Park, CA 94025' },
    '📍 Location: Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025\nhttps://maps.google.com/?q=37.4611978,-122.2164385',
  ],
  ['bare location', { kind: 'location', latitude: -33.8568, longitude: 151.2153 }, '📍 Location\nhttps://maps.google.com/?q=-33.8568,151.2153'],
  [
    'contacts',
    {
      kind: 'contacts',
      contacts: [
        { name: 'Barbara J. Johnson', phones: ['+1 (415) 555-0829'], emails: ['bj@example.com'], org: 'Social Tsunami' },
        { name: 'Al', phones: [], emails: [] },
      ],
    },
    '👤 Contact: *Barbara J. Johnson* (Social Tsunami)\n   +1 (415) 555-0829\n   bj@example.com\n👤 Contact: *Al*',
  ],
  ['interactive button reply', { kind: 'interactive_reply', replyType: 'button', id: 'cancel-button', title: 'Cancel' }, '🔘 Tapped: *Cancel*'],
  [
    'interactive list reply',
    { kind: 'interactive_reply', replyType: 'list', id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
    '🔘 Tapped: *Priority Mail Express* — Next Day to 2 Days',
  ],
  ['flow reply', { kind: 'interactive_reply', replyType: 'flow', title: 'Sent', description: '{"size":"M"}' }, '📝 Form submitted: Sent\n```{"size":"M"}```'],
  ['template button', { kind: 'button', text: 'Unsubscribe', payload: 'Unsubscribe' }, '🔘 Tapped: *Unsubscribe*'],
  ['reaction', { kind: 'reaction', targetWamid: 'wamid.X', emoji: '👍' }, 'Reacted 👍 to a message'],
  ['reaction removed', { kind: 'reaction', targetWamid: 'wamid.X' }, 'Removed a reaction'],
  [
    'order with total',
    {
      kind: 'order',
      catalogId: '354160437058781',
      text: '',
      items: [
        { productRetailerId: 'HAMBURGER', quantity: 3, itemPrice: 30, currency: 'ILS' },
        { productRetailerId: 'FRENCH_FRIES', quantity: 2, itemPrice: 35, currency: 'ILS' },
        { productRetailerId: 'SODA', quantity: 2, itemPrice: 10, currency: 'ILS' },
      ],
    },
    '🛒 Order\n• 3 × HAMBURGER at 30 ILS\n• 2 × FRENCH_FRIES at 35 ILS\n• 2 × SODA at 10 ILS\nTotal: 180 ILS',
  ],
  [
    'order total without floating-point noise',
    {
      kind: 'order',
      text: 'for pickup',
      items: [
        { productRetailerId: 'A', quantity: 3, itemPrice: 0.1, currency: 'USD' },
        { productRetailerId: 'B', quantity: 1, itemPrice: 0.2, currency: 'USD' },
      ],
    },
    '🛒 Order: for pickup\n• 3 × A at 0.1 USD\n• 1 × B at 0.2 USD\nTotal: 0.5 USD',
  ],
  ['empty order', { kind: 'order', items: [] }, '🛒 Order\nTotal: 0'],
  [
    'system',
    { kind: 'system', text: 'User Sheena Nelson changed from 16505551234 to 12195555358', systemType: 'user_changed_number' },
    'ℹ️ User Sheena Nelson changed from 16505551234 to 12195555358',
  ],
  ['edit with new text', { kind: 'edit', targetWamid: 'wamid.X', newText: 'Actually, blue' }, '✏️ Edited a message: Actually, blue'],
  ['edit without text', { kind: 'edit', targetWamid: 'wamid.X' }, '✏️ Edited a message'],
  ['revoke', { kind: 'revoke', targetWamid: 'wamid.X' }, '🗑️ Deleted a message'],
  [
    'unsupported with detail (article fixed: "an edit", was "a edit")',
    { kind: 'unsupported', originalType: 'edit', detail: '131051: Message type is currently not supported.' },
    '⚠️ Sent an edit message the bridge cannot show (131051: Message type is currently not supported.). Ask the customer to send it another way if it matters.',
  ],
  [
    'unsupported future type',
    { kind: 'unsupported', originalType: 'poll_vote', detail: 'a message type this bridge does not know yet' },
    '⚠️ Sent a poll_vote message the bridge cannot show (a message type this bridge does not know yet). Ask the customer to send it another way if it matters.',
  ],
  [
    'unsupported without detail',
    { kind: 'unsupported', originalType: 'unknown' },
    '⚠️ Sent an unknown message the bridge cannot show. Ask the customer to send it another way if it matters.',
  ],
];

describe('renderContent', () => {
  it.each(cases)('%s', (_name, content, expected) => {
    expect(renderContent(content)).toBe(expected);
  });

  it('covers every content kind', () => {
    const kinds = new Set(cases.map(([, c]) => c.kind));
    expect([...kinds].sort()).toEqual(
      ['button', 'contacts', 'edit', 'interactive_reply', 'location', 'media', 'order', 'reaction', 'revoke', 'system', 'text', 'unsupported'].sort(),
    );
  });

  it('never renders a blank line for any non-text kind, even with every optional field missing', () => {
    const minimal: MessageContent[] = [
      { kind: 'media', media: 'image' },
      { kind: 'media', media: 'video' },
      { kind: 'media', media: 'audio' },
      { kind: 'media', media: 'document' },
      { kind: 'media', media: 'sticker' },
      { kind: 'location', latitude: 0, longitude: 0 },
      { kind: 'contacts', contacts: [{ name: 'unnamed', phones: [], emails: [] }] },
      { kind: 'interactive_reply', replyType: 'other', title: 'nfm' },
      { kind: 'button', text: 'Yes' },
      { kind: 'reaction', targetWamid: 'w' },
      { kind: 'order', items: [] },
      { kind: 'system', text: 'system message' },
      { kind: 'edit', targetWamid: 'w' },
      { kind: 'revoke', targetWamid: 'w' },
      { kind: 'unsupported', originalType: 'unknown' },
    ];
    for (const c of minimal) expect(renderContent(c).trim().length).toBeGreaterThan(3);
  });

  it('the unsupported line says what arrived', () => {
    expect(renderContent({ kind: 'unsupported', originalType: 'poll_vote' })).toContain('poll_vote');
  });
});

describe('renderInbound', () => {
  const base: InboundCustomerMessage = {
    accountId: '106540352242922',
    wamid: 'wamid.A',
    customer: { waId: '16505551234', name: 'Sheena Nelson' },
    sentAt: new Date(1749416383_000),
    content: { kind: 'text', text: 'Does it come in another color?' },
  };

  it('plain content only', () => {
    expect(renderInbound(base)).toBe('Does it come in another color?');
  });

  it('quoted reply: every quoted line prefixed with "> "', () => {
    expect(renderInbound({ ...base, replyToWamid: 'wamid.Q' }, 'Our blue model\nis back in stock')).toBe(
      '> Our blue model\n> is back in stock\nDoes it come in another color?',
    );
  });

  it('forwarded marker', () => {
    expect(renderInbound({ ...base, forwarded: 'forwarded' })).toBe('_↪ Forwarded_\nDoes it come in another color?');
  });

  it('frequently forwarded marker', () => {
    expect(renderInbound({ ...base, forwarded: 'frequently_forwarded' })).toBe('_↪ Forwarded many times_\nDoes it come in another color?');
  });

  it('ad referral, then quote, then content, in that order after the forwarded marker', () => {
    expect(
      renderInbound(
        { ...base, forwarded: 'forwarded', referral: { headline: 'Summer sale', body: 'ignored', sourceUrl: 'https://fb.me/ad', sourceType: 'ad' } },
        'hi',
      ),
    ).toBe('_↪ Forwarded_\n_From ad: Summer sale https://fb.me/ad_\n> hi\nDoes it come in another color?');
  });

  it('referral without a headline falls back to body, then source type', () => {
    expect(renderInbound({ ...base, referral: { body: 'AD_DESCRIPTION' } })).toBe('_From ad: AD_DESCRIPTION_\nDoes it come in another color?');
    expect(renderInbound({ ...base, referral: { sourceType: 'post' } })).toBe('_From ad: post_\nDoes it come in another color?');
    expect(renderInbound({ ...base, referral: {} })).toBe('_From ad: click-to-WhatsApp_\nDoes it come in another color?');
  });

  it('renders non-text content with the same prefixes', () => {
    expect(renderInbound({ ...base, content: { kind: 'media', media: 'audio', voice: true } }, 'Call me?')).toBe('> Call me?\n🎤 Voice message');
  });
});

describe('customerLabel', () => {
  it('name and phone', () => {
    expect(customerLabel({ name: 'Sheena Nelson', waId: '16505551234' })).toBe('Sheena Nelson (+16505551234)');
  });
  it('BSUID only', () => {
    expect(customerLabel({ name: 'Sheena Nelson', userId: 'US.13491208655302741918' })).toBe('Sheena Nelson (US.13491208655302741918)');
  });
  it('phone preferred over user id; no name', () => {
    expect(customerLabel({ waId: '16505551234', userId: 'US.1' })).toBe('+16505551234');
  });
  it('nothing known', () => {
    expect(customerLabel({})).toBe('unknown');
  });
});
