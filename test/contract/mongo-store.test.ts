/**
 * What only the Mongo store has to show: its key documents (a crash between two writes, records from before the keys
 * existed) and a ping that fails when the database is gone. The ports' contract is in *.contract.ts, run against this
 * store by mongo-stores.test.ts.
 */
import type { Connection } from 'mongoose';
import { connectMongo } from '../../adapters/mongo/connection';
import { MongoStore } from '../../adapters/mongo/store';
import { testMongoUri, uniqueDbName } from '../support/mongo';

let conn: Connection;
let store: MongoStore;
beforeAll(async () => {
  conn = await connectMongo(testMongoUri(), uniqueDbName('store'));
  store = await MongoStore.open(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

test('a link whose key was never written (a crash between the two writes) is returned by the next save and found again', async () => {
  const orphan = { _id: 'slack:C1:6.6', conversationId: 'acc:o', platform: 'slack', channelId: 'C1', threadId: '6.6', createdAt: new Date() };
  await conn.collection('thread_links').insertOne(orphan as never);
  expect(await store.findThreadLink('acc:o', 'slack')).toBeNull();
  const saved = await store.saveThreadLink({ conversationId: 'acc:o', platform: 'slack', channelId: 'C1', threadId: '7.7', createdAt: new Date() });
  expect(saved._id).toBe('slack:C1:6.6');
  expect((await store.findThreadLink('acc:o', 'slack'))?._id).toBe('slack:C1:6.6');
});

test('links and customers stored before the key documents existed are found after the start-up migration', async () => {
  const dbName = uniqueDbName('store-migrate');
  const old = await connectMongo(testMongoUri(), dbName);
  try {
    await old
      .collection('thread_links')
      .insertOne({ _id: 'slack:C1:8.8', conversationId: 'acc:m', platform: 'slack', channelId: 'C1', threadId: '8.8', createdAt: new Date() } as never);
    await old.collection('conversations').insertOne({
      _id: 'acc:4915100000300',
      accountId: 'acc',
      customer: { waId: '4915100000300', userId: 'DE.300' },
      createdAt: new Date(),
      participants: [],
    } as never);
    const upgraded = await MongoStore.open(old);
    expect((await upgraded.findThreadLink('acc:m', 'slack'))?._id).toBe('slack:C1:8.8');
    expect((await upgraded.conversationForInbound('acc', { userId: 'DE.300' }, new Date()))._id).toBe('acc:4915100000300');
    expect(await old.collection('migrations').countDocuments({})).toBe(1);
  } finally {
    await old.dropDatabase();
    await old.close();
  }
});

test('participants stored as a list before the per-person fields are read, and a reply by one of them replaces their entry', async () => {
  const dbName = uniqueDbName('store-participants');
  const old = await connectMongo(testMongoUri(), dbName);
  try {
    const before = new Date(1_700_000_000_000);
    await old.collection('conversations').insertOne({
      _id: 'acc:4915100000301',
      accountId: 'acc',
      customer: { waId: '4915100000301' },
      createdAt: before,
      participants: [
        { platform: 'slack', userId: 'U1', name: 'Ann', lastReplyAt: before },
        { platform: 'discord', userId: '42', lastReplyAt: before },
      ],
    } as never);
    const store = await MongoStore.open(old);
    expect((await store.getConversation('acc:4915100000301'))?.participants.map((p) => `${p.platform}:${p.userId}`)).toEqual(['slack:U1', 'discord:42']);
    const later = new Date(1_700_000_060_000);
    await store.recordAgentReply('acc:4915100000301', { platform: 'slack', userId: 'U1', name: 'Ann', lastReplyAt: later });
    await store.addParticipant('acc:4915100000301', { platform: 'discord', userId: '42', lastReplyAt: later });
    const conv = await store.getConversation('acc:4915100000301');
    expect(conv?.participants).toHaveLength(2);
    expect(conv?.participants.find((p) => p.userId === 'U1')?.lastReplyAt.getTime()).toBe(later.getTime());
    // Added again: already a participant, so unchanged.
    expect(conv?.participants.find((p) => p.userId === '42')?.lastReplyAt.getTime()).toBe(before.getTime());
  } finally {
    await old.dropDatabase();
    await old.close();
  }
});

test('a ping fails once the connection is closed', async () => {
  const other = await connectMongo(testMongoUri(), uniqueDbName('store-ping'));
  const pinged = await MongoStore.open(other);
  await expect(pinged.ping()).resolves.toBeUndefined();
  await other.dropDatabase();
  await other.close();
  await expect(pinged.ping()).rejects.toThrow();
});
