/** Pacing, template webhook reading and meanings, and the template settings of the configuration. */
import { templateEventInfo } from '../../adapters/whatsapp/account-events';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/domain/errors';
import { parseRecipientsCsv, RecipientsCsvError } from '../../src/services/templates/csv';
import { SendPacer } from '../../src/services/templates/pacing';
import { qualityMeaning, statusMeaning } from '../../src/services/templates/status';
import { loadWhatsAppFixture } from '../fixtures/whatsapp';

describe('SendPacer', () => {
  /** A virtual clock: sleeping advances it, so the schedule is exact. */
  function clock() {
    let t = 0;
    const log: number[] = [];
    return { now: () => t, sleep: async (ms: number) => void (t += ms), log, at: () => t };
  }

  test('throughput: sends from one number are spaced 1000/rate ms apart', async () => {
    const c = clock();
    const pacer = new SendPacer({ perSecond: () => 4, pairIntervalMs: 6000, now: c.now, sleep: c.sleep });
    const times: number[] = [];
    for (const to of ['a', 'b', 'c', 'd', 'e']) {
      await pacer.acquire('n1', to);
      times.push(c.at());
    }
    expect(times).toEqual([0, 250, 500, 750, 1000]);
  });

  test('pair rate: the same customer waits 6 s; another number is not held up by it', async () => {
    const c = clock();
    const pacer = new SendPacer({ perSecond: () => 80, pairIntervalMs: 6000, now: c.now, sleep: c.sleep });
    await pacer.acquire('n1', 'a');
    await pacer.acquire('n1', 'a');
    expect(c.at()).toBe(6000);
    await pacer.acquire('n2', 'a');
    expect(c.at()).toBe(6000);
  });

  test('concurrent callers each get their own slot', async () => {
    const t = 0;
    const waits: number[] = [];
    const pacer = new SendPacer({ perSecond: () => 10, pairIntervalMs: 6000, now: () => t, sleep: async (ms) => void waits.push(ms) });
    await Promise.all(['a', 'b', 'c'].map((to) => pacer.acquire('n1', to)));
    expect(waits).toEqual([100, 200]);
  });
});

describe('template webhooks (Meta’s examples) and what they mean', () => {
  const value = (fixture: string) => loadWhatsAppFixture(fixture).entry[0].changes[0].value;

  test('status REJECTED with rejection_info', () => {
    const info = templateEventInfo('message_template_status_update', value('template-status-rejected'));
    expect(info).toEqual({
      metaId: '1689556908129835',
      name: 'abandoned_cart',
      language: 'en',
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
      recommendation: 'Separate parameters with descriptive text and ensure each parameter is clearly contextualized.',
      detail: 'Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.',
      category: 'MARKETING',
    });
    expect(statusMeaning('REJECTED', info!)).toMatch(/^It cannot be sent\. Meta’s reason: INVALID_FORMAT\./);
  });

  test('quality and category updates; other fields are not templates', () => {
    expect(templateEventInfo('message_template_quality_update', value('template-quality-update'))).toEqual({
      metaId: '806312974732579',
      name: 'welcome_template',
      language: 'en-US',
      quality: 'YELLOW',
      previousQuality: 'GREEN',
    });
    expect(templateEventInfo('template_category_update', value('template-category-update'))).toEqual({
      metaId: '12345678',
      name: 'my_message_template',
      language: 'he',
      category: 'MARKETING',
      previousCategory: undefined,
    });
    expect(templateEventInfo('account_update', value('account-update-restriction'))).toBeUndefined();
  });

  test.each([
    ['APPROVED', /can be sent now/],
    ['PAUSED', /cannot be sent until Meta lifts the pause.*132015/],
    ['DISABLED', /can no longer be sent \(sends fail with 132016\)/],
    ['PENDING', /cannot be sent until it is approved/],
    ['IN_APPEAL', /under appeal/],
    ['PENDING_DELETION', /deleted/],
  ])('%s', (status, meaning) => {
    expect(statusMeaning(status)).toMatch(meaning);
  });

  test('quality RED warns about pausing', () => {
    expect(qualityMeaning('RED')).toMatch(/Meta may pause it/);
  });
});

describe('configuration', () => {
  const base = {
    WHATSAPP_APP_SECRET: 'app-secret-123',
    WHATSAPP_VERIFY_TOKEN: 'verify-token-123',
    WHATSAPP_ACCESS_TOKEN: 'EAAG-access-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_SIGNING_SECRET: 'signing-secret-123',
    SLACK_CHANNEL_ID: 'C0123ABCD',
  };
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('no error');
  };

  test('defaults: no schedule set (the service uses 15 minutes), anyone may send, Meta’s throughput', () => {
    const c = loadConfig(base);
    expect(c.templateSyncMinutes).toBeUndefined();
    expect(c.messagesPerSecond).toBeUndefined();
    expect(c.accounts[0]!.templateSenders).toBeUndefined();
  });

  test('TEMPLATE_SYNC_MINUTES, TEMPLATE_SENDERS and WHATSAPP_MESSAGES_PER_SECOND are read', () => {
    const c = loadConfig({
      ...base,
      TEMPLATE_SYNC_MINUTES: '5',
      TEMPLATE_SENDERS: 'U0AGENT01, S0SUPPORT1,123456789012345678',
      WHATSAPP_MESSAGES_PER_SECOND: '20',
    });
    expect(c.templateSyncMinutes).toBe(5);
    expect(c.messagesPerSecond).toBe(20);
    expect(c.accounts[0]!.templateSenders).toEqual(['U0AGENT01', 'S0SUPPORT1', '123456789012345678']);
  });

  test('bad values name the variable', () => {
    expect(problem({ ...base, TEMPLATE_SYNC_MINUTES: 'often' })).toMatch(/TEMPLATE_SYNC_MINUTES: /);
    expect(problem({ ...base, TEMPLATE_SYNC_MINUTES: '-1' })).toMatch(/TEMPLATE_SYNC_MINUTES: must be 0 \(no schedule\) or more minutes/);
    expect(problem({ ...base, TEMPLATE_SENDERS: 'ana' })).toMatch(
      /TEMPLATE_SENDERS.0: each entry must be a Slack user id \(U…\), a Slack user-group id \(S…\) or a Discord user id/,
    );
  });
});

