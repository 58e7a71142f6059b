/** loadConfig with a first-contact menu in BRIDGE_CONFIG (issue 13 point 5): a valid one parses; each mistake is named with its option and account. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { SECRETS as ENV } from '../../support/config-env';

const SALES = { name: 'sales', phoneNumberId: '106540352249999', slack: { channelId: 'C0SALES01' } };

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-config-menu-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads a BRIDGE_CONFIG whose first account ("shop") has this menu, next to the "sales" account. */
function load(menu: Record<string, unknown>) {
  const file = path.join(dir, `accounts-${n++}.json`);
  writeFileSync(file, JSON.stringify({ accounts: [{ name: 'shop', phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' }, menu }, SALES] }));
  return loadConfig({ ...ENV, BRIDGE_CONFIG: file });
}

function errorOf(menu: Record<string, unknown>): string {
  let thrown: unknown;
  try {
    load(menu);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  return (thrown as ConfigError).message;
}

const button = (id: string, title: string, route: Record<string, unknown> = { account: 'sales' }) => ({ id, title, route });
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, title: `Row ${i}`, route: { label: `L${i}` } }));

describe('the first-contact menu in BRIDGE_CONFIG', () => {
  it('buttons and a list parse; the fallback defaults to 30 minutes without a route', () => {
    const shop = load({ body: 'Who?', buttons: [button('s', 'Sales'), button('v', 'VIP', { label: 'VIP' })] }).accounts[0]!;
    expect(shop.menu).toMatchObject({ body: 'Who?', fallback: { afterMinutes: 30 } });
    const listed = load({
      body: 'Who?',
      list: { button: 'Choose', sections: [{ rows: rows(10) }] },
      fallback: { afterMinutes: 5, route: { account: '106540352249999' } },
    });
    expect(listed.accounts[0]!.menu!.fallback).toEqual({ afterMinutes: 5, route: { account: '106540352249999' } });
  });

  const mistakes: [Record<string, unknown>, string][] = [
    [{ body: 'Who?' }, 'accounts.0.menu: needs exactly one of buttons or list (account shop)'],
    [
      { body: 'Who?', buttons: [button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')] },
      'accounts.0.menu.buttons: WhatsApp allows at most 3 reply buttons',
    ],
    [
      { body: 'Who?', buttons: [button('a', 'A title longer than twenty')] },
      "accounts.0.menu.buttons.0.title: must be at most 20 characters (WhatsApp's limit for a button title)",
    ],
    [{ body: 'Who?', buttons: [button('a', 'A'), button('a', 'B')] }, 'accounts.0.menu.buttons.1: option "a": the id is used by an earlier option'],
    [
      { body: 'x'.repeat(1025), buttons: [button('a', 'A')] },
      "accounts.0.menu.body: must be at most 1024 characters (WhatsApp's limit for the body of an interactive message)",
    ],
    [
      {
        body: 'Who?',
        list: {
          button: 'Choose',
          sections: [
            { title: 'One', rows: rows(6) },
            { title: 'Two', rows: rows(5).map((r) => ({ ...r, id: `x${r.id}` })) },
          ],
        },
      },
      'accounts.0.menu.list.sections: has 11 rows: WhatsApp allows at most 10 rows',
    ],
    [
      { body: 'Who?', list: { button: 'Choose', sections: [{ rows: rows(1) }, { title: 'Two', rows: [{ ...rows(1)[0], id: 'y' }] }] } },
      'accounts.0.menu.list.sections.0.title: is required when the list has several sections',
    ],
    [
      { body: 'Who?', list: { button: 'Choose', sections: [{ rows: [{ id: 'r', title: 'A row title over 24 chars', route: { label: 'L' } }] }] } },
      "accounts.0.menu.list.sections.0.rows.0.title: must be at most 24 characters (WhatsApp's limit for a row title)",
    ],
    [
      { body: 'Who?', buttons: [button('a', 'A', { account: 'billing' })] },
      'accounts.0.menu.buttons.0.route.account: option "a": no account named "billing" in this file (account shop)',
    ],
    [{ body: 'Who?', buttons: [button('a', 'A', { account: 'shop' })] }, 'accounts.0.menu.buttons.0.route.account: option "a": routes to its own account'],
    [
      { body: 'Who?', buttons: [button('a', 'A', { team: 'x' })] },
      'accounts.0.menu.buttons.0.route: must be { "account": "<name or phoneNumberId>" } or { "label": "<text>" }',
    ],
    [{ body: 'Who?', buttons: [button('a', 'A')], fallback: { afterMinutes: 0 } }, 'accounts.0.menu.fallback.afterMinutes:'],
    [
      { body: 'Who?', buttons: [button('a', 'A')], fallback: { afterMinutes: 5, route: { account: 'nobody' } } },
      'accounts.0.menu.fallback.route.account: the fallback: no account named "nobody"',
    ],
  ];
  it.each(mistakes.map(([menu, message]) => ({ menu, message })))('refused, naming it: $message', ({ menu, message }) => {
    expect(errorOf(menu)).toContain(message);
  });
});
