/** Meta's limits on reply buttons and lists (src/services/interactive/limits.ts): each one, at and past its figure. */
import { INTERACTIVE_LIMITS as L, type InteractiveMessage, type ListMessage } from '../../../../../src/domain/interactive';
import { checkInteractive } from '../../../../../src/services/interactive/limits';
import { translator } from '../../../../../src/i18n';

const x = (n: number) => 'x'.repeat(n);
const buttons = (titles: string[], extra: Partial<InteractiveMessage> = {}): InteractiveMessage =>
  ({
    type: 'button',
    body: 'Is this your order?',
    buttons: titles.map((title, i) => ({ id: `option-${i + 1}`, title })),
    ...extra,
  }) as InteractiveMessage;
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `option-${from + i + 1}`, title: `Row ${from + i + 1}` }));
const list = (over: Partial<ListMessage> = {}): InteractiveMessage => ({
  type: 'list',
  body: 'Choose a delivery',
  button: 'Options',
  sections: [{ rows: rows(2) }],
  ...over,
});

describe('the figures are Meta’s', () => {
  test('as documented for reply buttons and lists', () => {
    expect(L).toEqual({
      buttons: 3,
      buttonTitle: 20,
      buttonId: 256,
      body: 1024,
      header: 60,
      footer: 60,
      listButton: 20,
      sections: 10,
      rows: 10,
      sectionTitle: 24,
      rowTitle: 24,
      rowDescription: 72,
      rowId: 200,
    });
  });
});

describe('body, header and footer (both kinds)', () => {
  test.each(['button', 'list'] as const)('%s: body 1–1024 characters, header and footer at most 60', (kind) => {
    const make = (extra: Partial<ListMessage>) => (kind === 'button' ? buttons(['Yes'], extra as never) : list(extra));
    expect(checkInteractive(make({ body: x(1024), header: x(60), footer: x(60) }))).toBeUndefined();
    expect(checkInteractive(make({ body: x(1025) }))).toEqual({ field: 'body', text: 'the message text is 1025 characters; WhatsApp allows at most 1024' });
    expect(checkInteractive(make({ body: '  ' }))).toEqual({ field: 'body', text: 'the message text is empty; WhatsApp requires one' });
    expect(checkInteractive(make({ header: x(61) }))).toEqual({ field: 'header', text: 'the header is 61 characters; WhatsApp allows at most 60' });
    expect(checkInteractive(make({ footer: x(61) }))).toEqual({ field: 'footer', text: 'the footer is 61 characters; WhatsApp allows at most 60' });
  });

  test('characters are counted as a person does: an emoji is one', () => {
    expect(checkInteractive(buttons(['Yes'], { header: '👍'.repeat(60) }))).toBeUndefined();
  });
});

describe('reply buttons', () => {
  test('1 to 3 buttons', () => {
    expect(checkInteractive(buttons(['Yes', 'No', 'Talk to sales']))).toBeUndefined();
    expect(checkInteractive(buttons([]))).toMatchObject({ field: 'options', text: expect.stringContaining('no button') });
    expect(checkInteractive(buttons(['a', 'b', 'c', 'd']))).toEqual({ field: 'options', text: 'there are 4 buttons; WhatsApp allows at most 3' });
  });

  test('a title of 1–20 characters, titles different', () => {
    expect(checkInteractive(buttons([x(20)]))).toBeUndefined();
    expect(checkInteractive(buttons(['Yes', x(21)]))).toEqual({ field: 'options', text: `button 2 (“${x(21)}”) is 21 characters; WhatsApp allows at most 20` });
    expect(checkInteractive(buttons(['Yes', ' ']))).toEqual({ field: 'options', text: 'button 2 has no title' });
    expect(checkInteractive(buttons(['Yes', 'Yes']))).toEqual({ field: 'options', text: 'two buttons are titled “Yes”; WhatsApp requires different titles' });
  });

  test('an id of at most 256 characters, ids different', () => {
    const at = (ids: string[]): InteractiveMessage => ({ type: 'button', body: 'b', buttons: ids.map((id, i) => ({ id, title: `T${i}` })) });
    expect(checkInteractive(at([x(256)]))).toBeUndefined();
    expect(checkInteractive(at(['a', x(257)]))).toEqual({ field: 'options', text: 'the id of button 2 is 257 characters; WhatsApp allows at most 256' });
    expect(checkInteractive(at(['a', 'a']))).toEqual({ field: 'options', text: 'two buttons have the id “a”; WhatsApp requires different ids' });
  });
});

