/** runDoctor: one section per account and per chat platform, a throwing check is a ❌; the report's text format. */
import { loadConfig } from '../../../../src/config';
import { formatDoctorReport, runDoctor, type DoctorDeps } from '../../../../src/doctor';
import { BASE_ENV as ENV } from '../../../support/config-env';
import { failed, passed } from '../../../support/doctor';

test('every check passes: ok, and the text ends with the count', async () => {
  const deps: DoctorDeps = {
    whatsapp: async (account) => [passed('access token valid', `for ${account.phoneNumberId}`)],
    chats: { slack: async (_settings, destinations) => destinations.map((d) => passed(`channel ${d.channelId}`, 'can post')) },
  };
  const report = await runDoctor(loadConfig(ENV), deps);
  expect(report.ok).toBe(true);
  expect(report.sections.map((s) => s.title)).toEqual(['WhatsApp · default (106540352242922)', 'Slack']);
  expect(formatDoctorReport(report)).toBe(
    [
      'WhatsApp · default (106540352242922)',
      '  ✅ access token valid: for 106540352242922',
      'Slack',
      '  ✅ channel C0123ABCD: can post',
      'All 2 checks passed.',
    ].join('\n'),
  );
});

test('a failed check prints its fix under it; a check that throws becomes a ❌ line; chat bolds the titles', async () => {
  const deps: DoctorDeps = {
    whatsapp: async () => [failed('token expiry', 'expired', 'renew it')],
    chats: {
      slack: async () => {
        throw new Error('socket hang up');
      },
    },
  };
  const report = await runDoctor(loadConfig(ENV), deps);
  expect(report.ok).toBe(false);
  const text = formatDoctorReport(report, { chat: true });
  expect(text).toContain('*WhatsApp · default (106540352242922)*\n  ❌ token expiry: expired\n      → fix: renew it');
  expect(text).toContain('*Slack*\n  ❌ checks ran: the checks stopped: socket hang up');
  expect(text).toMatch(/2 of 2 checks failed\.$/);
});
