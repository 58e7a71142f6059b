/**
 * Meta's errors on template sends reach the sender in plain words, with what to do: in the customer's thread
 * (where the template was posted) and on the template's message. Permanent ones are not retried.
 * The error objects are Meta's error shape (notes §9) as the fake Graph API answers them.
 */
import { CHANNEL, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends, threadOf, wa } from '../support/templates';
import { statusUpdate } from '../support/webhooks';

let h: Harness;
beforeAll(async () => {
  h = await startTemplateHarness('templates-errors');
});
afterAll(async () => {
  await h.close();
});

const COUPON = 'coupon_expiration_reminder_number_vars:en';
let n = 0;
const nextNumber = () => `49151700000${String(++n).padStart(2, '0')}`;

/** The failure notice posted in the thread of the conversation with `+digits`. */
function notice(digits: string): Promise<string> {
  return h.eventually(() => {
    const n = h.slack.threadReplies(CHANNEL, threadOf(h, digits)).find((m) => m.text.includes('Not delivered'));
    expect(n).toBeDefined();
    return n!.text;
  });
}

test.each([
  [
    132000,
    'Number of parameters does not match the expected number of params',
    /the number of template parameters does not match the template/,
    /give one value per variable/,
  ],
  [
    132001,
    'Template name does not exist in the translation',
    /the template does not exist, or not in that language, or is not approved/,
    /check the name and language with `\/wa templates`/,
  ],
  [
    132012,
    'Parameter format does not match format in the created template',
    /a template parameter has the wrong format/,
    /check each value against the template/,
  ],
  [132015, 'Template is Paused', /the template is paused because of low quality/, /use another template or edit this one in WhatsApp Manager/],
  [132016, 'Template is Disabled', /the template was disabled permanently/, /use another template/],
  [131047, 'Re-engagement message', /more than 24 hours have passed/, /\/wa template/],
  [131026, 'Message undeliverable', /the number may not be on WhatsApp/, /check the number with the customer/],
  // 190 (expired token) is not a refusal of this message: the send is paused until the token is renewed (see
  // slack-to-customer.test.ts and outbox-parking.test.ts).
])('Meta error %i on the send → a notice in the thread that says what happened and what to do, not retried', async (code, message, meaning, action) => {
  const digits = nextNumber();
  const before = h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).length;
  h.graph.failNext({ path: /\/messages$/, status: code === 190 ? 401 : code === 132001 ? 404 : 400, error: { code, message } });
  expect(await wa(h, `template +${digits} ${COUPON} Pablo SUMMER20 10`)).toMatch(/^✅/);
  const text = await notice(digits);
  expect(text).toContain(`(code ${code})`);
  expect(text).toMatch(meaning);
  expect(text).toMatch(/What to do:/);
  expect(text).toMatch(action);
  // The template's own post shows the failure like any outgoing message.
  const post = h.slack.threadReplies(CHANNEL, threadOf(h, digits)).find((m) => m.text.includes('Act fast, Pablo!'))!;
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, post.ts)).toEqual(['x']));
  await new Promise((r) => setTimeout(r, 200));
  expect(h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).length - before).toBe(1);
});

test('a template that fails later (a `failed` status webhook with 132015) is explained the same way', async () => {
  const digits = nextNumber();
  let wamid = '';
  h.graph.onMessageSent = (_body, w) => (wamid = w);
  await wa(h, `template +${digits} ${COUPON} Pablo SUMMER20 10`);
  await h.eventually(() => expect(templateSends(h).some((b) => b.to === `+${digits}`)).toBe(true));
  await h.eventually(() => expect(wamid).toMatch(/^wamid\./));
  // Meta's failed-status example (status-failed-131049) with errors[0] replaced by the paused-template error.
  await h.eventually(async () => expect((await h.bridge.store.findMessageByWamid(wamid))?.wamid).toBe(wamid));
  await h.postWebhook(statusUpdate(wamid, 'failed', { code: 132015, title: 'Template is Paused' }));
  const text = await notice(digits);
  expect(text).toMatch(/the template is paused because of low quality/);
  expect(text).toContain('(code 132015)');
});
