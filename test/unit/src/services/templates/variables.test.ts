/** What a template needs, command words → values, value checks, the request's components, and the text. */
import { readTemplate, templateRequestBody } from '../../../../../adapters/whatsapp/templates-api';
import type { TemplateDefinition } from '../../../../../src/domain/templates';
import { normalizePhone } from '../../../../../src/services/templates/phone';
import { assignArgs, buildMessage, describeTemplate, renderTemplate, templateShape, variablesIn } from '../../../../../src/services/templates/variables';
import { fixtureTemplates, loadTemplateFixture, offerWithoutLimitedTime } from '../../../../fixtures/whatsapp/templates';

const byName = (name: string): TemplateDefinition => readTemplate(fixtureTemplates().find((t) => t.name === name))!;
const coupon = () => byName('coupon_expiration_reminder_number_vars');
const reservation = () => byName('reservation_confirmation');

describe('normalizePhone', () => {
  test.each([
    ['+49 151 1234 5678', '4915112345678'],
    ['0049 (151) 1234-5678', '4915112345678'],
    ['+1.650.555.1234', '16505551234'],
    // The trunk prefix written after the country code is not dialled from abroad: sent as typed, it reaches another number.
    ['+49 (0)151 2345 6789', '4915123456789'],
    ['+44 (0)20 7946 0958', '442079460958'],
    ['0049 (0) 30 1234567', '49301234567'],
  ])('%s → %s', (input, digits) => {
    expect(normalizePhone(input)).toEqual({ ok: true, digits, e164: `+${digits}` });
  });
  test.each([
    ['015112345678', /no country code/],
    ['+0151123456', /no country code starts with 0/],
    ['+1234567', /7 digits; an international number has 8 to 15/],
    ['+1234567890123456', /16 digits/],
    ['+49-151-abc', /only digits after the \+/],
    ['call me', /not a phone number/],
    ['', /no phone number/],
    // The library's reasons, in plain words.
    ['+1234567', /too short for \+1/],
    ['+49123', /`\+49123` is too short for Germany \(\+49\): it has 5 digits/],
    ['+12345678901234', /`\+12345678901234` is too long for \+1: it has 14 digits$/],
    ['+4915112345678901', /too long for Germany \(\+49\): it has 16 digits/],
    ['+99912345678', /invalid country code: no country code matches the start of \+999/],
    ['+49 151 123', /not a valid number for Germany \(\+49\): check the digits/],
    ['+1 555 123 4567', /not a valid number for \+1/],
    ['+1-800-FLOWERS', /only digits after the \+/],
  ])('%s is refused', (input, reason) => {
    const r = normalizePhone(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('readTemplate (Meta’s list item → definition)', () => {
  test('upper-cases types and formats, keeps examples, reads parameter_format', () => {
    const t = readTemplate(loadTemplateFixture('template-welcome-discount-named'))!;
    expect(t).toMatchObject({
      name: 'welcome_discount_template',
      language: 'en_US',
      category: 'MARKETING',
      status: 'APPROVED',
      parameterFormat: 'NAMED',
      metaId: '1627019861106475',
    });
    expect(t.components.map((c) => [c.type, c.format])).toEqual([
      ['HEADER', 'IMAGE'],
      ['BODY', undefined],
      ['FOOTER', undefined],
      ['BUTTONS', undefined],
    ]);
    expect(t.components[1]!.example).toEqual({ bodyNamed: { first_name: 'Pablo', discount_code: 'WELCOME20', discount_amount: '20%' } });
    expect(t.components[3]!.buttons!.map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER', 'QUICK_REPLY']);
  });
  test('no parameter_format means positional; quality_score objects are read', () => {
    const t = readTemplate({ ...loadTemplateFixture('list-graph-reference-v19').data[0], quality_score: { score: 'YELLOW', date: 1700000000 } })!;
    expect(t.parameterFormat).toBe('POSITIONAL');
    expect(t.quality).toBe('YELLOW');
  });
  test('an item without name or language is skipped', () => {
    expect(readTemplate({ name: 'x' })).toBeUndefined();
  });
});

describe('templateShape', () => {
  test('positional: header {{1}}, body {{1}} {{2}}, an optional quick-reply payload; a static URL needs nothing', () => {
    const shape = templateShape(coupon());
    expect(shape.unsupported).toBeUndefined();
    expect(shape.slots.map((s) => [s.key, s.kind, s.required, s.example])).toEqual([
      ['header', 'header_text', true, 'Pablo'],
      ['1', 'body', true, 'SUMMER20'],
      ['2', 'body', true, '10'],
      ['button2', 'button_quick_reply', false, 'PAYLOAD'],
    ]);
  });
  test('named: the variables by name, the image header by `header`', () => {
    expect(templateShape(reservation()).slots.map((s) => s.key)).toEqual(['header', 'number_of_guests', 'day', 'date', 'time', 'button3']);
  });
  test('copy-code and URL-suffix buttons are required values, with the example suffix', () => {
    const shape = templateShape(readTemplate(offerWithoutLimitedTime())!);
    expect(shape.slots.filter((s) => s.key.startsWith('button')).map((s) => [s.key, s.kind, s.example])).toEqual([
      ['button1', 'button_copy_code', 'CARIBE25'],
      ['button2', 'button_url', 'n3mtql'],
    ]);
  });
  test.each([
    ['order_delivery_update', /header is a LOCATION/],
    ['limited_time_offer_caribbean_pkg_2023', /LIMITED_TIME_OFFER component/],
  ])('%s cannot be filled', (name, why) => {
    expect(templateShape(byName(name)).unsupported).toMatch(why);
  });
  test('variablesIn: distinct, positional ones in number order', () => {
    expect(variablesIn('{{2}} and {{1}} and {{2}}', true)).toEqual(['1', '2']);
    expect(variablesIn('{{b}} {{ a }} {{b}}', false)).toEqual(['b', 'a']);
  });
});

describe('assignArgs', () => {
  test('positional words fill the required values in order; header= and buttonN= may be given by key', () => {
    const t = coupon();
    expect(assignArgs(t, templateShape(t), ['SUMMER20', 'header=Pablo', '10', 'button2=STOP'])).toEqual({
      values: { header: 'Pablo', '1': 'SUMMER20', '2': '10', button2: 'STOP' },
      errors: {},
    });
  });
  test('a positional value that contains = (a link with a query) stays a value', () => {
    const t = readTemplate(offerWithoutLimitedTime())!;
    const r = assignArgs(t, templateShape(t), ['https://x.example/a.png?size=2', 'Pablo', 'C25', 'C25', 'ref=1']);
    expect(r.errors).toEqual({});
    expect(r.values.header).toBe('https://x.example/a.png?size=2');
    expect(r.values.button2).toBe('ref=1');
  });
  test('too few / too many', () => {
    const t = coupon();
    expect(assignArgs(t, templateShape(t), ['Pablo']).errors._).toBe(
      'too few values: coupon_expiration_reminder_number_vars takes 3, you gave 1 (missing body {{1}}, body {{2}})',
    );
    expect(assignArgs(t, templateShape(t), ['a', 'b', 'c', 'd']).errors._).toBe(
      'too many values: coupon_expiration_reminder_number_vars takes 3 values, you gave 4',
    );
  });
  test('named: missing, unknown, twice, and a bare word', () => {
    const t = reservation();
    const shape = templateShape(t);
    expect(assignArgs(t, shape, ['header=https://e.x/a.jpg', 'number_of_guests=2', 'day=Fri', 'time=8']).errors._).toBe('missing `date`');
    expect(assignArgs(t, shape, ['guests=2']).errors.guests).toMatch(/^`guests` is not a value of this template/);
    expect(assignArgs(t, shape, ['day=Fri', 'day=Sat']).errors.day).toBe('`day` is given twice');
    expect(assignArgs(t, shape, ['Fri']).errors._).toMatch(/uses named variables/);
  });
});

describe('buildMessage', () => {
  test('positional text values', () => {
    const t = coupon();
    const r = buildMessage(t, templateShape(t), { header: 'Pablo', '1': 'SUMMER20', '2': '10' });
    expect(r.ok && r.built.message).toEqual({
      name: 'coupon_expiration_reminder_number_vars',
      language: 'en',
      components: [
        { type: 'header', parameters: [{ type: 'text', text: 'Pablo' }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'SUMMER20' },
            { type: 'text', text: '10' },
          ],
        },
      ],
    });
    expect(r.ok && r.built.text).toBe(
      "*Act fast, Pablo!*\nJust a quick reminder—your exclusive coupon code, SUMMER20, *expires in only 10 days!* Don't miss out on our special deals. Use your code at checkout before it's too late.\n\nHappy shopping! 😃\n_Lucky Shrub Succulents_\n[See deals] [Unsubscribe]",
    );
  });
  test('currency and date values; the shown text uses their fallback', () => {
    const t = coupon();
    const r = buildMessage(t, templateShape(t), { header: 'text:currency', '1': 'currency:usd:-3,5', '2': 'date:August 30' });
    expect(r.ok && r.built.message.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'text:currency' }] },
      {
        type: 'body',
        parameters: [
          { type: 'currency', fallbackValue: '-3.50 USD', code: 'USD', amount1000: -3500 },
          { type: 'date_time', fallbackValue: 'August 30' },
        ],
      },
    ]);
    expect(r.ok && r.built.text).toContain('coupon code, -3.50 USD, *expires in only August 30 days!*');
  });
  test('header text over 60 characters and a body over 1024 are refused on their field', () => {
    const t = coupon();
    expect(buildMessage(t, templateShape(t), { header: 'x'.repeat(60), '1': 'a', '2': 'b' })).toEqual({
      ok: false,
      errors: { header: 'the header would be 71 characters long; WhatsApp allows 60' },
    });
    const long = buildMessage(t, templateShape(t), { header: 'P', '1': 'y'.repeat(900), '2': 'b' });
    expect(!long.ok && long.errors['1']).toMatch(/the message would be \d+ characters long; WhatsApp allows 1024/);
  });
  test('media links: type by extension, document file name, http(s) only', () => {
    const doc = byName('order_confirmation');
    const r = buildMessage(doc, templateShape(doc), { header: 'https://e.x/files/Receipt%20860.pdf', '1': 'Pablo', '2': '860198' });
    expect(r.ok && r.built.message.components[0]).toEqual({
      type: 'header',
      parameters: [{ type: 'document', link: 'https://e.x/files/Receipt%20860.pdf', filename: 'Receipt 860.pdf' }],
    });
    const img = readTemplate(offerWithoutLimitedTime())!;
    const bad = buildMessage(img, templateShape(img), { header: 'ftp://e.x/a.png', '1': 'a', '2': 'b', button1: 'C', button2: 'd' });
    expect(!bad.ok && bad.errors.header).toMatch(/needs an http\(s\) link/);
    const video = readTemplate(offerWithoutLimitedTime('v', 'VIDEO'))!;
    const gif = buildMessage(video, templateShape(video), { header: 'https://e.x/a.gif', '1': 'a', '2': 'b', button1: 'C', button2: 'd' });
    expect(!gif.ok && gif.errors.header).toMatch(/a \.gif file cannot be the video header: WhatsApp takes \.mp4, \.3gp, \.3gpp/);
  });
  test('a value for a key the template does not have is refused', () => {
    const t = coupon();
    expect(buildMessage(t, templateShape(t), { header: 'P', '1': 'a', '2': 'b', button9: 'x' })).toEqual({
      ok: false,
      errors: { button9: '`button9` is not a value of this template' },
    });
  });
});

describe('the request body (adapters/whatsapp/templates-api)', () => {
  test('Meta’s named example, sent by link', () => {
    const t = readTemplate(loadTemplateFixture('template-welcome-discount-named'))!;
    const r = buildMessage(t, templateShape(t), { header: 'https://e.x/w.png', first_name: 'Jessica', discount_code: 'WELCOME25', discount_amount: '25%' });
    const expected = loadTemplateFixture('send-welcome-discount-named');
    expected.to = '+16505551234';
    expected.template.components[0].parameters[0].image = { link: 'https://e.x/w.png' };
    expect(r.ok && templateRequestBody({ waId: '16505551234' }, r.built.message)).toEqual(expected);
  });
  test('a template without values has no components', () => {
    expect(templateRequestBody({ waId: '4915112345678' }, { name: 'hello_world', language: 'en_US', components: [] })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+4915112345678',
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
  });
});

test('describeTemplate shows the text with its variables, what goes where, and a working example', () => {
  const t = coupon();
  const text = describeTemplate(t, templateShape(t), '+4915112345678', 'coupon_expiration_reminder_number_vars:en');
  expect(text.split('\n').slice(0, 3)).toEqual([
    '*coupon_expiration_reminder_number_vars* (en, marketing):',
    '> *Act fast, {{1}}!*',
    "> Just a quick reminder—your exclusive coupon code, {{1}}, *expires in only {{2}} days!* Don't miss out on our special deals. Use your code at checkout before it's too late.",
  ]);
  expect(text).toContain('1. Header {{1}}: Act fast, {{1}}! (or `header=…`)');
  expect(text).toContain('Optional: `button2=…`');
  expect(text.split('\n').at(-1)).toBe('Example: `/wa template +4915112345678 coupon_expiration_reminder_number_vars:en Pablo SUMMER20 10`');
  expect(renderTemplate(reservation())).toContain('🖼️ Image: [image]');
});