describe('lists', () => {
  test('the button text: 1–20 characters', () => {
    expect(checkInteractive(list({ button: x(20) }))).toBeUndefined();
    expect(checkInteractive(list({ button: x(21) }))).toEqual({ field: 'button', text: 'the list button text is 21 characters; WhatsApp allows at most 20' });
    expect(checkInteractive(list({ button: '' }))).toEqual({ field: 'button', text: 'the list button has no text; WhatsApp requires one' });
  });

  test('at most 10 sections and 10 rows in all sections together; at least one row', () => {
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `S${i + 1}`, rows: rows(1, i) }));
    expect(checkInteractive(list({ sections: sections(10) }))).toBeUndefined();
    expect(checkInteractive(list({ sections: sections(11) }))).toEqual({ field: 'options', text: 'there are 11 sections; WhatsApp allows at most 10' });
    expect(checkInteractive(list({ sections: [{ rows: rows(10) }] }))).toBeUndefined();
    expect(
      checkInteractive(
        list({
          sections: [
            { title: 'A', rows: rows(6) },
            { title: 'B', rows: rows(5, 6) },
          ],
        }),
      ),
    ).toEqual({
      field: 'options',
      text: 'there are 11 rows; WhatsApp allows at most 10 in all sections together',
    });
    expect(checkInteractive(list({ sections: [] }))).toMatchObject({ field: 'options', text: expect.stringContaining('no rows') });
    expect(
      checkInteractive(
        list({
          sections: [
            { title: 'A', rows: rows(1) },
            { title: 'B', rows: [] },
          ],
        }),
      ),
    ).toEqual({
      field: 'options',
      text: 'section 2 has no rows',
    });
  });

  test('a section title: at most 24 characters, required when there are several sections', () => {
    expect(checkInteractive(list({ sections: [{ rows: rows(2) }] }))).toBeUndefined();
    expect(checkInteractive(list({ sections: [{ title: x(24), rows: rows(1) }] }))).toBeUndefined();
    expect(checkInteractive(list({ sections: [{ title: x(25), rows: rows(1) }] }))).toEqual({
      field: 'options',
      text: 'the title of section 1 is 25 characters; WhatsApp allows at most 24',
    });
    expect(checkInteractive(list({ sections: [{ title: 'A', rows: rows(1) }, { rows: rows(1, 1) }] }))).toEqual({
      field: 'options',
      text: 'section 2 has no title; WhatsApp requires one when there are several sections',
    });
  });

  test('a row: title 1–24, description at most 72, id at most 200 and unique', () => {
    const one = (row: { id: string; title: string; description?: string }) => list({ sections: [{ rows: [{ id: 'first', title: 'First' }, row] }] });
    expect(checkInteractive(one({ id: x(200), title: x(24), description: x(72) }))).toBeUndefined();
    expect(checkInteractive(one({ id: 'b', title: x(25) }))).toEqual({
      field: 'options',
      text: `row 2 (“${x(25)}”) is 25 characters; WhatsApp allows at most 24`,
    });
    expect(checkInteractive(one({ id: 'b', title: '' }))).toEqual({ field: 'options', text: 'row 2 has no title' });
    expect(checkInteractive(one({ id: 'b', title: 'B', description: x(73) }))).toEqual({
      field: 'options',
      text: 'the description of row 2 is 73 characters; WhatsApp allows at most 72',
    });
    expect(checkInteractive(one({ id: x(201), title: 'B' }))).toEqual({
      field: 'options',
      text: 'the id of row 2 is 201 characters; WhatsApp allows at most 200',
    });
    expect(checkInteractive(one({ id: 'first', title: 'B' }))).toEqual({
      field: 'options',
      text: 'two rows have the id “first”; WhatsApp requires different ids',
    });
  });
});

test('the refusal is written in the language given (Italian, French), the figures filled in', () => {
  expect(checkInteractive(buttons(['Yes'], { body: x(1025) }), translator('it'))).toEqual({
    field: 'body',
    text: 'il testo del messaggio ha 1025 caratteri; WhatsApp ne consente al massimo 1024',
  });
  expect(checkInteractive(buttons([]), translator('fr'))).toEqual({
    field: 'options',
    text: 'il n’y a aucun bouton ; les boutons de réponse vont de 1 à 3 (un par ligne)',
  });
});
