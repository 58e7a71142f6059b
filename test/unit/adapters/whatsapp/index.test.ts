/**
 * WhatsApp is one adapter (issue 8, point 2): the core (src/) names none of Meta's protocol, and reaches
 * adapters/whatsapp only through `createWhatsAppAdapter`, in the composition root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Registry } from 'prom-client';
import { createWhatsAppAdapter } from '../../../../adapters/whatsapp';
import { WEBHOOK_PATH } from '../../../../adapters/whatsapp/webhook';
import { createLogger } from '../../../../src/logger';

const root = join(__dirname, '../../../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

test('no file of src/ speaks Meta’s webhook protocol', () => {
  // The verification handshake's parameters and the signature header (Meta's "Webhooks: Getting Started" page).
  const protocol = /hub\.(mode|verify_token|challenge)|x-hub-signature/i;
  const offenders = sources(join(root, 'src')).filter((f) => protocol.test(readFileSync(f, 'utf8')));
  expect(offenders.map((f) => relative(root, f))).toEqual([]);
});

test('src/ imports adapters/whatsapp only in composition roots (bridge.ts, the admin CLI commands), and only its index; config.ts its config fragment', () => {
  const imports = sources(join(root, 'src')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/from '([^']*adapters\/whatsapp[^']*)'/g)].map((m) => `${relative(root, f)} → ${m[1]}`),
  );
  expect(imports).toContain('src/bridge.ts → ../adapters/whatsapp');
  // src/config.ts feeds every fragment from process.env (the chat platforms' through adapters/registry.ts).
  expect(imports).toContain('src/config.ts → ../adapters/whatsapp/config');
  const elsewhere = imports.filter(
    (i) =>
      !/^(src\/bridge\.ts → \.\.|src\/cli\/commands\/[a-z-]+\.ts → \.\.\/\.\.\/\.\.)\/adapters\/whatsapp$/.test(i) &&
      i !== 'src/config.ts → ../adapters/whatsapp/config',
  );
  expect(elsewhere).toEqual([]);
});

test('the adapter hands over its webhook routes (with their body limit) and every port the core uses', () => {
  const registry = new Registry();
  const adapter = createWhatsAppAdapter(
    { appSecret: 'app-secret-1', verifyToken: 'verify-token-1', graphApiUrl: 'http://127.0.0.1:9', graphApiVersion: 'v23.0' },
    {
      inbound: { events: () => Promise.resolve(), quarantine: () => Promise.resolve() },
      whileDatabaseAnswers: (work) => work,
      metrics: registry,
      log: createLogger('silent'),
    },
  );
  expect(WEBHOOK_PATH).toBe('/webhooks/whatsapp');
  expect(adapter.routes.bodyLimits).toEqual([{ method: 'POST', path: WEBHOOK_PATH, maxBytes: 4 * 1024 * 1024 }]);
  expect(typeof adapter.routes.router).toBe('function');
  for (const f of ['sendText', 'sendTemplate', 'explain'] as const) expect(typeof adapter.sender[f]).toBe('function');
  for (const f of ['download', 'upload', 'sendMedia', 'sendReaction'] as const) expect(typeof adapter.media[f]).toBe('function');
  expect(typeof adapter.templates.list).toBe('function');
  expect(adapter.accountEvents.noticeFields.has('message_template_status_update')).toBe(true);
  expect(adapter.accountEvents.templateEventInfo('account_update', {})).toBeUndefined();
  // The webhook's counters live on the registry it was given (docs/operations.md names them).
  expect(
    registry
      .getMetricsAsArray()
      .map((m) => m.name)
      .sort(),
  ).toEqual(['whatsapp_bridge_webhook_events_quarantined_total', 'whatsapp_bridge_webhook_events_total', 'whatsapp_bridge_webhook_requests_total']);
});
