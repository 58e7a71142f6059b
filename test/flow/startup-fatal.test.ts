/**
 * Clean fatal start-up (issue 9, point 10), through the compiled bridge as a child process: a token Slack or
 * Discord refuses, an unreachable database, a bad BRIDGE_CONFIG → one clear message naming the variable and what
 * to do, exit code 1, no stack trace, and the embedded database stopped. (A refused Slack token used to print the
 * right message, then `ReferenceError: Cannot access 'bridge' before initialization`, and skip the clean stop.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord } from '../fakes/discord';
import { FakeGraphApi } from '../fakes/graph-api';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, uriWithDb } from '../support/child-bridge';
import { testMongoUri, uniqueDbName } from '../support/mongo';
import { startTcpProxy } from '../support/db-proxy';
import { testEnv } from '../support/harness';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** Runs the bridge with exactly this environment until it exits by itself. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, output })));
}

function expectCleanFatal(r: { code: number | null; output: string }, variable: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.output).toMatch(variable);
  expect(r.output).not.toMatch(/\n\s+at \S/); // a stack frame
  expect(r.output).not.toContain('"stack"'); // a logged error with its stack
  expect(r.output).not.toMatch(/ReferenceError|TypeError|UnhandledPromiseRejection/);
}

let graph: FakeGraphApi;
let slack: FakeSlackApi;
beforeAll(async () => {
  ensureBuilt();
  graph = await FakeGraphApi.start();
  slack = await FakeSlackApi.start();
});
afterAll(async () => {
  await Promise.all([graph.close(), slack.close()]);
});

test('a Slack token Slack refuses (invalid_auth): exit 1, SLACK_BOT_TOKEN named, no stack trace', async () => {
  slack.failNext({ method: 'auth.test', error: 'invalid_auth' });
  const r = await runToExit(testEnv(graph, slack));
  expectCleanFatal(r, /SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
  expect(r.output).toMatch(/"msg":"stopped"/); // the clean stop ran
}, 60_000);

test('a refused Slack token while start-up is still waiting for a slow database: no ReferenceError, the clean stop runs', async () => {
  // auth.test is refused at once while the outbox and bulk-send recovery still wait for the database: the fatal
  // error arrives before startBridge returns (it used to reach `bridge` in its temporal dead zone).
  const proxy = await startTcpProxy(testMongoUri(), { delayMs: 150 });
  try {
    slack.failNext({ method: 'auth.test', error: 'invalid_auth' });
    const r = await runToExit(testEnv(graph, slack, { MONGODB_URI: uriWithDb(proxy.uri, uniqueDbName('fatal-slow')) }));
    expectCleanFatal(r, /SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
    expect(r.output).toMatch(/"msg":"stopped"/);
  } finally {
    await proxy.close();
  }
}, 90_000);

test('the same with the embedded database: it is stopped before the exit', async () => {
  slack.failNext({ method: 'auth.test', error: 'invalid_auth' });
  const env = testEnv(graph, slack, { DATA_DIR: mkdtempSync(join(tmpdir(), 'wa-bridge-fatal-')) });
  delete (env as Record<string, string | undefined>).MONGODB_URI;
  const r = await runToExit(env);
  expectCleanFatal(r, /SLACK_BOT_TOKEN/);
  expect(r.output).toMatch(/embedded database stopped/);
}, 90_000);

test('a Discord token Discord refuses: exit 1, DISCORD_BOT_TOKEN named, no stack trace', async () => {
  const discord = await FakeDiscord.start();
  try {
    const env = testEnv(graph, slack);
    for (const k of Object.keys(env)) if (k.startsWith('SLACK_')) delete env[k];
    Object.assign(env, {
      DISCORD_BOT_TOKEN: 'not-the-right-token-at-all-0000',
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_CHANNEL_ID: '1110000000000000001',
      DISCORD_API_URL: discord.apiUrl,
    });
    const r = await runToExit(env);
    expectCleanFatal(r, /DISCORD_BOT_TOKEN was refused by Discord/);
  } finally {
    await discord.close();
  }
}, 60_000);

test('an unreachable MONGODB_URI (a closed port): exit 1, MONGODB_URI named with what to do, no stack trace', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const r = await runToExit(testEnv(graph, slack, { MONGODB_URI: `mongodb://bridge:s3cret-password@127.0.0.1:${port}/bridge` }));
  expectCleanFatal(r, /MONGODB_URI: cannot connect to the database at 127\.0\.0\.1:\d+ .*Start MongoDB there, or set MONGODB_URI/);
  expect(r.output).not.toContain('s3cret-password');
}, 60_000);

test.each([
  ['not JSON', '{"accounts": ['],
  ['not the expected shape', '{"accounts": [{"phoneNumberId": 42}]}'],
])('a BRIDGE_CONFIG file that is %s: exit 1, BRIDGE_CONFIG named, no stack trace', async (_label, content) => {
  const file = join(mkdtempSync(join(tmpdir(), 'wa-bridge-config-')), 'accounts.json');
  writeFileSync(file, content);
  const r = await runToExit(testEnv(graph, slack, { BRIDGE_CONFIG: file }));
  expectCleanFatal(r, /BRIDGE_CONFIG/);
});

test('a BRIDGE_CONFIG that names no file: exit 1, BRIDGE_CONFIG named', async () => {
  const r = await runToExit(testEnv(graph, slack, { BRIDGE_CONFIG: '/nonexistent/accounts.json' }));
  expectCleanFatal(r, /BRIDGE_CONFIG: cannot read \/nonexistent\/accounts\.json/);
});
