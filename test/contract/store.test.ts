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

const inbound = (id: string, conversationId = 'acc:1'): MessageRecord => ({
  _id: id,
  conversationId,
  direction: 'inbound',
  createdAt: new Date(),
  content: { kind: 'text', text: id },
  mirrors: [],
});
const job = (key: string, lane = 'slack:acc:1'): NewJob => ({
  kind: 'chat.notice',
  lane,
  dedupeKey: key,
  payload: { platform: 'slack', conversationId: 'acc:1', body: key },
});

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
  expect(await store.applyStatus({ accountId: 'a', wamid: 'w2', status: 'read', at: new Date() })).toEqual({
    applied: true,
    previous: 'delivered',
    messageId: 'slack:C1:9.9',
  });
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

test('a batch of statuses is applied in order, monotonic per wamid, one result per update', async () => {
  const at = new Date();
  await store.linkWamid('wb1', 'slack:C1:b.1');
  const results = await store.applyStatuses([
    { accountId: 'a', wamid: 'wb1', status: 'sent', at },
    { accountId: 'a', wamid: 'wb2', status: 'read', at },
    { accountId: 'a', wamid: 'wb1', status: 'read', at },
    { accountId: 'a', wamid: 'wb1', status: 'delivered', at },
    { accountId: 'a', wamid: 'wb2', status: 'delivered', at },
  ]);
  expect(results).toEqual([
    { applied: true, previous: undefined, messageId: 'slack:C1:b.1' },
    { applied: true, previous: undefined, messageId: undefined },
    { applied: true, previous: 'sent', messageId: 'slack:C1:b.1' },
    { applied: false },
    { applied: false },
  ]);
  expect(await store.applyStatuses([])).toEqual([]);
  // Stored: the next single update sees the batch's outcome.
  expect(await store.applyStatus({ accountId: 'a', wamid: 'wb1', status: 'failed', at, error: { code: 131026, title: 'x' } })).toEqual({
    applied: true,
    previous: 'read',
    messageId: 'slack:C1:b.1',
  });
  expect(await store.linkWamid('wb2', 'slack:C1:b.2')).toEqual({ status: 'read', error: undefined });
});

test('concurrent batches touching the same wamid never lose the highest status', async () => {
  const at = new Date();
  const order: ('sent' | 'delivered' | 'read')[] = ['read', 'sent', 'delivered', 'sent', 'read', 'delivered'];
  const results = await Promise.all(order.map((status) => store.applyStatuses([{ accountId: 'a', wamid: 'wc1', status, at }])));
  expect(results.flat().filter((r) => r.applied).length).toBeGreaterThanOrEqual(1);
  expect(await store.linkWamid('wc1', 'm')).toMatchObject({ status: 'read' });
});

test('a message is found by its wamid: a customer’s by its own id, one the bridge sent through its wamid link', async () => {
  await store.insertMessage({ ...inbound('wa:wf-in'), wamid: 'wf-in' });
  await store.insertMessage({ _id: 'slack:C1:f.1', conversationId: 'acc:1', direction: 'outbound', createdAt: new Date(), text: 'hi', mirrors: [] });
  await store.updateMessage('slack:C1:f.1', { wamid: 'wf-out', state: 'accepted' });
  await store.linkWamid('wf-out', 'slack:C1:f.1');
  expect((await store.findMessageByWamid('wf-in'))?._id).toBe('wa:wf-in');
  expect((await store.findMessageByWamid('wf-out'))?._id).toBe('slack:C1:f.1');
  expect(await store.findMessageByWamid('wf-unknown')).toBeNull();
  // A status for an unknown wamid creates its document without a message: still nothing to find.
  await store.applyStatus({ accountId: 'a', wamid: 'wf-status-only', status: 'sent', at: new Date() });
  expect(await store.findMessageByWamid('wf-status-only')).toBeNull();
});

test('a thread link is found by conversation and platform, and by thread; other platforms and conversations are not', async () => {
  const saved = await store.saveThreadLink({ conversationId: 'acc:l', platform: 'slack', channelId: 'C1', threadId: '5.5', createdAt: new Date() });
  expect(await store.findThreadLink('acc:l', 'slack')).toMatchObject({ _id: saved._id, channelId: 'C1', threadId: '5.5' });
  expect(await store.findThreadLink('acc:l', 'discord')).toBeNull();
  expect(await store.findThreadLink('acc:other', 'slack')).toBeNull();
  const at = new Date(1_700_000_000_000);
  await store.markMentioned(saved._id, at);
  expect((await store.findThreadLink('acc:l', 'slack'))?.lastMentionAt?.getTime()).toBe(at.getTime());
  expect((await store.findThreadLinkByThread('slack', 'C1', '5.5'))?.lastMentionAt?.getTime()).toBe(at.getTime());
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

test('enqueue skips keys already done, unless told not to check (ingest jobs are safe to run again)', async () => {
  await store.enqueue([job('d1', 'lane:d')]);
  await store.claimJob('d1', new Date(Date.now() + 60_000));
  await store.completeJob('d1');
  await store.enqueue([job('d1', 'lane:d')]);
  expect((await store.pendingJobs(100)).map((j) => j._id)).not.toContain('d1');
  await store.enqueue([job('d1', 'lane:d'), job('d1', 'lane:d')], { checkDone: false });
  expect((await store.pendingJobs(100)).filter((j) => j._id === 'd1')).toHaveLength(1);
  await store.enqueue([]);
});
