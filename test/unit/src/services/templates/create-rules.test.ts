/**
 * Meta's rules for a new template (src/services/templates/create-rules.ts). The valid cases are Meta's own create
 * examples (test/fixtures/whatsapp/templates/SOURCES.md); each invalid case breaks one rule of them and must be
 * named with its place in the file.
 */
import { templateViolations } from '../../../../../src/services/templates/create-rules';
import { loadTemplateFixture } from '../../../../fixtures/whatsapp/templates';

/** Meta's create request body: the fixture without the id and status its response added. */
function seasonal(): any {
  const { id: _id, status: _status, ...body } = loadTemplateFixture('template-seasonal-promotion-text-header');
  return body;
}

test("Meta's create examples pass: positional with text header and quick replies, named with image header and URL button", () => {
  expect(templateViolations(seasonal())).toEqual([]);
  const { id: _id, status: _status, ...named } = loadTemplateFixture('template-welcome-discount-named');
  expect(templateViolations(named)).toEqual([]);
  const { id: _i, status: _s, ...document } = loadTemplateFixture('template-order-confirmation-document');
  expect(templateViolations(document)).toEqual([]);
});

const paths = (t: unknown) => templateViolations(t).map((v) => `${v.path}: ${v.message}`);

test.each<[string, (t: any) => void, RegExp]>([
  ['uppercase name', (t) => (t.name = 'Seasonal_Promo'), /^name: may hold only lowercase letters, digits and underscores$/],
  ['name too long', (t) => (t.name = 'a'.repeat(513)), /^name: is 513 characters long: at most 512$/],
  ['no name', (t) => delete t.name, /^name: is required$/],
  ['unknown category', (t) => (t.category = 'PROMOTION'), /^category: must be one of MARKETING, UTILITY, AUTHENTICATION$/],
  ['unknown language', (t) => (t.language = 'english'), /^language: 'english' is not one of Meta's template language codes/],
  ['no body', (t) => t.components.splice(1, 1), /^components: a template needs a BODY component$/],
  ['two headers', (t) => t.components.unshift({ type: 'HEADER', format: 'TEXT', text: 'Hi' }), /^components\[1\]: a template has one HEADER component$/],
  [
    'body too long',
    (t) => (t.components[1].text = `Hi {{1}} ${'x'.repeat(1020)} {{2}} and {{3}} end`),
    /^components\[1\]\.text: is \d+ characters long: at most 1024$/,
  ],
  [
    'a gap in the variables',
    (t) => (t.components[1].text = 'Shop now through {{1}} and use code {{3}} to get {{2}} off.'),
    /components\[1\]\.text: variable \{\{3\}\} is number 2/,
  ],
  [
    'a missing sample',
    (t) => t.components[1].example.body_text[0].pop(),
    /^components\[1\]\.example\.body_text\[0\]\[2\]: needs a sample value for \{\{3\}\}$/,
  ],
  ['no samples at all', (t) => delete t.components[1].example, /^components\[1\]\.example\.body_text: needs a sample value for each of the 3 variables/],
  ['variables side by side', (t) => (t.components[1].text = 'Shop now through {{1}}{{2}} to get {{3}} off.'), /next to each other/],
  ['body ending with a variable', (t) => (t.components[1].text = 'Shop now through {{1}} with {{2}}, get {{3}}.'), /may not start or end with a variable/],
  ['header too long', (t) => (t.components[0].text = `Our {{1}} is on! ${'x'.repeat(50)}`), /^components\[0\]\.text: is 67 characters long: at most 60$/],
  ['two header variables', (t) => (t.components[0].text = 'Our {{1}} is {{2}}'), /a text header has at most 1/],
  [
    'media header without a sample',
    (t) => (t.components[0] = { type: 'HEADER', format: 'IMAGE' }),
    /^components\[0\]\.example\.header_handle: an IMAGE header needs a sample media handle/,
  ],
  ['footer too long', (t) => (t.components[2].text = 'f'.repeat(61)), /^components\[2\]\.text: is 61 characters long: at most 60$/],
  ['footer with a variable', (t) => (t.components[2].text = 'Bye {{1}}'), /a footer has no variables/],
  [
    'button text too long',
    (t) => (t.components[3].buttons[0].text = 'Unsubscribe from all promotions'),
    /^components\[3\]\.buttons\[0\]\.text: is 31 characters long: at most 25$/,
  ],
  [
    '11 quick replies',
    (t) => (t.components[3].buttons = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i}` }))),
    /^components\[3\]\.buttons: has 11 buttons: at most 10$/,
  ],
  [
    '3 URL buttons',
    (t) => (t.components[3].buttons = [1, 2, 3].map((i) => ({ type: 'URL', text: `Site ${i}`, url: `https://example.com/${i}` }))),
    /^components\[3\]\.buttons: has 3 URL buttons: at most 2$/,
  ],
  [
    '2 phone buttons',
    (t) => (t.components[3].buttons = [1, 2].map((i) => ({ type: 'PHONE_NUMBER', text: `Call ${i}`, phone_number: '+15550051234' }))),
    /^components\[3\]\.buttons: has 2 PHONE_NUMBER buttons: at most 1$/,
  ],
  [
    'quick replies split by a URL button',
    (t) => t.components[3].buttons.splice(1, 0, { type: 'URL', text: 'Site', url: 'https://example.com' }),
    /quick reply buttons must be grouped together/,
  ],
  [
    'a URL variable without a sample',
    (t) => (t.components[3].buttons = [{ type: 'URL', text: 'Track', url: 'https://example.com/{{1}}' }]),
    /buttons\[0\]\.example: needs a sample URL/,
  ],
  [
    'an unknown button type',
    (t) => (t.components[3].buttons[0].type = 'CALL_ME'),
    /buttons\[0\]\.type: must be one of QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE/,
  ],
])('%s is named with its place', (_what, edit, expected) => {
  const t = seasonal();
  edit(t);
  expect(paths(t)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
});

test('every violation at once, each with its path', () => {
  const t = seasonal();
  t.name = 'Bad Name';
  t.category = 'PROMO';
  t.language = 'xx';
  t.components[2].text = 'f'.repeat(61);
  delete t.components[0].example;
  expect(paths(t)).toEqual([
    'name: may hold only lowercase letters, digits and underscores',
    'category: must be one of MARKETING, UTILITY, AUTHENTICATION',
    "language: 'xx' is not one of Meta's template language codes (e.g. en, en_US, de, pt_BR)",
    'components[0].example.header_text: needs a sample value for each of the 1 variable (["…"])',
    'components[2].text: is 61 characters long: at most 60',
  ]);
});

test('not an object, or no components: said plainly', () => {
  expect(paths([])).toEqual(['(file): must be a JSON object with name, category, language and components']);
  expect(paths({ name: 'a', category: 'UTILITY', language: 'en' })).toEqual(['components: must be a list with at least a BODY']);
});