describe('parseRecipientsCsv', () => {
  test('header skipped, quotes keep commas, empty trailing cells dropped, BOM and CRLF handled', () => {
    const csv = '\uFEFFphone,name\r\n+4915112345678,"Doe, Jane"\r\n\r\n+441234567890,,\r\n"+1 650 555 1234","say ""hi"""\n';
    expect(parseRecipientsCsv(csv)).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane'] },
      { input: '+441234567890', args: [] },
      { input: '+1 650 555 1234', args: ['say "hi"'] },
    ]);
  });
  test('semicolons (spreadsheets in many locales) and no header', () => {
    expect(parseRecipientsCsv('+4915112345678;Ana;12,50\n+4915112345679;Bo;3')).toEqual([
      { input: '+4915112345678', args: ['Ana', '12,50'] },
      { input: '+4915112345679', args: ['Bo', '3'] },
    ]);
  });
  test('an empty file has no recipients', () => {
    expect(parseRecipientsCsv('phone\n')).toEqual([]);
  });
  test('Excel’s “CSV Macintosh” (lines end with CR alone) has its recipients', () => {
    expect(parseRecipientsCsv('phone;name\r+4915112345678;Ana\r+4915112345679;Bo\r')).toEqual([
      { input: '+4915112345678', args: ['Ana'] },
      { input: '+4915112345679', args: ['Bo'] },
    ]);
  });
  test('LF, CRLF and CR line ends in one file are each one line end', () => {
    expect(parseRecipientsCsv('+4915112345678,A\n+4915112345679,B\r\n+4915112345670,C\r+4915112345671,D')).toEqual([
      { input: '+4915112345678', args: ['A'] },
      { input: '+4915112345679', args: ['B'] },
      { input: '+4915112345670', args: ['C'] },
      { input: '+4915112345671', args: ['D'] },
    ]);
  });
  test('a quoted cell over several lines stays one value of one row', () => {
    const csv = 'phone,address,code\r\n+4915112345678,"Hauptstr. 1\r\n10115 Berlin",A1\r\n+4915112345679,"Line one\nline ""two""",B2\r\n';
    expect(parseRecipientsCsv(csv)).toEqual([
      { input: '+4915112345678', args: ['Hauptstr. 1\r\n10115 Berlin', 'A1'] },
      { input: '+4915112345679', args: ['Line one\nline "two"', 'B2'] },
    ]);
  });
  test('a tab-separated file (Excel’s “Text”, a .tsv) is split at tabs; commas and semicolons stay in values', () => {
    expect(parseRecipientsCsv('phone\tname\tamount\n+4915112345678\tDoe, Jane\t12,50\n+4915112345679\tBo; Jr.\t3\n')).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane', '12,50'] },
      { input: '+4915112345679', args: ['Bo; Jr.', '3'] },
    ]);
  });
  test('Excel’s `sep=` first line names the separator (after a BOM too) and is not a row', () => {
    // The first data row alone would read as comma-separated (two commas, no other separator).
    expect(parseRecipientsCsv('\uFEFFsep=;\r\n+4915112345678;Doe, Jane, Jr.\r\n+4915112345679;12,50\r\n')).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane, Jr.'] },
      { input: '+4915112345679', args: ['12,50'] },
    ]);
    expect(parseRecipientsCsv('sep=\t\nphone\tname\n+4915112345678\tAna\n')).toEqual([{ input: '+4915112345678', args: ['Ana'] }]);
  });
  test('a quote inside an unquoted cell is text; blank lines are skipped', () => {
    expect(parseRecipientsCsv('+4915112345678,5" screen\n   \n\n+4915112345679,x\n')).toEqual([
      { input: '+4915112345678', args: ['5" screen'] },
      { input: '+4915112345679', args: ['x'] },
    ]);
  });
  test('a quote never closed is refused, saying where', () => {
    const read = () => parseRecipientsCsv('phone,name\n+4915112345678,"Ana\n+4915112345679,Bo\n');
    expect(read).toThrow(RecipientsCsvError);
    expect(read).toThrow(/^is not a CSV file that can be read: a quote opened in row 2, cell 2 is never closed \(Quote Not Closed/);
  });
});
