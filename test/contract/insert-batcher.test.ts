/**
 * Group commit (adapters/mongo/insert-batcher.ts) against the real MongoDB-wire server: concurrent inserts share
 * commands, each caller gets its own outcome (inserted / duplicate / error), and a failed command rejects its callers.
 * Commands are counted with the driver's command monitoring; nothing is timed.
 */
import type { Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { connectMongo } from '../../adapters/mongo/connection';
import { InsertBatcher } from '../../adapters/mongo/insert-batcher';
import { testMongoUri, uniqueDbName } from '../support/mongo';

let conn: Connection;
const inserts: CommandStartedEvent[] = [];

beforeAll(async () => {
  conn = await connectMongo(testMongoUri(), uniqueDbName('batcher'));
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'insert') inserts.push(e);
  });
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});
beforeEach(() => (inserts.length = 0));

const batcherFor = (name: string) => new InsertBatcher((docs) => conn.db!.collection(name).insertMany(docs, { ordered: false }));

test('forty concurrent inserts go out in far fewer commands, each stored once', async () => {
  const b = batcherFor('group');
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => b.insert({ _id: `k${i}` as never, n: i })));
  expect(results).toEqual(Array(40).fill(true));
  // The first goes out alone (no timer), the other 39 wait for it and share the next command.
  expect(inserts.length).toBeLessThanOrEqual(2);
  expect(await conn.db!.collection('group').countDocuments({})).toBe(40);
});

test('a lone insert is sent at once, as one command', async () => {
  expect(await batcherFor('lone').insert({ _id: 'only' as never })).toBe(true);
  expect(inserts).toHaveLength(1);
});

test('duplicates resolve false for their own caller only, also within one batch', async () => {
  const b = batcherFor('dups');
  await b.insert({ _id: 'old' as never });
  const [a, again, fresh, twice] = await Promise.all([
    b.insert({ _id: 'x' as never }),
    b.insert({ _id: 'old' as never }),
    b.insert({ _id: 'y' as never }),
    b.insert({ _id: 'x' as never }),
  ]);
  expect([a, again, fresh, twice]).toEqual([true, false, true, false]);
  expect(await conn.db!.collection('dups').countDocuments({})).toBe(3);
});

test('insertAll keeps one outcome per document, in order', async () => {
  const b = batcherFor('all');
  await b.insert({ _id: 'b' as never });
  expect(await b.insertAll([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }] as never[])).toEqual([true, false, true]);
});

test('when the command fails, every caller of that batch is rejected and a later batch still works', async () => {
  let broken = true;
  const b = new InsertBatcher((docs) => conn.db!.collection(broken ? '$bad name' : 'recovers').insertMany(docs, { ordered: false }));
  const outcomes = await Promise.allSettled([b.insert({ _id: 'p' as never }), b.insert({ _id: 'q' as never })]);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  broken = false;
  expect(await b.insert({ _id: 'p' as never })).toBe(true);
});

test('a document refused on its own does not fail the others of its batch', async () => {
  // As mongoose's validation refuses a document before anything is written: an error without writeErrors.
  const b = new InsertBatcher(async (docs) => {
    if (docs.some((d) => d.poison)) throw new Error('refused before the write');
    return conn.db!.collection('poison').insertMany(docs, { ordered: false });
  });
  const outcomes = await Promise.allSettled([
    b.insert({ _id: 'first' as never }),
    b.insert({ _id: 'bad' as never, poison: true }),
    b.insert({ _id: 'good' as never }),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(await conn.db!.collection('poison').countDocuments({})).toBe(2);
});
