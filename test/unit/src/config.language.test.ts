/** BRIDGE_LANGUAGE and an account's `language` in BRIDGE_CONFIG (issue 11 point 9): known languages only, each mistake named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { Accounts } from '../../../src/services/accounts';
import { BASE_ENV as ENV } from '../../support/config-env';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-config-language-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileEnv(accounts: Record<string, unknown>[], name: string): Record<string, string> {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ accounts }));
  const { WHATSAPP_PHONE_NUMBER_ID: _id, SLACK_CHANNEL_ID: _channel, ...rest } = ENV;
  return { ...rest, BRIDGE_CONFIG: file };
}

const sales = { name: 'sales', phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' } };
const support = { name: 'support', phoneNumberId: '106540352242923', slack: { channelId: 'C0123ABCE' } };

test('unset: English, and the configuration keeps its shape (no language recorded)', () => {
  const c = loadConfig(ENV);
  expect(c.language).toBeUndefined();
  expect(c.accounts[0]!.language).toBeUndefined();
  expect(new Accounts(c.accounts, c.language).language(c.accounts[0])).toBe('en');
});

test('BRIDGE_LANGUAGE sets the language of the env account and of every file account without its own', () => {
  const c = loadConfig({ ...ENV, BRIDGE_LANGUAGE: 'vi' });
  expect(c.language).toBe('vi');
  expect(c.accounts[0]!.language).toBe('vi');
  const file = loadConfig({ ...fileEnv([sales, { ...support, language: 'it' }], 'mixed'), BRIDGE_LANGUAGE: 'fr' });
  expect(file.accounts.map((a) => [a.name, a.language])).toEqual([
    ['sales', 'fr'],
    ['support', 'it'],
  ]);
  const accounts = new Accounts(file.accounts, file.language);
  expect(accounts.channelLanguage('slack', 'C0123ABCE')).toBe('it');
  expect(accounts.channelLanguage('slack', 'C0NOTOURS')).toBe('fr');
});

test('an unknown BRIDGE_LANGUAGE stops start-up naming the variable and the languages there are', () => {
  expect(() => loadConfig({ ...ENV, BRIDGE_LANGUAGE: 'de' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...ENV, BRIDGE_LANGUAGE: 'de' })).toThrow(/BRIDGE_LANGUAGE: must be one of en, it, fr, vi/);
  // A locale tag is not a language of the catalogue either: one spelling, the catalogue's file names.
  expect(() => loadConfig({ ...ENV, BRIDGE_LANGUAGE: 'it-IT' })).toThrow(/BRIDGE_LANGUAGE/);
});

test('an account with an unknown language stops start-up naming the account', () => {
  const env = fileEnv([sales, { ...support, language: 'klingon' }], 'unknown');
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(/accounts\.1\.language: must be one of en, it, fr, vi.*\(account support\)/);
});
