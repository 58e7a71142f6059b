/** BRIDGE_ADMINS: the chat user ids that may run `/wa doctor`; each entry checked, unset is nobody. */
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { BASE_ENV as ENV } from '../../support/config-env';

test('unset or empty: nobody is an admin', () => {
  expect(loadConfig(ENV).admins ?? []).toEqual([]);
  expect(loadConfig({ ...ENV, BRIDGE_ADMINS: '' }).admins ?? []).toEqual([]);
});

test('Slack and Discord user ids, comma-separated, spaces dropped', () => {
  expect(loadConfig({ ...ENV, BRIDGE_ADMINS: 'U0ADMIN01, 300000000000000042' }).admins).toEqual(['U0ADMIN01', '300000000000000042']);
});

test('a name instead of an id is refused, naming the variable', () => {
  expect(() => loadConfig({ ...ENV, BRIDGE_ADMINS: 'U0ADMIN01,@alice' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...ENV, BRIDGE_ADMINS: '@alice' })).toThrow(/BRIDGE_ADMINS/);
});
