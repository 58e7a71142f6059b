/** Discord REST calls are labelled by route without ids, tokens or emoji, and their outcome read from the error. */
import { DiscordAPIError, HTTPError } from 'discord.js';
import { discordOutcome, routeLabel } from '../../../../adapters/discord/api-metrics';

test('route labels keep the route and drop every id, interaction token and emoji', () => {
  expect(routeLabel('POST', '/channels/1234567890123456789/messages')).toBe('POST /channels/:id/messages');
  expect(routeLabel('PUT', '/channels/1234567890123456789/messages/1234567890123456780/reactions/%F0%9F%91%8D/@me')).toBe(
    'PUT /channels/:id/messages/:id/reactions/:id/@me',
  );
  expect(routeLabel('PATCH', '/webhooks/1234567890123456789/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTp0b2tlbg/messages/@original')).toBe(
    'PATCH /webhooks/:id/:id/messages/@original',
  );
  expect(routeLabel('GET', '/gateway/bot')).toBe('GET /gateway/bot');
});

test('outcomes: 429, 5xx, other refusals and no answer', () => {
  const api = (status: number) => new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, status, 'POST', '/x', {});
  expect(discordOutcome(api(403))).toBe('refused');
  expect(discordOutcome(api(429))).toBe('rate_limited');
  expect(discordOutcome(new HTTPError(503, 'Service Unavailable', 'POST', '/x', {}))).toBe('server_error');
  expect(discordOutcome(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('network');
});

test('observeRest sees the calls discord.js makes through its REST manager', async () => {
  const { createServer } = await import('node:http');
  const { REST } = await import('discord.js');
  const { observeRest } = await import('../../../../adapters/discord/api-metrics');
  const server = createServer((req, res) => {
    const missing = req.url?.includes('/channels/');
    res.writeHead(missing ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(missing ? { code: 10003, message: 'Unknown Channel' } : { url: 'wss://gateway.invalid', shards: 1 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const calls: Array<{ method: string; outcome: string }> = [];
  try {
    const rest = new REST({ api: `http://127.0.0.1:${(server.address() as { port: number }).port}`, retries: 0 }).setToken('bot-token-1');
    observeRest(rest, ({ method, outcome }) => calls.push({ method, outcome }));
    await rest.get('/gateway/bot');
    await expect(rest.post('/channels/1234567890123456789/messages', { body: { content: 'x' } })).rejects.toThrow('Unknown Channel');
  } finally {
    server.close();
  }
  expect(calls).toEqual([
    { method: 'GET /gateway/bot', outcome: 'ok' },
    { method: 'POST /channels/:id/messages', outcome: 'refused' },
  ]);
});
