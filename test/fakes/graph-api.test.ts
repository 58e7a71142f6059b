import { readdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/harness';
import { FakeGraphApi } from './graph-api';
import { escapeLikeMeta, signMetaBody } from './meta-signature';
import { FIXTURE_DISPLAY_PHONE_NUMBER, FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID, loadWhatsAppFixture, loadWhatsAppFixtureText } from '../fixtures/whatsapp';

const TOKEN = 'test-access-token';
const VERSION = 'v21.0';
const PHONE_ID = FIXTURE_PHONE_NUMBER_ID;

let fake: FakeGraphApi;

beforeEach(async () => {
  fake = await FakeGraphApi.start({ version: VERSION });
});

afterEach(async () => {
  await fake.close();
});

/** Graph answers are untyped JSON; tests assert on their shape. */
function readJson(res: Response): Promise<any> {
  return res.json() as Promise<any>;
}

function graphUrl(pathAndQuery: string): string {
  return `${fake.url}/${VERSION}/${pathAndQuery}`;
}

function postJson(pathAndQuery: string, body: unknown, token: string | null = TOKEN, init: RequestInit = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(graphUrl(pathAndQuery), { method: 'POST', headers, body: JSON.stringify(body), ...init });
}

function getGraph(pathAndQuery: string, token: string | null = TOKEN) {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  return fetch(graphUrl(pathAndQuery), { headers });
}

function textMessage(to: string, body = 'hello') {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } };
}

function sendText(to: string, body = 'hello') {
  return postJson(`${PHONE_ID}/messages`, textMessage(to, body));
}

