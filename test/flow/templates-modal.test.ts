/**
 * `/wa template` without arguments in Slack: a form (views.open) with the approved templates only; picking one
 * (block_actions) adds one input per value, labelled with the template text around it (views.update); the
 * submission (view_submission) is checked by the same validator as the command line, errors shown inline.
 * Interaction bodies start from real captured payloads (test/fixtures/slack/SOURCES.md: block_actions_static_select,
 * view_submission); only the values this flow reads are set (who acted, which view, what was picked or typed).
 */
import { loadSlackFixture } from '../fixtures/slack';
import { AGENT, CHANNEL, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends } from '../support/templates';

let h: Harness;
beforeAll(async () => {
  h = await startTemplateHarness('templates-modal');
});
afterAll(async () => {
  await h.close();
});

function currentView() {
  const view = h.slack.views().at(-1);
  expect(view).toBeDefined();
  return view!;
}

/** The view as the bridge opened it in the fake: what Slack echoes back in an interaction about it. */
function fromOpenedView(view: ReturnType<typeof currentView>) {
  return { id: view.id, hash: view.hash, callback_id: view.callback_id, private_metadata: view.private_metadata };
}

function pick(ref: string, label: string) {
  const view = currentView();
  const body = loadSlackFixture('block_actions_static_select');
  body.user.id = AGENT;
  body.container.view_id = view.id;
  Object.assign(body.view, fromOpenedView(view));
  Object.assign(body.actions[0], {
    action_id: 'wa_template_pick',
    block_id: 'template',
    selected_option: { text: { type: 'plain_text', text: label, emoji: true }, value: ref },
  });
  return h.sender.sendInteraction(body);
}

function submit(values: Record<string, Record<string, unknown>>) {
  const view = currentView();
  const body = loadSlackFixture('view_submission');
  body.user.id = AGENT;
  // blocks too: the bridge keys its inline errors by the block_ids present in the submitted view.
  Object.assign(body.view, fromOpenedView(view), { blocks: view.blocks, state: { values } });
  return h.sender.sendInteraction(body);
}

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const selected = (ref: string) => ({ wa_template_pick: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: ref }, value: ref } } });

test('the form opens with the approved templates only, grows one input per value, and refuses a bad submission inline', async () => {
  const res = await h.sender.sendCommand({
    command: '/wa',
    text: 'template',
    user_id: AGENT,
    channel_id: CHANNEL,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  });
  expect(res.status).toBe(200);
  expect(h.slack.callsTo('views.open')).toHaveLength(1);
  const opened = currentView();
  expect(opened.openedWith).toEqual({ method: 'views.open', trigger_id: '13345224609.738474920.8088930838d88f008e0' });
  expect(opened.callback_id).toBe('wa_template');
  expect(JSON.parse(opened.private_metadata)).toEqual({ channelId: CHANNEL });
  const select = (opened.blocks as any[]).find((b) => b.block_id === 'template').element;
  expect(select.type).toBe('static_select');
  // Approved and fillable: no PENDING seasonal_promotion, no LOCATION-header order_delivery_update, no limited-time offer.
  expect(select.options.map((o: any) => o.value).sort()).toEqual([
    'caribbean_offer:en_US',
    'caribbean_offer_video:en_US',
    'coupon_expiration_reminder_number_vars:en',
    'coupon_expiration_reminder_number_vars:es',
    'order_confirmation:en_US',
    'reservation_confirmation:en_US',
    'welcome_discount_template:en_US',
  ]);

  expect((await pick('coupon_expiration_reminder_number_vars:en', 'coupon_expiration_reminder_number_vars (en)')).status).toBe(200);
  await h.eventually(() => expect(h.slack.callsTo('views.update')).toHaveLength(1));
  const updated = currentView();
  expect(updated.openedWith.method).toBe('views.update');
  const inputs = (updated.blocks as any[]).filter((b) => b.type === 'input');
  expect(inputs.map((b) => b.block_id)).toEqual(['phone', 'template', 'var:header', 'var:1', 'var:2', 'var:button2']);
  expect(inputs[2].label.text).toBe('Header {{1}}: Act fast, {{1}}!');
  expect(inputs[3].label.text).toBe("Body {{1}}: …ck reminder—your exclusive coupon code, {{1}}, *expires in only {{2}} days!* Don't mi…");
  expect(inputs[5].optional).toBe(true);
  expect(JSON.parse(updated.private_metadata)).toEqual({ channelId: CHANNEL, template: 'coupon_expiration_reminder_number_vars:en' });

  // A number without country code and a value with a line break: both shown on their own field, nothing sent.
  const refused = await submit({
    phone: text('015112345678'),
    template: selected('coupon_expiration_reminder_number_vars:en'),
    'var:header': text('Pablo'),
    'var:1': text('SUMMER\n20'),
    'var:2': text('10'),
    'var:button2': { value: { type: 'plain_text_input', value: null } },
  });
  expect(refused.status).toBe(200);
  const body = JSON.parse(refused.body) as { response_action: string; errors: Record<string, string> };
  expect(body.response_action).toBe('errors');
  expect(Object.keys(body.errors).sort()).toEqual(['phone', 'var:1']);
  expect(body.errors.phone).toMatch(/015112345678 has no country code/);
  expect(body.errors['var:1']).toMatch(/line break/);
  await new Promise((r) => setTimeout(r, 200));
  expect(templateSends(h)).toHaveLength(0);

  // Corrected: the form closes (empty ack), the send goes out, and the agent is told privately.
  const ok = await submit({
    phone: text('+4915112345678'),
    template: selected('coupon_expiration_reminder_number_vars:en'),
    'var:header': text('Pablo'),
    'var:1': text('SUMMER20'),
    'var:2': text('10'),
  });
  expect(ok.status).toBe(200);
  expect(ok.body).toBe('');
  await h.eventually(() => expect(templateSends(h)).toHaveLength(1));
  expect(templateSends(h)[0]!.template.components).toEqual([
    { type: 'header', parameters: [{ type: 'text', text: 'Pablo' }] },
    {
      type: 'body',
      parameters: [
        { type: 'text', text: 'SUMMER20' },
        { type: 'text', text: '10' },
      ],
    },
  ]);
  await h.eventually(() => expect(h.slack.ephemerals.some((e) => e.user === AGENT && /is on its way to \+4915112345678/.test(String(e.text)))).toBe(true));
});

test('a template that is no longer approved when submitted is refused on the template field', async () => {
  await h.sender.sendCommand({ command: '/wa', text: 'template', user_id: AGENT, channel_id: CHANNEL });
  const res = await submit({ phone: text('+4915112345678'), template: selected('seasonal_promotion:en') });
  const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
  expect(body).toEqual({
    response_action: 'errors',
    errors: { template: expect.stringMatching(/seasonal_promotion:en cannot be sent: its status is PENDING/) },
  });
});
