/**
 * `/wa template` through Slack: every refusal answered privately before anything reaches Meta, and the exact
 * request Meta expects for positional, named, media-header and button templates (Meta's send examples).
 */
import { loadTemplateFixture } from '../fixtures/whatsapp/templates';
import { AGENT, CHANNEL, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends, wa } from '../support/templates';

let h: Harness;
beforeAll(async () => {
  h = await startTemplateHarness('templates-send');
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.graph.reset();
});

const COUPON = 'coupon_expiration_reminder_number_vars';

async function sent(n = 1): Promise<Record<string, any>[]> {
  return h.eventually(() => {
    expect(templateSends(h)).toHaveLength(n);
    return templateSends(h);
  });
}

/** A refusal: said privately, with nothing sent to Meta. */
async function refused(text: string): Promise<string> {
  const reply = await wa(h, text);
  expect(reply).toMatch(/^(❌|🚫)/);
  await new Promise((r) => setTimeout(r, 150));
  expect(h.graph.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  return reply;
}

describe('refusals, before anything reaches Meta', () => {
  test.each([
    ['a number without country code', `template 015112345678 ${COUPON}:en Pablo SUMMER20 10`, /no country code/],
    ['a number that is too short', `template +4912 ${COUPON}:en Pablo SUMMER20 10`, /8 to 15/],
    ['letters in the number', `template +49151abc4567 ${COUPON}:en Pablo SUMMER20 10`, /not a phone number/],
  ])('bad phone: %s', async (_label, text, pattern) => {
    const reply = await refused(text);
    expect(reply).toMatch(pattern);
    // The template itself is fine: its text and a correct example are shown with the phone problem.
    expect(reply).toContain('Act fast, {{1}}!');
    expect(reply).toContain(`Example: \`/wa template +4915112345678 ${COUPON}:en Pablo SUMMER20 10\``);
  });

  test('an unknown template', async () => {
    const reply = await refused('template +4915112345678 no_such_template one');
    expect(reply).toMatch(/there is no template `no_such_template`/);
    expect(reply).toContain('/wa templates');
  });

  test('a template that is not approved (PENDING)', async () => {
    const reply = await refused('template +4915112345678 seasonal_promotion x y z w');
    expect(reply).toMatch(/`seasonal_promotion:en` cannot be sent: its status is PENDING/);
    expect(reply).toMatch(/reviewing/);
  });

  test('a name in two languages without the language', async () => {
    const reply = await refused(`template +4915112345678 ${COUPON} Pablo SUMMER20 10`);
    expect(reply).toContain(`\`${COUPON}\` exists in 2 languages`);
    expect(reply).toContain(`\`${COUPON}:en\``);
    expect(reply).toContain(`\`${COUPON}:es\``);
  });

  test('a language the template does not have', async () => {
    const reply = await refused(`template +4915112345678 ${COUPON}:fr Pablo SUMMER20 10`);
    expect(reply).toMatch(/has no `fr` version/);
  });

  test('too few values: the template text with its variables and a correct example', async () => {
    const reply = await refused(`template +4915112345678 ${COUPON}:en Pablo SUMMER20`);
    expect(reply).toMatch(/too few values: coupon_expiration_reminder_number_vars takes 3, you gave 2 \(missing body \{\{2\}\}\)/);
    expect(reply).toContain('> Just a quick reminder—your exclusive coupon code, {{1}}, *expires in only {{2}} days!*');
    expect(reply).toContain('Values, in this order:');
    expect(reply).toContain(`Example: \`/wa template +4915112345678 ${COUPON}:en Pablo SUMMER20 10\``);
  });

  test('too many values', async () => {
    const reply = await refused(`template +4915112345678 ${COUPON}:en Pablo SUMMER20 10 extra`);
    expect(reply).toMatch(/too many values: coupon_expiration_reminder_number_vars takes 3 values, you gave 4/);
  });

  test('named template: a missing name', async () => {
    const reply = await refused(
      'template +4915112345678 reservation_confirmation header=https://example.com/t.jpg number_of_guests=4 date="August 30th, 2025" time="7:30 pm"',
    );
    expect(reply).toMatch(/missing `day`/);
    expect(reply).toContain('Values, by name:');
    expect(reply).toContain('`number_of_guests=…`');
    expect(reply).toContain(
      'Example: `/wa template +4915112345678 reservation_confirmation:en_US header=https://example.com/photo.jpg number_of_guests=4 day=Saturday date="August 30th, 2025" time="7:30 pm"`',
    );
  });

  test('named template: an unknown name', async () => {
    const reply = await refused(
      'template +4915112345678 reservation_confirmation header=https://example.com/t.jpg guests=4 number_of_guests=4 day=Sat date=today time=now',
    );
    expect(reply).toMatch(/`guests` is not a value of this template/);
  });

  test('named template: a value without its name', async () => {
    const reply = await refused('template +4915112345678 reservation_confirmation header=https://example.com/t.jpg 4 day=Sat date=today time=now');
    expect(reply).toMatch(/uses named variables: write each value as name=value/);
  });

  test('a template the bridge cannot fill (location header; limited-time offer)', async () => {
    expect(await refused('template +4915112345678 order_delivery_update Mark 566701')).toMatch(/cannot be sent from the bridge: its header is a LOCATION/);
    expect(await refused('template +4915112345678 limited_time_offer_caribbean_pkg_2023 x y z w')).toMatch(/LIMITED_TIME_OFFER component/);
  });

  test.each([
    ['a header image that is a PDF', 'caribbean_offer https://example.com/menu.pdf Pablo CARIBE25 CARIBE25 n3mtql', /a \.pdf file cannot be the image header/],
    ['a header link that is not a link', 'caribbean_offer not-a-link Pablo CARIBE25 CARIBE25 n3mtql', /not a link/],
    [
      'a coupon code over 15 characters',
      'caribbean_offer https://example.com/a.png Pablo CARIBE25 CARIBE25CARIBE2X n3mtql',
      /the code has 16 characters; WhatsApp allows 15/,
    ],
    ['a URL suffix with a space', 'caribbean_offer https://example.com/a.png Pablo CARIBE25 CARIBE25 "n3 mtql"', /has spaces/],
    ['a bad currency', `${COUPON}:en Pablo currency:EURO:12 10`, /not a currency value/],
    ['a date that does not exist', `${COUPON}:en Pablo SUMMER20 date:2025-02-30`, /2025-02-30 is not a real date/],
    ['more than 4 spaces in a value', `${COUPON}:en "Pa     blo" SUMMER20 10`, /more than 4 spaces/],
  ])('rich values are checked: %s', async (_label, rest, pattern) => {
    expect(await refused(`template +4915112345678 ${rest}`)).toMatch(pattern);
  });
});

describe('the request Meta expects', () => {
  test('positional: header {{1}} and body {{1}} {{2}}, to in E.164 with +', async () => {
    const reply = await wa(h, `template "+49 151 1234-5678" ${COUPON}:en Pablo SUMMER20 10`);
    expect(reply).toMatch(/^✅ `coupon_expiration_reminder_number_vars:en` is on its way to \+4915112345678/);
    const body = (await sent())[0]!;
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+4915112345678',
      type: 'template',
      template: {
        name: COUPON,
        language: { code: 'en' },
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
      },
    });
  });

  test('named, from Meta’s example (welcome_discount_template): parameter_name on every body value; quoted values keep spaces', async () => {
    await wa(
      h,
      'template +16505551234 welcome_discount_template header=https://example.com/welcome.png first_name=Jessica discount_code=WELCOME25 discount_amount="25% off"',
    );
    const body = (await sent())[0]!;
    // Meta's example request, with the header image given by link (the bridge sends links) and `to` with its +.
    const expected = loadTemplateFixture('send-welcome-discount-named');
    expected.to = '+16505551234';
    expected.template.components[0].parameters[0].image = { link: 'https://example.com/welcome.png' };
    expected.template.components[1].parameters[2].text = '25% off';
    expect(body).toEqual(expected);
  });

  test('named with a multi-word value and an image header (reservation_confirmation)', async () => {
    await wa(
      h,
      'template +4915112345678 reservation_confirmation:en_US time="7:30 pm" header=https://example.com/table.jpg number_of_guests=4 day=Saturday date="August 30th, 2025"',
    );
    const body = (await sent())[0]!;
    expect(body.template).toEqual({
      name: 'reservation_confirmation',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/table.jpg' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', parameter_name: 'number_of_guests', text: '4' },
            { type: 'text', parameter_name: 'day', text: 'Saturday' },
            { type: 'text', parameter_name: 'date', text: 'August 30th, 2025' },
            { type: 'text', parameter_name: 'time', text: '7:30 pm' },
          ],
        },
      ],
    });
  });

  test('image header, copy-code button and URL suffix button', async () => {
    await wa(h, 'template +4915112345678 caribbean_offer https://cdn.example.com/beach.png Pablo CARIBE25 CARIBE25 n3mtql');
    const body = (await sent())[0]!;
    expect(body.template).toEqual({
      name: 'caribbean_offer',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/beach.png' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Pablo' },
            { type: 'text', text: 'CARIBE25' },
          ],
        },
        { type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'CARIBE25' }] },
        { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'n3mtql' }] },
      ],
    });
  });

  test('video header, values given by key in any order', async () => {
    await wa(h, 'template +4915112345678 caribbean_offer_video button2=ref42 header=https://cdn.example.com/tour.mp4 Pablo CARIBE25 button1=SUN10');
    const body = (await sent())[0]!;
    expect(body.template.components).toEqual([
      { type: 'header', parameters: [{ type: 'video', video: { link: 'https://cdn.example.com/tour.mp4' } }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Pablo' },
          { type: 'text', text: 'CARIBE25' },
        ],
      },
      { type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'SUN10' }] },
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'ref42' }] },
    ]);
  });

  test('document header (with its file name), currency and date-time values', async () => {
    await wa(h, 'template +4915112345678 order_confirmation https://shop.example.com/r/receipt-860198.pdf currency:eur:1234.5 date:2025-08-30');
    const body = (await sent())[0]!;
    expect(body.template.components).toEqual([
      {
        type: 'header',
        parameters: [{ type: 'document', document: { link: 'https://shop.example.com/r/receipt-860198.pdf', filename: 'receipt-860198.pdf' } }],
      },
      {
        type: 'body',
        parameters: [
          { type: 'currency', currency: { fallback_value: '1234.50 EUR', code: 'EUR', amount_1000: 1234500 } },
          { type: 'date_time', date_time: { fallback_value: '2025-08-30' } },
        ],
      },
    ]);
  });

  test('a quick-reply payload (optional, by key)', async () => {
    await wa(h, `template +4915112345678 ${COUPON}:en Pablo SUMMER20 10 button2=UNSUB_42`);
    const body = (await sent())[0]!;
    expect(body.template.components.at(-1)).toEqual({
      type: 'button',
      sub_type: 'quick_reply',
      index: '1',
      parameters: [{ type: 'payload', payload: 'UNSUB_42' }],
    });
  });

  test('`/wa templates` lists every synced template with its status and what it needs', async () => {
    const reply = await wa(h, 'templates');
    expect(reply).toContain(`\`${COUPON}:en\` — marketing, ✅ approved — 3 value(s)`);
    expect(reply).toContain('`seasonal_promotion:en` — marketing, ⛔ pending');
    expect(reply).toMatch(/`order_delivery_update:en_US` .* cannot be sent from the bridge/);
  });
});

test('the agent’s name is shown as the sender in the thread', async () => {
  await wa(h, `template +4915199990000 ${COUPON}:en Ana SAVE5 3`, AGENT);
  await sent();
  await h.eventually(() => {
    const post = h.slack.messages(CHANNEL).find((m) => m.text.includes('Act fast, Ana!'));
    expect(post?.text).toContain('sent by Ana Agent with `/wa template coupon_expiration_reminder_number_vars`');
  });
});
