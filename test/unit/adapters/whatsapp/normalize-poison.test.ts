/**
 * Poison in a batch (issue 9): each event of a webhook is decoded on its own; one that cannot be is quarantined
 * with its raw form and its siblings are kept. Payloads are the fixtures from Meta's docs with one field broken.
 */
import { decodeWebhook, type Normalized } from '../../../../adapters/whatsapp/normalize';
import { MAX_QUARANTINED_BYTES, MAX_VALUE_DEPTH, quarantineRecord, unixSeconds, valueProblem } from '../../../../adapters/whatsapp/bounds';
import { loadWhatsAppFixture } from '../../../fixtures/whatsapp';

/** `deep` replaces the string "__DEEP__" by raw JSON nested that deep (too deep for JSON.stringify here). */
function decode(payload: unknown, deep?: number): Normalized {
  let text = JSON.stringify(payload);
  if (deep) text = text.replace('"__DEEP__"', `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`);
  const r = decodeWebhook(Buffer.from(text, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.normalized;
}

/** A value nested `depth` levels deep: { a: { a: … } }. */
export function nested(depth: number): unknown {
  let v: unknown = { leaf: true };
  for (let i = 1; i < depth; i++) v = { a: v };
  return v;
}

describe('timestamps', () => {
  test.each(['1504902988', '1744344496', '1'])('%s is Unix seconds', (ts) => {
    expect(unixSeconds(ts)).toEqual(new Date(Number(ts) * 1000));
  });
  test.each(['99999999999999', '1e20', '1744344496.5', '-5', '0', '', 'NaN', 'Infinity', ' 1744344496', '0x10', '9999999999'])(
    '%j is not a time Meta sent',
    (ts) => {
      expect(unixSeconds(ts)).toBeUndefined();
    },
  );
});

describe('a bad status between two good ones', () => {
  test.each(['1e20', '99999999999999'])('timestamp %s: the bad one is quarantined, both siblings kept', (ts) => {
    const p = loadWhatsAppFixture('status-read');
    const value = p.entry[0].changes[0].value;
    const good = value.statuses[0];
    const bad = { ...good, id: 'wamid.BAD', timestamp: ts };
    value.statuses = [{ ...good, id: 'wamid.ONE' }, bad, { ...good, id: 'wamid.TWO' }];
    const n = decode(p);
    expect(n.events.map((e) => (e.type === 'status' ? e.status.wamid : e.type))).toEqual(['wamid.ONE', 'wamid.TWO']);
    expect(n.quarantined).toEqual([{ code: 'bad_timestamp', reason: expect.stringContaining('wamid.BAD'), event: bad }]);
  });

  test('a message with an absurd timestamp is quarantined; its siblings kept', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    const base = value.messages[0];
    value.messages = [
      { ...base, id: 'wamid.A' },
      { ...base, id: 'wamid.B', timestamp: '1e20' },
      { ...base, id: 'wamid.C' },
    ];
    const n = decode(p);
    expect(n.events.map((e) => (e.type === 'message' ? e.message.wamid : e.type))).toEqual(['wamid.A', 'wamid.C']);
    expect(n.quarantined.map((q) => [q.code, (q.event as { id: string }).id])).toEqual([['bad_timestamp', 'wamid.B']]);
  });
});

describe('account events', () => {
  test('a deeply nested value is quarantined; the changes around it are kept', () => {
    const p = loadWhatsAppFixture('account-update-restriction');
    const good = p.entry[0].changes[0];
    p.entry[0].changes = [good, { field: 'account_update', value: '__DEEP__' }, good];
    const n = decode(p, 5000);
    expect(n.events.map((e) => e.type)).toEqual(['account', 'account']);
    expect(n.quarantined).toHaveLength(1);
    expect(n.quarantined[0]).toMatchObject({ code: 'too_deep_or_large', reason: expect.stringMatching(/account_update update: value nested deeper than/) });
  });

  test('depth and size bounds', () => {
    expect(valueProblem(nested(MAX_VALUE_DEPTH))).toBeUndefined();
    expect(valueProblem(nested(MAX_VALUE_DEPTH + 1))).toMatch(/deeper/);
    expect(valueProblem({ big: 'x'.repeat(100_000) })).toMatch(/larger than/);
    expect(valueProblem(loadWhatsAppFixture('account-update-violation').entry[0].changes[0].value)).toBeUndefined();
  });

  test('a messages.errors item with a deep value is quarantined; the messages beside it are kept', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    value.errors = [{ code: 131000, title: 'Something went wrong', error_data: nested(200) }];
    const n = decode(p);
    expect(n.events.map((e) => e.type)).toEqual(['message']);
    expect(n.quarantined.map((q) => q.code)).toEqual(['too_deep_or_large']);
  });
});

describe('shapes no schema allows', () => {
  test('an entry without an id, or a change without a field, is quarantined; the good entry is kept', () => {
    const p = loadWhatsAppFixture('message-text');
    const good = p.entry[0];
    p.entry = [{ changes: [] }, good, { id: '1', changes: [{ value: {} }, 'not an object'] }];
    const n = decode(p);
    expect(n.events.map((e) => e.type)).toEqual(['message']);
    expect(n.quarantined.map((q) => q.reason.split(':')[0])).toEqual(['entry skipped', 'change skipped', 'change skipped']);
  });

  test('a malformed contact does not cost its message', () => {
    const p = loadWhatsAppFixture('message-text');
    p.entry[0].changes[0].value.contacts.unshift({ wa_id: 42 });
    const n = decode(p);
    expect(n.events.map((e) => e.type)).toEqual(['message']);
    expect(n.quarantined).toEqual([]);
  });
});

describe('the stored form', () => {
  test('keeps the reason and the raw event', () => {
    expect(JSON.parse(quarantineRecord({ code: 'bad_timestamp', reason: 'r', event: { id: 'x', timestamp: '1e20' } }))).toEqual({
      code: 'bad_timestamp',
      reason: 'r',
      event: { id: 'x', timestamp: '1e20' },
    });
  });
  test('cuts a huge or too deep event', () => {
    const big = JSON.parse(quarantineRecord({ code: 'c', reason: 'r', event: { s: 'x'.repeat(MAX_QUARANTINED_BYTES * 2) } }));
    expect(big.truncated).toBe(true);
    expect(big.event.length).toBe(MAX_QUARANTINED_BYTES);
    expect(JSON.parse(quarantineRecord({ code: 'c', reason: 'r', event: nested(200_000) }))).toMatchObject({ truncated: true });
  });
});
