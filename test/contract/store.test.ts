/** The Store port against a real MongoDB-wire server: the guarantees the flow depends on. */
import type { Connection } from 'mongoose';
import { connectMongo } from '../../adapters/mongo/connection';
import { MongoStore } from '../../adapters/mongo/store';
import type { MessageRecord, NewJob } from '../../src/domain/records';
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

const inbound = (id: string, conversationId = 'acc:1'): MessageRecord => ({ _id: id, conversationId, direction: 'inbound', createdAt: new Date(), content: { kind: 'text', text: id }, mirrors: [] });
const job = (key: string, lane = 'slack:acc:1'): NewJob => ({ kind: 'chat.notice', lane, dedupeKey: key, payload: { platform: 'slack', conversationId: 'acc:1', body: key } });

test('a message is inserted once; a redelivery reports false and changes nothing', async () => {
  expect(await store.insertMessage(inbound('wa:m1'))).toBe(true);
  expect(await store.insertMessage({ ...inbound('wa:m1'), content: { kind: 'text', text: 'changed' } })).toBe(false);
  expect((await store.getMessage('wa:m1'))?.content).toEqual({ kind: 'text', text: 'wa:m1' });
});

test('concurrent first messages from one customer create one conversation, keeping the latest inbound time', async () => {
  const times = Array.from({ length: 10 }, (_, i) => new Date(1_700_000_000_000 + i * 1000));
  const results = await Promise.all(times.map((t) => store.conversationForInbound('111', { waId: '4915100000099', name: 'Jo' }, t)));
  expect(new Set(results.map((r) => r._id))).toEqual(new Set(['111:4915100000099']));
  const conv = await store.getConversation('111:4915100000099');
  expect(conv?.lastInboundAt?.getTime()).toBe(times[9]!.getTime());
  expect(conv?.createdAt.getTime()).toBeGreaterThanOrEqual(times[0]!.getTime());
});

test('a customer later known only by their business-scoped user id finds the same conversation', async () => {
  const first = await store.conversationForInbound('111', { waId: '4915100000100', userId: 'DE.123456789' }, new Date());
  const later = await store.conversationForInbound('111', { userId: 'DE.123456789' }, new Date());
  expect(later._id).toBe(first._id);
  const unknown = await store.conversationForInbound('111', { userId: 'US.987' }, new Date());
  expect(unknown._id).toBe('111:US.987');
});

test('one thread link per conversation and platform: a second save returns the first', async () => {
  const a = await store.saveThreadLink({ conversationId: 'acc:t', platform: 'slack', channelId: 'C1', threadId: '1.1', createdAt: new Date() });
  const b = await store.saveThreadLink({ conversationId: 'acc:t', platform: 'slack', channelId: 'C1', threadId: '2.2', createdAt: new Date() });
  expect(b._id).toBe(a._id);
  expect((await store.findThreadLinkByThread('slack', 'C1', '1.1'))?.conversationId).toBe('acc:t');
  expect(await store.findThreadLinkByThread('slack', 'C1', '2.2')).toBeNull();
});

test('statuses are monotonic: lower or equal ranks are not applied, failed is final', async () => {
  const at = new Date();
  expect((await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'delivered', at })).applied).toBe(true);
  expect((await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'sent', at })).applied).toBe(false);
  expect((await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'delivered', at })).applied).toBe(false);
  expect(await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'read', at })).toEqual({ applied: true, previous: 'delivered', messageId: undefined });
  expect((await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'failed', at, error: { code: 131026, title: 'x' } })).applied).toBe(true);
  expect((await store.applyStatus({ accountId: 'a', wamid: 'w1', status: 'read', at })).applied).toBe(false);
});

test('a status stored before the wamid is linked is returned by the link, and later statuses know the message', async () => {
  await store.applyStatus({ accountId: 'a', wamid: 'w2', status: 'delivered', at: new Date() });
  expect(await store.linkWamid('w2', 'slack:C1:9.9')).toMatchObject({ status: 'delivered' });
  expect(await store.applyStatus({ accountId: 'a', wamid: 'w2', status: 'read', at: new Date() })).toEqual({ applied: true, previous: 'delivered', messageId: 'slack:C1:9.9' });
  expect(await store.linkWamid('w3', 'slack:C1:9.8')).toEqual({ status: undefined, error: undefined });
});

test('the outbox: enqueue is idempotent by key, pending jobs come oldest first, a claimed job cannot be claimed again', async () => {
  await store.enqueue([job('j1'), job('j2'), job('j1')]);
  await store.enqueue([job('j3', 'slack:acc:2'), job('j2')]);
  const pending = await store.pendingJobs(10);
  expect(pending.map((j) => j._id)).toEqual(['j1', 'j2', 'j3']);
  // Claims are made one after another by the single dispatch loop. (Concurrent claims are atomic on
  // MongoDB but not on FerretDB/SQLite, whose updates are read-modify-write: one bridge per database.)
  expect(await store.claimJob('j1', new Date(Date.now() + 60_000))).toBe(true);
  expect(await store.claimJob('j1', new Date(Date.now() + 60_000))).toBe(false);
  expect((await store.pendingJobs(10)).map((j) => j._id)).toEqual(['j2', 'j3']);
});

test('jobs left running by a dead process are released; done jobs are purged only when old', async () => {
  await store.enqueue([job('k1', 'lane:k')]);
  await store.claimJob('k1', new Date(Date.now() - 1000));
  expect(await store.releaseStaleJobs(new Date())).toBeGreaterThanOrEqual(1);
  expect((await store.pendingJobs(100)).map((j) => j._id)).toContain('k1');
  await store.claimJob('k1', new Date(Date.now() + 60_000));
  await store.completeJob('k1');
  expect(await store.purgeDoneJobs(new Date(Date.now() - 60_000))).toBe(0);
  expect(await store.purgeDoneJobs(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
  // A purged job's key can be enqueued again: that is why done jobs are kept past Meta's retry window.
});

test('reschedule keeps the attempt count and the reason; fail records it', async () => {
  await store.enqueue([job('r1', 'lane:r')]);
  await store.claimJob('r1', new Date(Date.now() + 60_000));
  await store.rescheduleJob('r1', 1, new Date(Date.now() + 5000), 'slack ratelimited');
  const [r] = (await store.pendingJobs(100)).filter((j) => j._id === 'r1');
  expect(r).toMatchObject({ attempts: 1, lastError: 'slack ratelimited', state: 'pending' });
  await store.claimJob('r1', new Date(Date.now() + 60_000));
  await store.failJob('r1', 2, 'gave up');
  expect(await store.countJobs('failed')).toBe(1);
});

test('two agents replying at once are both recorded as participants', async () => {
  await store.conversationForInbound('222', { waId: '4915100000200' }, new Date());
  const at = new Date();
  await Promise.all(['U1', 'U2', 'U3'].map((userId) => store.recordAgentReply('222:4915100000200', { platform: 'slack', userId, lastReplyAt: at })));
  const conv = await store.getConversation('222:4915100000200');
  expect(conv?.participants.map((p) => p.userId).sort()).toEqual(['U1', 'U2', 'U3']);
});
