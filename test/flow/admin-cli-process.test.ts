/**
 * The compiled admin CLI as an operator runs it (`node dist/src/cli/admin.js`, what `npm run admin --` runs): exit
 * codes, stdout vs stderr, and a process that ends by itself after using the database (nothing left open).
 * Run `npm run build` first (npm test does).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGraphApi } from '../fakes/graph-api';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, uriWithDb } from '../support/child-bridge';
import { testEnv } from '../support/harness';
import { testMongoUri, uniqueDbName } from '../support/mongo';

const ROOT = join(__dirname, '..', '..');
const ADMIN = join(ROOT, 'dist', 'src', 'cli', 'admin.js');
const REQUEUE = join(ROOT, 'dist', 'src', 'cli', 'requeue.js');

function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const proc = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, DOTENV_CONFIG_PATH: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, out, err })));
}

beforeAll(() => {
  ensureBuilt();
  expect(existsSync(ADMIN)).toBe(true);
});

test('--help: the commands on stdout, exit 0', async () => {
  const r = await cli(ADMIN, ['--help']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^ {2}replay +re-ingest stored raw webhooks/m);
  expect(r.err).toBe('');
});

test('an unknown command or option: a clear line on stderr, exit 2', async () => {
  const unknown = await cli(ADMIN, ['frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain("unknown command 'frobnicate'");
  const option = await cli(ADMIN, ['export', '--since', '1h']);
  expect(option.code).toBe(2);
  expect(option.err).toContain("export: Unknown option '--since'");
  expect(option.out).toBe('');
});

test('a command on the database ends by itself; the `npm run requeue` alias too; bad configuration is exit 1', async () => {
  const [graph, slack] = await Promise.all([FakeGraphApi.start(), FakeSlackApi.start()]);
  try {
    const env = { ...testEnv(graph, slack), MONGODB_URI: uriWithDb(testMongoUri(), uniqueDbName('admin-process')) };
    const r = await cli(ADMIN, ['replay', '--since', '1h'], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 stored webhooks received from');
    const alias = await cli(REQUEUE, ['--all'], env);
    expect(alias.code).toBe(0);
    expect(alias.out).toBe('Nothing failed or paused in all conversations.\n');
    const aliasUsage = await cli(REQUEUE, []);
    expect(aliasUsage.code).toBe(2);
    expect(aliasUsage.err).toContain('usage: npm run requeue -- --all | --conversation');
    const config = await cli(ADMIN, ['replay', '--since', '1h'], { ...env, WHATSAPP_APP_SECRET: '' });
    expect(config.code).toBe(1);
    expect(config.err).toContain('WHATSAPP_APP_SECRET');
  } finally {
    await Promise.all([graph.close(), slack.close()]);
  }
  // Four Node processes, each loading the bridge's modules and opening the database: slow on a loaded machine.
}, 180_000);
