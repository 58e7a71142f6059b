/**
 * The outbox's own refusals in the agents' language (issue 11 point 9): English stays the words the code always had
 * (the logs read them), another language shows the `delivery` catalogue's words with the varying part in brackets;
 * a paused target is named in the language too.
 */
import type { AccountConfig } from '../../../../../src/config';
import type { OutboxJob } from '../../../../../src/domain/records';
import { t } from '../../../../../src/i18n';
import { it as italian } from '../../../../../src/i18n/catalogue/it';
import { vi as vietnamese } from '../../../../../src/i18n/catalogue/vi';
import { Accounts } from '../../../../../src/services/accounts';
import { outboxFailure } from '../../../../../src/services/outbox/failures';
import { OutboxNotices } from '../../../../../src/services/outbox/notices';
import type { NewJob, ParkedInfo } from '../../../../../src/domain/records';
import type { Store } from '../../../../../src/domain/store';
import { parkTarget, targetLabel } from '../../../../../src/services/outbox/targets';
import { explanationIn, failureNotice } from '../../../../../src/services/present/notices';

const noAccount = outboxFailure('no_account', 'noAccount', { meaning: 'number 123 is no longer configured', detail: '123' });

test('English keeps the code’s own words; the key and the detail ride along', () => {
  expect(noAccount).toEqual({
    code: 'no_account',
    meaning: 'number 123 is no longer configured',
    action: 'add it back to the configuration',
    key: 'delivery.failures.noAccount',
    detail: '123',
  });
  expect(explanationIn(noAccount, 'en')).toBe(noAccount);
  expect(outboxFailure('agent_replied', 'agentReplied')).toEqual({
    code: 'agent_replied',
    meaning: 'an agent replied in the conversation first',
    action: 'nothing',
    key: 'delivery.failures.agentReplied',
  });
});

test('another language shows the delivery area’s words, the detail in brackets, in the failure notice', () => {
  const f = italian.delivery.failures.noAccount;
  expect(explanationIn(noAccount, 'it')).toMatchObject({ meaning: `${f.meaning} (123)`, action: f.action });
  expect(failureNotice(noAccount, 'vi')).toContain(`${vietnamese.delivery.failures.noAccount.meaning} (123) (mã no_account)`);
});

test('an adapter’s key is still read under errors., and a key no area has leaves the English as it is', () => {
  const closed = { code: '131047', meaning: 'english', action: 'english action', key: 'whatsapp.e131047' };
  expect(explanationIn(closed, 'it').meaning).toBe(italian.errors.whatsapp.e131047.meaning);
  const unknown = { code: 'x', meaning: 'english', action: 'english action', key: 'delivery.failures.nothingLikeThis' };
  expect(explanationIn(unknown, 'it')).toBe(unknown);
});

test('a paused target is named in the language; the recorded label stays English', () => {
  const account = { name: 'Sales', phoneNumberId: '106', slack: { channelId: 'C9' } } as unknown as AccountConfig;
  const accounts = new Accounts([account]);
  const job = { _id: 'j', kind: 'whatsapp.send', lane: 'whatsapp:106:4915', payload: { accountId: '106' } } as unknown as OutboxJob;
  expect(parkTarget(accounts, job)).toEqual({ key: 'whatsapp:account:106', label: 'the WhatsApp number Sales (106)' });
  expect(parkTarget(accounts, job, 'slack')).toEqual({ key: 'slack:channel:C9', label: 'the Slack channel C9' });
  expect(targetLabel(accounts, 'whatsapp:account:106', 'it')).toBe('il numero WhatsApp Sales (106)');
  expect(targetLabel(accounts, 'slack:channel:C9', 'fr')).toBe(t('fr', 'delivery.targets.channel', { platform: 'Slack', channel: 'C9' }));
  expect(targetLabel(accounts, 'slack:channel:C9', 'en')).toBe('the Slack channel C9');
  expect(targetLabel(accounts, 'elsewhere', 'it')).toBeUndefined();
});

test('the paused notice in an Italian account’s channel names what waits in Italian', async () => {
  const account = { name: 'Sales', phoneNumberId: '106', language: 'it', slack: { channelId: 'C9' } } as unknown as AccountConfig;
  const posted: NewJob[] = [];
  const notices = new OutboxNotices(
    {} as Store,
    new Accounts([account]),
    Object.assign(async (jobs: NewJob[]) => void posted.push(...jobs), { wake: () => undefined }),
  );
  const job = { _id: 'j', kind: 'whatsapp.send', lane: 'whatsapp:106:4915', payload: { accountId: '106' } } as unknown as OutboxJob;
  const info: ParkedInfo = {
    target: 'whatsapp:account:106',
    label: 'the WhatsApp number Sales (106)',
    platform: 'whatsapp',
    code: '10',
    meaning: 'permission denied',
    action: 'check the permissions',
    since: new Date(),
  };
  await notices.parked(job, info);
  expect(posted).toHaveLength(1);
  const body = (posted[0]!.payload as { body: string }).body;
  expect(body).toContain('(il numero WhatsApp Sales (106))');
  expect(body).not.toContain('the WhatsApp number');
});
