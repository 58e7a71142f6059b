/**
 * `npm run doctor` against the fakes (issue 12): every check over the real HTTP clients (GraphClient, @slack/web-api,
 * discord.js REST); each failing check is named with its fix and the exit code is 1; a correct setup exits 0.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OverwriteType, PermissionFlagsBits } from 'discord.js';
import { runAdmin } from '../../src/cli/admin';
import { runDoctorCli } from '../../src/cli/doctor';
import { DISCORD_TEXT_CHANNEL } from '../support/discord-harness';
import { startDoctorFakes, type DoctorFakes } from '../support/doctor';
import { CHANNEL } from '../support/harness';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../fixtures/whatsapp';

let f: DoctorFakes;
afterEach(async () => {
  await f.close();
});

async function doctor(env = f.env): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const code = await runDoctorCli(env, (t) => out.push(t));
  return { code, text: out.join('\n') };
}

/** The ❌ line of a check and the fix printed under it. */
function failure(text: string, check: string): { line: string; fix: string } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(`❌ ${check}:`));
  if (i < 0) throw new Error(`no ❌ ${check} in:\n${text}`);
  return { line: lines[i]!, fix: lines[i + 1]!.startsWith('      → fix: ') ? lines[i + 1]! : '' };
}

test('a correct setup: every check ✅, exit code 0', async () => {
  f = await startDoctorFakes();
  const { code, text } = await doctor();
  expect(text).not.toContain('❌');
  expect(code).toBe(0);
  for (const check of [
    'access token valid',
    'token expiry: never expires',
    'token permissions',
    'phone number',
    'number status: CONNECTED',
    'quality rating: GREEN',
    'messaging limit: TIER_1K',
    'app Live',
    'WhatsApp Business Account',
    'app subscribed to the account',
    'webhook fields',
    'webhook to paste',
    'bot token',
    'bot scopes',
    `channel ${CHANNEL}`,
    'Message Content intent',
    'server',
    `channel ${DISCORD_TEXT_CHANNEL}`,
    'permissions in #wa-inbox',
  ])
    expect(text).toContain(`✅ ${check}`);
  expect(text).toContain('Callback URL https://<your public host>/webhooks/whatsapp · Verify token test-verify-token');
  expect(text).toMatch(/All \d+ checks passed\./);
  // The token inspected itself, and the app's webhook was read with the app access token.
  expect(f.graph.calls.find((c) => c.path === '/v23.0/debug_token')?.query.input_token).toBe('test-access-token');
  expect(f.graph.calls.find((c) => c.path.endsWith('/subscriptions'))?.headers.authorization).toBe(`Bearer ${f.graph.app.id}|${f.graph.app.secret}`);
});

test('an expired token (190): named with the permanent system-user token fix, exit code 1', async () => {
  f = await startDoctorFakes();
  f.graph.expireToken();
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'access token valid');
  expect(line).toContain('Graph error 190: the access token has expired');
  expect(fix).toContain('Admin system user');
  expect(fix).toContain('Token expiration: Never');
  // Nothing else of WhatsApp is asked with a refused token, but what to paste is still shown.
  expect(text).not.toContain('phone number:');
  expect(text).toContain('✅ webhook to paste');
});

test('a token expiring tomorrow, and one without whatsapp_business_management', async () => {
  f = await startDoctorFakes();
  f.graph.setTokenInfo({ expires_at: Math.floor(Date.now() / 1000) + 20 * 3600, scopes: ['whatsapp_business_messaging'] });
  const { code, text } = await doctor();
  expect(code).toBe(1);
  expect(failure(text, 'token expiry').line).toMatch(/in (19|20) h/);
  expect(failure(text, 'token expiry').fix).toContain('Token expiration: Never');
  expect(failure(text, 'token permissions').line).toContain('missing whatsapp_business_management');
});

test('the app is not subscribed to the WABA: named, with the subscribed_apps call as the fix', async () => {
  f = await startDoctorFakes();
  f.graph.addPhoneNumber(FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID, { subscribed: false });
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'app subscribed to the account');
  expect(line).toContain(`is not subscribed to ${FIXTURE_WABA_ID}`);
  expect(fix).toContain(`/${FIXTURE_WABA_ID}/subscribed_apps`);
});

test('the app is not Live (a SANDBOX number): 131030 named, with the Live switch and the test list as the fix', async () => {
  f = await startDoctorFakes();
  f.graph.addPhoneNumber(FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID, { account_mode: 'SANDBOX' });
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'app Live');
  expect(line).toContain('131030');
  expect(fix).toContain('App Mode: Live');
  expect(fix).toContain('test list');
});

test('the webhook misses a field the bridge reads, or points elsewhere', async () => {
  f = await startDoctorFakes();
  f.graph.setApp({ webhook: { callback_url: 'https://bridge.example.com/webhooks/whatsapp', active: true, fields: ['messages'] } });
  let res = await doctor();
  expect(res.code).toBe(1);
  expect(failure(res.text, 'webhook fields').line).toContain('not subscribed to message_template_status_update');
  f.graph.setApp({ webhook: { callback_url: 'https://old-host.example.com/hook', active: true, fields: ['messages', 'message_template_status_update'] } });
  res = await doctor();
  expect(failure(res.text, 'webhook fields').line).toContain('https://old-host.example.com/hook');
  expect(failure(res.text, 'webhook fields').fix).toContain('/webhooks/whatsapp');
});

