/** The fake Graph API's endpoints for `doctor` answer in Meta's documented shapes (test/fakes/graph/account.ts). */
import { FakeGraphApi } from './graph-api';

let fake: FakeGraphApi;
beforeEach(async () => {
  fake = await FakeGraphApi.start();
  fake.addPhoneNumber('106540352242922', '102290129340398');
});
afterEach(async () => {
  await fake.close();
});

async function get(path: string, token = fake.accessToken): Promise<{ status: number; body: any }> {
  const res = await fetch(`${fake.url}/v23.0/${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

test('debug_token describes the token it is given', async () => {
  const { status, body } = await get(`debug_token?input_token=${fake.accessToken}`);
  expect(status).toBe(200);
  expect(body.data).toMatchObject({
    app_id: fake.app.id,
    is_valid: true,
    expires_at: 0,
    scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
  });
  fake.setTokenInfo({ is_valid: false });
  expect((await get(`debug_token?input_token=${fake.accessToken}`)).body.data.is_valid).toBe(false);
  expect((await get('debug_token?input_token=someone-else')).body.error.code).toBe(190);
});

test('an expired token: every call answers 190 with subcode 463, until it is valid again', async () => {
  fake.expireToken();
  const { status, body } = await get('106540352242922?fields=status');
  expect(status).toBe(401);
  expect(body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
  expect(body.error.message).toContain('Session has expired');
  fake.expireToken(false);
  expect((await get('106540352242922?fields=status')).status).toBe(200);
});

test('the number answers the asked fields and its id; an unknown id is error 100', async () => {
  expect((await get('106540352242922?fields=status,account_mode')).body).toEqual({ status: 'CONNECTED', account_mode: 'LIVE', id: '106540352242922' });
  expect((await get('999999999999999?fields=status')).body.error.code).toBe(100);
});

test('the WABA lists its numbers and its subscribed apps; an unsubscribed WABA lists none; an unknown one is error 100', async () => {
  expect((await get('102290129340398/phone_numbers')).body.data).toEqual([
    { verified_name: 'Jasper’s Market', display_phone_number: '+1 555-010-0000', id: '106540352242922', quality_rating: 'GREEN' },
  ]);
  expect((await get('102290129340398/subscribed_apps')).body.data[0].whatsapp_business_api_data).toMatchObject({ id: fake.app.id, name: fake.app.name });
  fake.addPhoneNumber('106540352242922', '102290129340398', { subscribed: false });
  expect((await get('102290129340398/subscribed_apps')).body).toEqual({ data: [] });
  expect((await get('109999999999999/subscribed_apps')).body.error.code).toBe(100);
});

test('the app’s webhook subscriptions answer only to the app access token', async () => {
  fake.setApp({ webhook: { callback_url: 'https://h.example/webhooks/whatsapp', active: true, fields: ['messages'] } });
  const appToken = `${fake.app.id}|${fake.app.secret}`;
  expect((await get(`${fake.app.id}/subscriptions`, appToken)).body).toEqual({
    data: [
      {
        object: 'whatsapp_business_account',
        callback_url: 'https://h.example/webhooks/whatsapp',
        active: true,
        fields: [{ name: 'messages', version: 'v23.0' }],
      },
    ],
  });
  expect((await get(`${fake.app.id}/subscriptions`)).body.error.code).toBe(100);
  expect((await get(`${fake.app.id}/subscriptions`, `${fake.app.id}|wrong-secret`)).body.error.code).toBe(190);
});
