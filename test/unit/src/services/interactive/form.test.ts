/** The agent's form → the interactive message, and how the thread shows it (src/services/interactive/form.ts). */
import { messageOfForm, renderInteractive } from '../../../../../src/services/interactive/form';

describe('reading the form', () => {
  test('buttons: one per line or separated by ;, blanks dropped, ids by position, empty header and footer left out', () => {
    expect(messageOfForm({ kind: 'button', body: ' Is this your order? ', options: 'Yes\n\n No ;Talk to sales', header: ' ', footer: '' })).toEqual({
      type: 'button',
      body: 'Is this your order?',
      buttons: [
        { id: 'option-1', title: 'Yes' },
        { id: 'option-2', title: 'No' },
        { id: 'option-3', title: 'Talk to sales' },
      ],
    });
  });

  test('a list: `# Title` starts a section, `Title | description` a row; rows before any section go in an untitled one', () => {
    const m = messageOfForm({
      kind: 'list',
      body: 'How should we ship it?',
      button: 'Shipping',
      header: 'Your order',
      footer: 'Prices include VAT',
      options: 'Cheapest\n# Fast;Express | Next day; Priority|1–2 days | tracked\n#Pickup\nIn store',
    });
    expect(m).toEqual({
      type: 'list',
      body: 'How should we ship it?',
      header: 'Your order',
      footer: 'Prices include VAT',
      button: 'Shipping',
      sections: [
        { rows: [{ id: 'option-1', title: 'Cheapest' }] },
        {
          title: 'Fast',
          rows: [
            { id: 'option-2', title: 'Express', description: 'Next day' },
            { id: 'option-3', title: 'Priority', description: '1–2 days | tracked' },
          ],
        },
        { title: 'Pickup', rows: [{ id: 'option-4', title: 'In store' }] },
      ],
    });
  });
});

describe('how the thread shows it', () => {
  test('buttons: header, body, footer, then the buttons', () => {
    const m = messageOfForm({ kind: 'button', body: 'Is this your order?', options: 'Yes;No', header: 'Order 42', footer: 'Shop' });
    expect(renderInteractive(m)).toBe('*Order 42*\nIs this your order?\n_Shop_\n🔘 Yes   🔘 No');
  });

  test('a list: body, the button, then each section and its rows', () => {
    const m = messageOfForm({ kind: 'list', body: 'How should we ship it?', button: 'Shipping', options: '# Fast\nExpress | Next day\n# Slow\nStandard' });
    expect(renderInteractive(m)).toBe('How should we ship it?\n📋 List (opens with “Shipping”):\n*Fast*\n• Express — Next day\n*Slow*\n• Standard');
  });
});