test('a number not listed by the configured WABA, a number not CONNECTED and a RED rating', async () => {
  f = await startDoctorFakes();
  f.graph.addPhoneNumber(FIXTURE_PHONE_NUMBER_ID, '109999999999999', { status: 'DISCONNECTED', quality_rating: 'RED' });
  const { code, text } = await doctor();
  expect(code).toBe(1);
  expect(failure(text, 'WhatsApp Business Account').line).toContain(`${FIXTURE_WABA_ID} does not list the number`);
  expect(failure(text, 'number status').line).toContain('DISCONNECTED');
  expect(failure(text, 'quality rating').line).toContain('RED');
});

test('error 100 on the number (Odoo FAQ: an Employee system user) is named with the Admin system user fix', async () => {
  f = await startDoctorFakes();
  f.graph.failNext({ path: new RegExp(`/${FIXTURE_PHONE_NUMBER_ID}$`), status: 400, error: { code: 100 } });
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'phone number');
  expect(line).toContain('Employee system user');
  expect(fix).toContain('create an Admin system user');
});

test('the Slack bot is not in the channel: named, with /invite as the fix', async () => {
  f = await startDoctorFakes();
  f.slack.removeBot(CHANNEL);
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, `channel ${CHANNEL}`);
  expect(line).toContain('is not a member of #whatsapp');
  expect(fix).toContain('/invite @');
});

test('a Slack scope of the manifest not granted: named, with reinstalling as the fix', async () => {
  f = await startDoctorFakes();
  f.slack.setScopes(['chat:write', 'chat:write.customize', 'reactions:write', 'users:read', 'channels:history', 'commands']);
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'bot scopes');
  expect(line).toContain('missing reactions:read, groups:history, files:read, files:write, usergroups:read, channels:read, groups:read');
  expect(fix).toContain('Reinstall to Workspace');
});

test('a Discord permission missing in the channel (an overwrite denies Read Message History): named, with the fix', async () => {
  f = await startDoctorFakes();
  f.discord.setOverwrites(DISCORD_TEXT_CHANNEL, [
    { id: f.discord.botRole.id, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.AddReactions) },
  ]);
  const { code, text } = await doctor();
  expect(code).toBe(1);
  const { line, fix } = failure(text, 'permissions in #wa-inbox');
  expect(line).toContain('missing Read Message History');
  expect(line).toContain('Add Reactions');
  expect(fix).toContain('allow Read Message History, Add Reactions');
});

test('Discord without the Message Content intent, and a wrong bot token', async () => {
  f = await startDoctorFakes({ discordIntents: 0 });
  let res = await doctor();
  expect(res.code).toBe(1);
  expect(failure(res.text, 'Message Content intent').fix).toContain('Message Content Intent');
  res = await doctor({ ...f.env, DISCORD_BOT_TOKEN: 'not-the-right-token-at-all-000' });
  expect(failure(res.text, 'bot token').line).toContain('401');
  expect(failure(res.text, 'bot token').fix).toContain('Reset Token');
});

test('`npm run admin -- doctor` runs the same checks with the same exit codes', async () => {
  f = await startDoctorFakes({ discordIntents: 0 });
  const admin = async (env: Record<string, string | undefined>) => {
    const out: string[] = [];
    const code = await runAdmin(['doctor'], { env, io: { out: (l) => out.push(l), err: (l) => out.push(l) } });
    return { code, text: out.join('\n') };
  };
  let res = await admin(f.env);
  expect(res.code).toBe(1);
  expect(failure(res.text, 'Message Content intent').fix).toContain('Message Content Intent');
  await f.close();
  f = await startDoctorFakes();
  res = await admin(f.env);
  expect(res.text).not.toContain('❌');
  expect(res.code).toBe(0);
});

test('an invalid configuration is one ❌ line naming the variable, exit code 1', async () => {
  f = await startDoctorFakes();
  const { code, text } = await doctor({ ...f.env, BRIDGE_ADMINS: 'alice' });
  expect(code).toBe(1);
  expect(text).toContain('❌ configuration');
  expect(text).toContain('BRIDGE_ADMINS');
});

describe('the compiled command (`npm run doctor` runs dist/src/cli/doctor.js)', () => {
  const root = path.join(__dirname, '..', '..');
  const cli = path.join(root, 'dist', 'src', 'cli', 'doctor.js');
  beforeAll(() => {
    // `npm test` builds first; a lone `npx jest` run builds here (incrementally: scripts/build.mjs).
    if (!existsSync(cli)) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  });

  function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    const proc = spawn(process.execPath, [cli], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, DOTENV_CONFIG_PATH: '/nonexistent' },
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })));
  }

  test('exit code 0 when every check passes, 1 when one fails', async () => {
    f = await startDoctorFakes();
    const good = await run(f.env);
    expect(good.out).toMatch(/All \d+ checks passed\./);
    expect(good.code).toBe(0);
    f.graph.expireToken();
    const bad = await run(f.env);
    expect(bad.out).toContain('❌ access token valid');
    expect(bad.code).toBe(1);
  });
});