describe('FakeGraphApi auth', () => {
  it('answers 401 with Meta OAuthException code 190 when the token is missing or wrong', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await postJson(`${PHONE_ID}/messages`, textMessage('+16505551234'), token);
      expect(res.status).toBe(401);
      const json = await readJson(res);
      expect(json).toEqual({
        error: {
          message: 'Invalid OAuth access token - Cannot parse access token',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: expect.any(String),
        },
      });
    }
    expect(fake.sentMessages()).toEqual([]);
  });

  it('accepts a custom token', async () => {
    const custom = await FakeGraphApi.start({ accessToken: 'EAAJB-custom' });
    try {
      const res = await fetch(`${custom.url}/v25.0/${PHONE_ID}/messages`, {
        method: 'POST',
        headers: { authorization: 'Bearer EAAJB-custom', 'content-type': 'application/json' },
        body: JSON.stringify(textMessage('16505551234')),
      });
      expect(res.status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});

describe('FakeGraphApi messages', () => {
  it('accepts a text message and answers in Meta send-response shape', async () => {
    const res = await sendText('+1 650 555 1234');
    expect(res.status).toBe(200);
    const json = await readJson(res);
    expect(json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+1 650 555 1234', wa_id: '16505551234' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
    });
    expect(fake.sentMessages()).toEqual([textMessage('+1 650 555 1234')]);
  });

  it('gives every message a unique wamid', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const json = await readJson(await sendText('16505551234'));
      ids.add(json.messages[0].id);
    }
    expect(ids.size).toBe(5);
  });

  it('records every call with method, path, query, headers and parsed body', async () => {
    await postJson(`${PHONE_ID}/messages?debug=all`, textMessage('16505551234'));
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      method: 'POST',
      path: `/${VERSION}/${PHONE_ID}/messages`,
      query: { debug: 'all' },
      body: textMessage('16505551234'),
    });
    expect(fake.calls[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('calls onMessageSent for accepted sends', async () => {
    const seen: unknown[] = [];
    fake.onMessageSent = (body) => seen.push(body);
    await sendText('16505551234', 'hi');
    expect(seen).toEqual([textMessage('16505551234', 'hi')]);
  });

  it.each([
    ['missing messaging_product', { to: '1', type: 'text', text: { body: 'x' } }],
    ['wrong messaging_product', { messaging_product: 'sms', to: '1', type: 'text', text: { body: 'x' } }],
    ['missing to', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }],
    ['missing type object', { messaging_product: 'whatsapp', to: '1', type: 'image' }],
    ['unknown type', { messaging_product: 'whatsapp', to: '1', type: 'fax', fax: {} }],
    ['empty text body', { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: '' } }],
  ])('rejects %s with a Meta 400 code 100', async (_label, body) => {
    const res = await postJson(`${PHONE_ID}/messages`, body);
    expect(res.status).toBe(400);
    const json = await readJson(res);
    expect(json.error).toMatchObject({ type: 'OAuthException', code: 100 });
    expect(json.error.message).toMatch(/^\(#100\) /);
    expect(fake.sentMessages()).toEqual([]);
  });

  it('enforces the 4096-character text limit', async () => {
    expect((await sendText('1', 'a'.repeat(4096))).status).toBe(200);
    const res = await sendText('1', 'a'.repeat(4097));
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe(100);
    expect(fake.sentMessages()).toHaveLength(1);
  });

  it('defaults type to text as Meta documents', async () => {
    const res = await postJson(`${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: '1', text: { body: 'x' } });
    expect(res.status).toBe(200);
  });

  it('accepts media, reaction and reply bodies', async () => {
    const bodies = [
      { messaging_product: 'whatsapp', to: '1', type: 'image', image: { id: '1013859600285441', caption: 'c' } },
      { messaging_product: 'whatsapp', to: '1', type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
      { ...textMessage('1'), context: { message_id: 'wamid.Y' } },
    ];
    for (const body of bodies) expect((await postJson(`${PHONE_ID}/messages`, body)).status).toBe(200);
    expect(fake.sentMessages()).toEqual(bodies);
  });

  it('answers mark-as-read with {success:true} without counting it as a sent message', async () => {
    const res = await postJson(`${PHONE_ID}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      typing_indicator: { type: 'text' },
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ success: true });
    expect(fake.sentMessages()).toEqual([]);
    expect(fake.readReceipts()).toEqual(['wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=']);
  });

  it('answers a BSUID recipient with contacts[].user_id', async () => {
    const json = await readJson(await sendText('US.13491208655302741918'));
    expect(json.contacts).toEqual([{ input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' }]);
  });

  it('rejects a different Graph version when one is configured', async () => {
    const res = await fetch(`${fake.url}/v19.0/${PHONE_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(textMessage('1')),
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/^Unsupported post request/);
  });
});

describe('FakeGraphApi templates', () => {
  const templates = ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({
    id: String(100 + i),
    name: `tmpl_${name}`,
    language: 'en_US',
    status: i === 1 ? 'REJECTED' : 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: `Hello {{1}} ${name}` }],
  }));

  beforeEach(() => fake.setTemplates(FIXTURE_WABA_ID, templates));

  it('pages with limit and after, following paging.next to the end', async () => {
    const names: string[] = [];
    let next: string | undefined = graphUrl(`${FIXTURE_WABA_ID}/message_templates?limit=2`);
    let pages = 0;
    while (next) {
      const res: Response = await fetch(next, { headers: { authorization: `Bearer ${TOKEN}` } });
      const json = await readJson(res);
      expect(json.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
      names.push(...json.data.map((t: { name: string }) => t.name));
      next = json.paging.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(templates.map((t) => t.name));
  });

  it('resumes after a cursor given explicitly', async () => {
    const first = await readJson(await getGraph(`${FIXTURE_WABA_ID}/message_templates?limit=3`));
    const after = encodeURIComponent(first.paging.cursors.after);
    const second = await readJson(await getGraph(`${FIXTURE_WABA_ID}/message_templates?limit=3&after=${after}`));
    expect(second.data.map((t: { name: string }) => t.name)).toEqual(['tmpl_d', 'tmpl_e']);
    expect(second.paging.next).toBeUndefined();
  });

  it('filters on status', async () => {
    const json = await readJson(await getGraph(`${FIXTURE_WABA_ID}/message_templates?status=approved`));
    expect(json.data).toHaveLength(4);
  });

  it('answers an unknown WABA with Meta code 100', async () => {
    const res = await getGraph('999/message_templates');
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe(100);
  });
});

describe('FakeGraphApi fault injection', () => {
  it('fails the next matching request with Meta error JSON and Retry-After', async () => {
    fake.failNext({
      path: /\/messages$/,
      status: 429,
      error: { code: 130429, details: 'Cloud API message throughput has been reached.' },
      retryAfterSeconds: 7,
    });
    const res = await sendText('1');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await readJson(res)).toEqual({
      error: {
        message: '(#130429) Rate limit hit',
        type: 'OAuthException',
        code: 130429,
        error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
        fbtrace_id: expect.any(String),
      },
    });
    expect((await sendText('1')).status).toBe(200);
    expect(fake.sentMessages()).toHaveLength(1);
  });

  it('applies a fault `times` times and leaves non-matching paths alone', async () => {
    fake.failNext({ path: /\/messages$/, status: 500, times: 2 });
    fake.setTemplates(FIXTURE_WABA_ID, []);
    expect((await getGraph(`${FIXTURE_WABA_ID}/message_templates`)).status).toBe(200);
    expect((await sendText('1')).status).toBe(500);
    expect((await sendText('1')).status).toBe(500);
    expect((await sendText('1')).status).toBe(200);
  });

  it('consumes queued faults in FIFO order', async () => {
    fake.failNext({ status: 400, error: { code: 131047, message: 'Re-engagement message' } });
    fake.failNext({ status: 503, error: { code: 2 } });
    const first = await readJson(await sendText('1'));
    const second = await sendText('1');
    expect(first.error.code).toBe(131047);
    expect(first.error.message).toBe('(#131047) Re-engagement message');
    expect(second.status).toBe(503);
    expect((await readJson(second)).error.code).toBe(2);
  });

  it('hangs a request long enough for a client timeout, then still processes it', async () => {
    fake.hangNext({ path: /\/messages$/, ms: 2000 });
    // The client gives up once the fake holds the request (a state, not a guess at how long the trip takes).
    const patience = new AbortController();
    const sending = postJson(`${PHONE_ID}/messages`, textMessage('1'), TOKEN, { signal: patience.signal });
    await eventually(() => expect(fake.calls).toHaveLength(1));
    patience.abort();
    await expect(sending).rejects.toThrow();
    expect(fake.sentMessages()).toHaveLength(0);
    // Like Meta, a request the client gave up on may still have been accepted (waited for, not slept on).
    await eventually(() => expect(fake.sentMessages()).toHaveLength(1));
  });

  it('drops the connection to simulate a network error', async () => {
    fake.dropNext({ path: /\/messages$/ });
    // Matched by message: undici's TypeError comes from another realm than jest's.
    await expect(sendText('1')).rejects.toThrow('fetch failed');
    expect(fake.calls).toHaveLength(1);
    expect(fake.sentMessages()).toEqual([]);
    expect((await sendText('1')).status).toBe(200);
  });

  it('reset() clears calls, sends and pending faults', async () => {
    fake.failNext({ status: 500 });
    await sendText('1');
    fake.failNext({ status: 500 });
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect((await sendText('1')).status).toBe(200);
    expect(fake.sentMessages()).toHaveLength(1);
  });
});

describe('FakeGraphApi media', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

  it('describes registered media and serves it only with the Bearer token', async () => {
    fake.addMedia('1003383421387256', { bytes: png, mimeType: 'image/png' });
    const info = await readJson(await getGraph(`1003383421387256?phone_number_id=${PHONE_ID}`));
    expect(info).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(new RegExp(`^${fake.url}/whatsapp_business/attachments/\\?mid=1003383421387256&`)),
      mime_type: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      file_size: png.length,
      id: '1003383421387256',
    });

    expect((await fetch(info.url)).status).toBe(401);
    const download = await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  it('answers an unknown media id with Meta code 100', async () => {
    const res = await getGraph('424242');
    expect(res.status).toBe(400);
    const json = await readJson(res);
    expect(json.error.code).toBe(100);
    expect(json.error.message).toMatch(/^Unsupported get request\. Object with ID '424242' does not exist/);
  });

  it('deletes media', async () => {
    fake.addMedia('77', { bytes: png, mimeType: 'image/png' });
    const res = await fetch(graphUrl('77'), { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await readJson(res)).toEqual({ success: true });
    expect((await getGraph('77')).status).toBe(400);
  });

  it('accepts a multipart upload from FormData and makes the file downloadable', async () => {
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', 'image/png');
    form.append('file', new Blob([png], { type: 'image/png' }), 'dot.png');
    const res = await fetch(graphUrl(`${PHONE_ID}/media`), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const { id } = await readJson(res);
    expect(id).toMatch(/^\d+$/);
    expect(fake.uploads).toEqual([
      {
        id,
        phoneNumberId: PHONE_ID,
        bytes: png,
        mimeType: 'image/png',
        filename: 'dot.png',
        fields: { messaging_product: 'whatsapp', type: 'image/png' },
      },
    ]);

    const info = await readJson(await getGraph(id));
    const download = await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  it('keeps binary content that looks like a boundary intact', async () => {
    const boundary = 'XyZ123';
    // CRLF and a partial delimiter inside the file must not end the part.
    const bytes = Buffer.concat([Buffer.from('\r\n--XyZ12\r\n--'), png, Buffer.from('\r\n')]);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n`),
      Buffer.from('Content-Type: application/pdf\r\n\r\n'),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(graphUrl(`${PHONE_ID}/media`), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': `multipart/form-data; boundary="${boundary}"` },
      body,
    });
    expect(res.status).toBe(200);
    expect(fake.uploads[0]!.bytes).toEqual(bytes);
    expect(fake.uploads[0]!.mimeType).toBe('application/pdf');
  });

  it('rejects an upload without a file or without messaging_product', async () => {
    const noFile = new FormData();
    noFile.append('messaging_product', 'whatsapp');
    const noProduct = new FormData();
    noProduct.append('file', new Blob([png], { type: 'image/png' }), 'dot.png');
    for (const form of [noFile, noProduct]) {
      const res = await fetch(graphUrl(`${PHONE_ID}/media`), {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: form,
      });
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toBe(100);
    }
    expect(fake.uploads).toEqual([]);
  });
});

describe('meta-signature', () => {
  it('matches the whatsapp-api-js test vector (escaped unicode, app secret YOUR_APP_SECRET)', () => {
    const body = "Let's pretend this body is equal to the message object and can handle unicode characters like みどりいろ and J'ai mangé des pâtes";
    const escaped = escapeLikeMeta(body);
    expect(escaped).toContain('\\u307f\\u3069\\u308a\\u3044\\u308d');
    expect(escaped).toContain('mang\\u00e9 des p\\u00e2tes');
    expect(signMetaBody(escaped, 'YOUR_APP_SECRET')).toBe('sha256=0363007aabdf1ab579f35936651a460fb5fa1aaf40df98b1264446b72cc96688');
    expect(signMetaBody(Buffer.from(escaped), 'YOUR_APP_SECRET')).toBe(signMetaBody(escaped, 'YOUR_APP_SECRET'));
  });

  it('escapes slashes and astral characters while keeping the JSON equivalent', () => {
    const payload = { url: 'https://lookaside.fbsbx.com/a/b', emoji: '👍', body: 'a\\/b' };
    const escaped = escapeLikeMeta(JSON.stringify(payload));
    expect(escaped).toContain('https:\\/\\/lookaside.fbsbx.com\\/a\\/b');
    expect(escaped).toContain('\\ud83d\\udc4d');
    // eslint-disable-next-line no-control-regex -- the point: every character is 7-bit ASCII.
    expect(escaped).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse(escaped)).toEqual(payload);
    expect(escapeLikeMeta(escaped)).toBe(escaped);
  });
});

describe('WhatsApp fixtures', () => {
  const names = readdirSync(path.join(__dirname, '../fixtures/whatsapp'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));

  it.each(names)('%s is a full envelope on the shared test account', (name) => {
    const fixture = loadWhatsAppFixture(name);
    expect(fixture.object).toBe('whatsapp_business_account');
    expect(fixture.entry.length).toBeGreaterThan(0);
    for (const entry of fixture.entry) {
      expect(entry.id).toBe(FIXTURE_WABA_ID);
      for (const change of entry.changes) {
        expect(typeof change.field).toBe('string');
        if (change.value.metadata) {
          expect(change.value.metadata).toEqual({
            display_phone_number: FIXTURE_DISPLAY_PHONE_NUMBER,
            phone_number_id: FIXTURE_PHONE_NUMBER_ID,
          });
        }
      }
    }
  });

  it('returns a fresh deep copy on every load', () => {
    const first = loadWhatsAppFixture('message-text');
    first.entry[0].changes[0].value.messages[0].text.body = 'changed';
    expect(loadWhatsAppFixture('message-text.json').entry[0].changes[0].value.messages[0].text.body).toBe('Does it come in another color?');
  });

  it('signs the Meta-escaped form of a fixture', () => {
    const raw = escapeLikeMeta(JSON.stringify(JSON.parse(loadWhatsAppFixtureText('message-reaction'))));
    expect(raw).toContain('\\ud83d\\udc4d');
    expect(signMetaBody(raw, 's3cret')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
