/** BRIDGE_WINDOW_REMINDER_MINUTES and an account's windowReminderMinutes: minutes, 0 or off; the account's wins. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { BASE_ENV as ENV } from '../../support/config-env';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-reminder-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An environment naming a BRIDGE_CONFIG file with these accounts (each routed to the Slack channel). */
function withAccounts(accounts: Record<string, unknown>[], env: Record<string, string> = {}) {
  const file = path.join(dir, `accounts-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ accounts: accounts.map((a) => ({ slack: { channelId: 'C0123ABCD' }, ...a })) }));
  return { ...ENV, ...env, BRIDGE_CONFIG: file };
}

test('unset: an hour; a number of minutes; 0 and off switch it off', () => {
  expect(loadConfig(ENV).accounts[0]!.windowReminderMinutes).toBe(60);
  expect(loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: '90' }).accounts[0]!.windowReminderMinutes).toBe(90);
  expect(loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: '0' }).accounts[0]!.windowReminderMinutes).toBe(0);
  expect(loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: 'off' }).accounts[0]!.windowReminderMinutes).toBe(0);
  expect(loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: 'OFF' }).accounts[0]!.windowReminderMinutes).toBe(0);
});

test.each(['-5', '1440', '12.5', 'soon', '1h'])('BRIDGE_WINDOW_REMINDER_MINUTES=%s is refused, naming the variable', (value) => {
  expect(() => loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: value })).toThrow(ConfigError);
  expect(() => loadConfig({ ...ENV, BRIDGE_WINDOW_REMINDER_MINUTES: value })).toThrow(/BRIDGE_WINDOW_REMINDER_MINUTES: must be a number of minutes/);
});

test('an account’s windowReminderMinutes wins over the variable; without it the variable applies', () => {
  const env = withAccounts(
    [
      { name: 'shop', phoneNumberId: '106540352242922', windowReminderMinutes: 30 },
      { name: 'support', phoneNumberId: '106540352242923', windowReminderMinutes: 'off' },
      { name: 'sales', phoneNumberId: '106540352242924' },
    ],
    { BRIDGE_WINDOW_REMINDER_MINUTES: '45' },
  );
  expect(loadConfig(env).accounts.map((a) => [a.name, a.windowReminderMinutes])).toEqual([
    ['shop', 30],
    ['support', 0],
    ['sales', 45],
  ]);
});

test.each([[-1], [1440], [2.5], ['never'], [true]])('an account’s windowReminderMinutes of %p is refused, naming the account', (value) => {
  const env = withAccounts([{ name: 'shop', phoneNumberId: '106540352242922', windowReminderMinutes: value }]);
  expect(() => loadConfig(env)).toThrow(/accounts\.0\.windowReminderMinutes: must be a number of minutes.*\(account shop\)/);
});
