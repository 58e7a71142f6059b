/** loadConfig with automatic-message settings in BRIDGE_CONFIG (issue 13): valid ones parse, each mistake is named with its account and rule. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { SECRETS as ENV } from '../../support/config-env';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-config-automation-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads a BRIDGE_CONFIG whose one account ("sales") has these settings. */
function load(settings: Record<string, unknown>) {
  const file = path.join(dir, `accounts-${n++}.json`);
  writeFileSync(file, JSON.stringify({ accounts: [{ name: 'sales', phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' }, ...settings }] }));
  return { file, load: () => loadConfig({ ...ENV, BRIDGE_CONFIG: file }) };
}

function errorOf(settings: Record<string, unknown>): string {
  const { load: run } = load(settings);
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  return (thrown as ConfigError).message;
}

const rule = (over: Record<string, unknown> = {}) => ({ name: 'prices', match: 'word', keywords: ['price'], answer: { text: 'See our prices' }, ...over });

describe('automatic messages in BRIDGE_CONFIG', () => {
  it('a full example parses, with its defaults', () => {
    const account = load({
      businessHours: { timeZone: 'Europe/Madrid', weekly: { mon: ['09:00-13:00', '15:00-19:00'], sat: ['10:00-24:00'] }, holidays: ['2026-12-25'] },
      awayMessage: { text: 'We are closed' },
      greeting: { media: { kind: 'image', link: 'https://example.com/welcome.png', caption: 'Welcome' } },
      greetingAfterDays: 7,
      autoReplies: {
        languages: ['es', 'en'],
        rules: [rule({ language: 'en' }), rule({ name: 'horario', match: 'regex', keywords: ['^hora(rio|s)'], language: 'es' })],
      },
    }).load().accounts[0]!;
    expect(account.businessHours).toEqual({
      timeZone: 'Europe/Madrid',
      weekly: {
        mon: [
          { from: 540, to: 780 },
          { from: 900, to: 1140 },
        ],
        sat: [{ from: 600, to: 1440 }],
      },
      holidays: ['2026-12-25'],
    });
    expect(account.autoReplies).toMatchObject({ enabled: true, rules: [{ name: 'prices' }, { name: 'horario' }] });
  });

  it.each([
    [{ businessHours: { timeZone: 'Mars/Olympus', weekly: {} } }, 'accounts.0.businessHours.timeZone: must be an IANA time zone'],
    [{ businessHours: { timeZone: 'UTC', weekly: { mon: ['9-17'] } } }, 'accounts.0.businessHours.weekly.mon.0: must be a range like "09:00-17:30"'],
    [{ businessHours: { timeZone: 'UTC', weekly: { mon: ['18:00-09:00'] } } }, 'accounts.0.businessHours.weekly.mon.0: must end after it starts'],
    [{ businessHours: { timeZone: 'UTC', weekly: { monday: ['09:00-17:00'] } } }, 'accounts.0.businessHours.weekly: Unrecognized key: "monday"'],
    [{ businessHours: { timeZone: 'UTC', weekly: {}, holidays: ['2026-02-30'] } }, 'accounts.0.businessHours.holidays.0: is not a calendar date'],
    [{ awayMessage: { text: 'closed' } }, 'accounts.0.awayMessage: needs businessHours'],
    [{ greetingAfterDays: 3 }, 'accounts.0.greetingAfterDays: needs a greeting'],
    [{ greeting: { text: 'hi', media: { kind: 'image', id: '123' } } }, 'accounts.0.greeting: needs exactly one of text, media or buttons'],
    [{ greeting: { media: { kind: 'image' } } }, 'accounts.0.greeting.media: needs exactly one of link or id'],
    [{ greeting: { media: { kind: 'gif', id: '1' } } }, 'accounts.0.greeting.media.kind: must be one of image, video, audio, document, sticker'],
    [
      { autoReplies: { rules: [rule({ match: 'regex', keywords: ['(unclosed'] })] } },
      'accounts.0.autoReplies.rules.0.keywords.0: rule "prices": not a valid regular expression',
    ],
    [{ autoReplies: { rules: [rule(), rule()] } }, 'accounts.0.autoReplies.rules.1.name: rule "prices": the name is used by an earlier rule'],
    [
      { autoReplies: { languages: ['en'], rules: [rule({ language: 'fr' })] } },
      'accounts.0.autoReplies.rules.0.language: rule "prices": language fr is not in languages (en)',
    ],
    [{ autoReplies: { rules: [rule({ match: 'contains' })] } }, 'accounts.0.autoReplies.rules.0.match: must be one of exact, word, prefix, regex'],
    [{ autoReplies: { rules: [rule({ keywords: [] })] } }, 'accounts.0.autoReplies.rules.0.keywords: needs at least one keyword'],
    [
      { autoReplies: { rules: [rule({ answer: { text: 'x', whenWindowClosed: { template: 'Bad Name', language: 'en' } } })] } },
      'whenWindowClosed.template: must be a template name',
    ],
    [
      { greeting: { buttons: { body: 'Pick one', buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` })) } } },
      'accounts.0.greeting.buttons.buttons: WhatsApp allows at most 3 reply buttons',
    ],
    [
      { greeting: { buttons: { body: 'Pick one', buttons: [{ id: 'a', title: 'A title longer than twenty' }] } } },
      'accounts.0.greeting.buttons.buttons.0.title: must be 1–20 characters',
    ],
    [
      {
        greeting: {
          buttons: {
            body: 'Pick one',
            buttons: [
              { id: 'a', title: 'A' },
              { id: 'a', title: 'B' },
            ],
          },
        },
      },
      'accounts.0.greeting.buttons: button ids must be unique',
    ],
  ])('%j → %s, naming the account', (settings, expected) => {
    const message = errorOf(settings);
    expect(message).toContain(expected);
    expect(message).toContain('(account sales)');
  });
});
