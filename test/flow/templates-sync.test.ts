/**
 * Template sync: every page of `GET /{waba}/message_templates` (cursor paging), stored one per name × language,
 * with added / updated / removed counts; at start-up and on `/wa sync`; a number without a WABA id is named.
 * And the template webhooks (status, quality, category) updating the stored template at once, with a notice.
 */
import { FIXTURE_WABA_ID, loadWhatsAppFixture } from '../fixtures/whatsapp';
import { loadTemplateFixture } from '../fixtures/whatsapp/templates';
import { CHANNEL, type Harness } from '../support/harness';
import { sendableTemplates, startTemplateHarness, wa } from '../support/templates';

const listCalls = (h: Harness) => h.graph.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/${FIXTURE_WABA_ID}/message_templates`));

describe('sync', () => {
  test('three pages, the same name in two languages, then added / updated / removed', async () => {
    const templates = sendableTemplates(); // 10 templates, coupon_expiration_reminder_number_vars in en and es
    expect(templates).toHaveLength(10);
    const h = await startTemplateHarness('templates-sync', { templates: [], pageSize: 4 });
    try {
      h.graph.setTemplates(FIXTURE_WABA_ID, templates);
      expect(await wa(h, 'sync')).toBe(`🔄 Templates of default (WhatsApp Business Account ${FIXTURE_WABA_ID}): 10 added, 0 updated, 0 removed; 10 in total.`);
      const calls = listCalls(h);
      expect(calls).toHaveLength(3); // 4 + 4 + 2
      expect(calls.map((c) => c.query.limit)).toEqual(['4', '4', '4']);
      expect(calls[0]!.query.after).toBeUndefined();
      expect(calls[1]!.query.after).toBeTruthy();
      expect(calls[2]!.query.after).toBeTruthy();
      expect(calls[2]!.query.after).not.toBe(calls[1]!.query.after);
      expect(calls[0]!.headers.authorization).toBe('Bearer test-access-token');

      const stored = await h.bridge.store.listTemplates(FIXTURE_WABA_ID);
      expect(stored).toHaveLength(10);
      const coupons = stored.filter((t) => t.name === 'coupon_expiration_reminder_number_vars');
      expect(coupons.map((t) => t._id).sort()).toEqual([
        `${FIXTURE_WABA_ID}:coupon_expiration_reminder_number_vars:en`,
        `${FIXTURE_WABA_ID}:coupon_expiration_reminder_number_vars:es`,
      ]);
      const reservation = stored.find((t) => t.name === 'reservation_confirmation')!;
      expect(reservation).toMatchObject({ language: 'en_US', status: 'APPROVED', category: 'UTILITY', parameterFormat: 'NAMED', metaId: '1387372356726668' });
      expect(reservation.components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
      expect(reservation.components[0]).toMatchObject({ type: 'HEADER', format: 'IMAGE' });
      expect(reservation.components[3]!.buttons!.map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER', 'QUICK_REPLY']);
      // Meta's lowercase create-body shape is read the same way.
      expect(stored.find((t) => t.name === 'welcome_discount_template')).toMatchObject({
        parameterFormat: 'NAMED',
        category: 'MARKETING',
        components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY' }, { type: 'FOOTER' }, { type: 'BUTTONS' }],
      });
      // A template without parameter_format (an older response) is positional.
      expect(stored.find((t) => t.name === 'order_delivery_update')?.parameterFormat).toBe('POSITIONAL');

      // Nothing changed: nothing counted.
      expect(await wa(h, 'sync')).toContain(': 0 added, 0 updated, 0 removed; 10 in total.');

      // The Spanish coupon is deleted in WhatsApp Manager, seasonal_promotion gets approved, a new template appears.
      const next = templates.filter((t) => !(t.name === 'coupon_expiration_reminder_number_vars' && t.language === 'es'));
      next.find((t) => t.name === 'seasonal_promotion').status = 'APPROVED';
      next.push({ ...loadTemplateFixture('template-order-confirmation-document'), language: 'de', id: '1667696820637469' });
      h.graph.setTemplates(FIXTURE_WABA_ID, next);
      expect(await wa(h, 'sync')).toContain(': 1 added, 1 updated, 1 removed; 10 in total.');
      const after = await h.bridge.store.listTemplates(FIXTURE_WABA_ID);
      expect(after.find((t) => t.name === 'seasonal_promotion')?.status).toBe('APPROVED');
      expect(after.some((t) => t._id.endsWith(':coupon_expiration_reminder_number_vars:es'))).toBe(false);
      expect(
        after
          .filter((t) => t.name === 'order_confirmation')
          .map((t) => t.language)
          .sort(),
      ).toEqual(['de', 'en_US']);
    } finally {
      await h.close();
    }
  });

  test('runs at start-up by itself', async () => {
    const { startHarness } = await import('../support/harness');
    const h = await startHarness('templates-sync-start', {
      beforeStart: ({ graph }) => graph.setTemplates(FIXTURE_WABA_ID, loadTemplateFixture('list-get-all-templates').data),
    });
    try {
      await h.eventually(async () =>
        expect((await h.bridge.store.listTemplates(FIXTURE_WABA_ID)).map((t) => t.name).sort()).toEqual([
          'coupon_expiration_reminder_number_vars',
          'reservation_confirmation',
        ]),
      );
    } finally {
      await h.close();
    }
  });

  test('a failing list keeps what was stored and says why', async () => {
    const h = await startTemplateHarness('templates-sync-fail');
    try {
      h.graph.failNext({ path: /message_templates$/, status: 401, error: { code: 190, message: 'Error validating access token' } });
      const reply = await wa(h, 'sync');
      expect(reply).toMatch(
        /^⚠️ Templates of default not synced: the WhatsApp access token has expired or was revoked \(Error validating access token\) \(code 190\)/,
      );
      expect(reply).toContain('WHATSAPP_ACCESS_TOKEN');
      expect(await h.bridge.store.listTemplates(FIXTURE_WABA_ID)).toHaveLength(10);
    } finally {
      await h.close();
    }
  });

  test('a number without WHATSAPP_BUSINESS_ACCOUNT_ID cannot sync, and says so', async () => {
    const h = await startTemplateHarness('templates-sync-nowaba', { env: { WHATSAPP_BUSINESS_ACCOUNT_ID: '' }, templates: [] });
    try {
      const reply = await wa(h, 'sync');
      expect(reply).toMatch(/has no WhatsApp Business Account ID, so its templates cannot be read: set WHATSAPP_BUSINESS_ACCOUNT_ID/);
      expect(listCalls(h)).toHaveLength(0);
      expect(await wa(h, 'template +4915112345678 hello_world')).toMatch(/set WHATSAPP_BUSINESS_ACCOUNT_ID/);
    } finally {
      await h.close();
    }
  });
});

describe('template webhooks update the stored template at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTemplateHarness('templates-webhooks');
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => h.slack.reset());

  const stored = async (name: string, language: string) =>
    (await h.bridge.store.listTemplates(FIXTURE_WABA_ID)).find((t) => t.name === name && t.language === language)!;
  const channelNotice = (pattern: RegExp) =>
    h.eventually(() => {
      const n = h.slack.posted(CHANNEL).find((p) => !p.thread_ts && pattern.test(String(p.text)));
      expect(n).toBeDefined();
      return String(n!.text);
    });

  /** Meta's status fixtures name other templates: only the template's name, language and id are changed. */
  function statusWebhook(fixture: string, name: string, language: string, id: number, patch: Record<string, unknown> = {}): any {
    const body = loadWhatsAppFixture(fixture);
    Object.assign(body.entry[0].changes[0].value, { message_template_name: name, message_template_language: language, message_template_id: id }, patch);
    return body;
  }

  test('PAUSED: stored, announced with what it means, and `/wa template` refuses it at once', async () => {
    const res = await h.postWebhook(
      statusWebhook('template-status-approved', 'coupon_expiration_reminder_number_vars', 'en', 1304694804498707, {
        event: 'PAUSED',
        other_info: { title: 'FIRST_PAUSE', description: 'Your message template has been paused for 3 hours due to low quality.' },
      }),
    );
    expect(res.status).toBe(200);
    expect(await stored('coupon_expiration_reminder_number_vars', 'en')).toMatchObject({ status: 'PAUSED' });
    expect(await stored('coupon_expiration_reminder_number_vars', 'es')).toMatchObject({ status: 'APPROVED' });
    const text = await channelNotice(/PAUSED/);
    expect(text).toContain('Template coupon_expiration_reminder_number_vars [en] is now PAUSED');
    expect(text).toMatch(/What it means for senders:\* It cannot be sent until Meta lifts the pause/);
    expect(text).toContain('132015');
    expect(text).toContain('FIRST_PAUSE');
    expect(await wa(h, 'template +4915112345678 coupon_expiration_reminder_number_vars:en Pablo SUMMER20 10')).toMatch(/cannot be sent: its status is PAUSED/);
  });

  test('REJECTED with Meta’s reason (Meta’s example, matched by template id although the language is spelled en-US)', async () => {
    await h.postWebhook(statusWebhook('template-status-rejected', 'reservation_confirmation', 'en-US', 1387372356726668));
    const t = await stored('reservation_confirmation', 'en_US');
    expect(t.status).toBe('REJECTED');
    expect(t.rejectionReason).toMatch(/^INVALID_FORMAT: Your template has parameters placed next to each other/);
    const text = await channelNotice(/REJECTED/);
    expect(text).toContain('(reason: INVALID_FORMAT)');
    expect(text).toMatch(/It cannot be sent\. Meta’s reason: INVALID_FORMAT\. Your template has parameters placed next to each other/);
    expect(text).toContain('Meta recommends: Separate parameters');
    expect(await wa(h, 'template +4915112345678 reservation_confirmation number_of_guests=1')).toMatch(/its status is REJECTED \(INVALID_FORMAT/);
  });

  test('quality RED and a category change are stored and explained', async () => {
    await h.postWebhook(
      statusWebhook('template-quality-update', 'order_confirmation', 'en_US', 1667696820637468, { previous_quality_score: 'YELLOW', new_quality_score: 'RED' }),
    );
    expect((await stored('order_confirmation', 'en_US')).quality).toBe('RED');
    expect(await channelNotice(/quality: YELLOW → RED/)).toMatch(/Customers are blocking or reporting it: Meta may pause it/);

    await h.postWebhook(statusWebhook('template-category-update', 'order_confirmation', 'en_US', 1667696820637468));
    expect((await stored('order_confirmation', 'en_US')).category).toBe('MARKETING');
    expect(await channelNotice(/category is now MARKETING/)).toMatch(/priced and treated as marketing/);
  });

  test('a webhook for a template not synced yet triggers a sync', async () => {
    const before = listCalls(h).length;
    h.graph.setTemplates(FIXTURE_WABA_ID, [
      ...sendableTemplates(),
      { ...loadTemplateFixture('template-seasonal-promotion-text-header'), name: 'brand_new', id: '777', status: 'APPROVED' },
    ]);
    await h.postWebhook(statusWebhook('template-status-approved', 'brand_new', 'en', 777));
    await h.eventually(async () => expect((await stored('brand_new', 'en'))?.status).toBe('APPROVED'), 5000);
    expect(listCalls(h).length).toBeGreaterThan(before);
    expect(await channelNotice(/brand_new/)).toMatch(/It can be sent now with `\/wa template`/);
  });
});
