/**
 * The WhatsApp adapter's observed ports against the fake Graph API: each call is timed with its outcome, and a token
 * Meta refuses (190) is reported on any call — a send, a media lookup, the template list — while a call that works
 * reports the token taken. The token check treats any answer but a token error as "taken".
 */
import { Registry } from 'prom-client';
import { createWhatsAppAdapter } from '../../../../adapters/whatsapp';
import { graphOutcome } from '../../../../adapters/whatsapp/api-metrics';
import { DeliveryError } from '../../../../src/domain/errors';
import type { ApiCall } from '../../../../src/domain/ports/telemetry';
import { createLogger } from '../../../../src/logger';
import { FakeGraphApi } from '../../../fakes/graph-api';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../../../fixtures/whatsapp';

let graph: FakeGraphApi;
beforeAll(async () => {
  graph = await FakeGraphApi.start();
});
afterAll(() => graph.close());

function adapter() {
  const calls: ApiCall[] = [];
  const tokens: Array<[string, string]> = [];
  const a = createWhatsAppAdapter(
    { appSecret: 'app-secret-1', verifyToken: 'verify-token-1', graphApiUrl: graph.url, graphApiVersion: 'v23.0' },
    {
      inbound: { events: () => Promise.resolve(), quarantine: () => Promise.resolve() },
      whileDatabaseAnswers: (work) => work,
      metrics: new Registry(),
      apiCalls: (c) => calls.push(c),
      tokens: { refused: (t, why) => tokens.push(['refused', `${t} ${why.code}`]), accepted: (t) => tokens.push(['accepted', t]) },
      log: createLogger('silent'),
    },
  );
  return { a, calls, tokens };
}

const good = { phoneNumberId: FIXTURE_PHONE_NUMBER_ID, accessToken: 'test-access-token' };
const bad = { phoneNumberId: FIXTURE_PHONE_NUMBER_ID, accessToken: 'revoked-token-123' };

test('a refused token is reported from a send, a media lookup and the template list; a working call reports the token taken', async () => {
  const { a, calls, tokens } = adapter();
  await expect(a.sender.sendText(bad, { waId: '4915100000051' }, 'hello')).rejects.toMatchObject({ kind: 'needs_person' });
  await expect(a.media.download(bad, 'media-id-1')).rejects.toBeInstanceOf(DeliveryError);
  await expect(a.templates.list(bad, FIXTURE_WABA_ID)).rejects.toBeInstanceOf(DeliveryError);
  expect(tokens).toEqual([
    ['refused', 'revoked-token-123 190'],
    ['refused', 'revoked-token-123 190'],
    ['refused', 'revoked-token-123 190'],
  ]);
  expect(calls.map((c) => `${c.method} ${c.outcome}`)).toEqual(['send_text refused', 'media_download refused', 'list_templates refused']);
  expect(calls[0]!.problem).toMatch(/^190: /);
  expect(JSON.stringify(calls)).not.toContain('revoked-token-123');

  await a.sender.sendText(good, { waId: '4915100000051' }, 'hello');
  expect(tokens.at(-1)).toEqual(['accepted', 'test-access-token']);
  expect(calls.at(-1)).toMatchObject({ platform: 'whatsapp', method: 'send_text', outcome: 'ok' });
  expect(calls.at(-1)!.seconds).toBeGreaterThan(0);
});

test('the token check: a refused token rejects; any other answer of Meta means the token was taken', async () => {
  const { a, tokens } = adapter();
  await expect(a.tokenCheck.check(bad)).rejects.toMatchObject({ explanation: { code: '190' } });
  // The fake does not describe phone numbers (an unknown node: code 100): the token itself passed Meta's check.
  await expect(a.tokenCheck.check(good)).resolves.toBeUndefined();
  expect(tokens.map((t) => t[0])).toEqual(['refused', 'accepted']);
  expect(graph.calls.at(-1)).toMatchObject({ method: 'GET', path: `/v23.0/${FIXTURE_PHONE_NUMBER_ID}`, query: { fields: 'id' } });
});

test('outcomes: rate limits, outages and refusals are told apart', () => {
  const e = (kind: 'retryable' | 'permanent' | 'needs_person', code: string, retryAfterMs?: number) =>
    new DeliveryError(kind, { code, meaning: 'm', action: 'a' }, 'whatsapp', retryAfterMs);
  expect(graphOutcome(e('retryable', '130429'))).toBe('rate_limited');
  expect(graphOutcome(e('retryable', 'HTTP 503', 2000))).toBe('rate_limited');
  expect(graphOutcome(e('retryable', 'timeout'))).toBe('network');
  expect(graphOutcome(e('retryable', 'network'))).toBe('network');
  expect(graphOutcome(e('retryable', '131000'))).toBe('server_error');
  expect(graphOutcome(e('permanent', '131047'))).toBe('refused');
  expect(graphOutcome(e('needs_person', '190'))).toBe('refused');
  expect(graphOutcome(new Error('socket hang up'))).toBe('network');
});
