/**
 * Flat with data: every hot-path operation of the store, run against a store already holding many documents,
 * sends only `_id`-keyed commands (FerretDB pushes down nothing else; see the header of adapters/mongo/store.ts).
 * The commands are recorded with the driver's command monitoring on this test's own connection; what is asserted is
 * their shape, never their timing.
 */
import type { Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { connectMongo } from '../../adapters/mongo/connection';
import { MongoStore } from '../../adapters/mongo/store';
import type { MessageRecord, NewJob } from '../../src/domain/records';
import type { StatusUpdate } from '../../src/domain/whatsapp';
import { testMongoUri, uniqueDbName } from '../support/mongo';

const STORED = 300;
let conn: Connection;
let store: MongoStore;
let recording: CommandStartedEvent[] | undefined;

const inbound = (id: string, conversationId: string): MessageRecord => ({
  _id: id,
  conversationId,
  direction: 'inbound',
  createdAt: new Date(),
  wamid: id.slice(3),
  content: { kind: 'text', text: id },
  mirrors: [],
});
const post = (key: string, conversationId = 'acc:1'): NewJob => ({
  kind: 'chat.notice',
  lane: `slack:${conversationId}`,
  dedupeKey: key,
  payload: { platform: 'slack', conversationId, body: key },
});
const status = (wamid: string, s: StatusUpdate['status']): StatusUpdate => ({ accountId: 'acc', wamid, status: s, at: new Date() });

beforeAll(async () => {
  conn = await connectMongo(testMongoUri(), uniqueDbName('shapes'));
  store = await MongoStore.open(conn);
  conn.getClient().on('commandStarted', (e) => recording?.push(e));
  // Many documents of every kind, written through the store's own code (a few writers at a time: SQLite has one write lock).
  const n = Array.from({ length: STORED }, (_, i) => i);
  const inChunks = async (fn: (i: number) => Promise<unknown>) => {
    for (let k = 0; k < n.length; k += 5) await Promise.all(n.slice(k, k + 5).map(fn));
  };
  await inChunks((i) => store.conversationForInbound('acc', { waId: `49151${i}`, userId: `DE.${i}` }, new Date()));
  await inChunks((i) => store.insertMessage(inbound(`wa:old${i}`, `acc:49151${i}`)));
  await inChunks((i) =>
    store.saveThreadLink({ conversationId: `acc:49151${i}`, platform: 'slack', channelId: 'C1', threadId: `old.${i}`, createdAt: new Date() }),
  );
  await store.applyStatuses(n.map((i) => status(`wamid.old${i}`, 'delivered')));
  await store.enqueue(n.map((i) => post(`old-job-${i}`, `acc:${i}`)));
  await inChunks(async (i) => {
    await store.claimJob(`old-job-${i}`, new Date(Date.now() + 60_000));
    await store.completeJob(`old-job-${i}`);
  });
}, 240_000);
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

async function record(fn: () => Promise<unknown>): Promise<CommandStartedEvent[]> {
  recording = [];
  try {
    await fn();
    return recording;
  } finally {
    recording = undefined;
  }
}

/** Exactly `{ _id: <a string> }`: not `$in`, not `_id` plus another field. */
const byId = (filter: unknown) =>
  typeof filter === 'object' && filter !== null && Object.keys(filter).length === 1 && typeof (filter as { _id?: unknown })._id === 'string';

/** Why a command would scan (or '' when it is `_id`-keyed or an insert). */
function scanReason(e: CommandStartedEvent): string {
  const c = e.command as Record<string, any>;
  const coll = String(c[e.commandName]);
  switch (e.commandName) {
    case 'insert':
      return '';
    case 'find':
      return byId(c.filter) ? '' : `find on ${coll} by ${JSON.stringify(c.filter)}`;
    case 'findAndModify':
      return byId(c.query) ? '' : `findAndModify on ${coll} by ${JSON.stringify(c.query)}`;
    case 'update':
      return (c.updates as { q: unknown }[]).every((u) => byId(u.q))
        ? ''
        : `update on ${coll} by ${JSON.stringify((c.updates as { q: unknown }[]).map((u) => u.q))}`;
    case 'delete':
      return (c.deletes as { q: unknown }[]).every((d) => byId(d.q))
        ? ''
        : `delete on ${coll} by ${JSON.stringify((c.deletes as { q: unknown }[]).map((d) => d.q))}`;
    default:
      return `${e.commandName} on ${coll}`;
  }
}

const scans = (events: CommandStartedEvent[]) => events.map(scanReason).filter(Boolean);

test('the hot paths send only _id lookups, _id-keyed writes and inserts', async () => {
  const at = new Date();
  const events = await record(async () => {
    // Webhook ack: the raw archive and the ingest jobs (no done check).
    await store.saveRawWebhook('whatsapp', '{"entry":[]}');
    await store.enqueue([post('ingest:abc:customer:acc:1')], { checkDone: false });
    // Ingest of a customer's message: conversation (by wa_id, with a user id, by user id alone), message, quote, posts.
    const conv = await store.conversationForInbound('acc', { waId: '4915100', userId: 'DE.new', name: 'Jo' }, at);
    await store.conversationForInbound('acc', { userId: 'DE.7' }, at);
    await store.conversationForOutbound('acc', { waId: '4915100' }, at);
    await store.insertMessage(inbound('wa:new1', conv._id));
    await store.findMessageByWamid('old3');
    await store.findMessageByWamid('wamid.old3');
    await store.enqueue([post('slack:post:wa:new1', conv._id), post('old-job-5')]);
    // Delivery: claim, thread (new and known), mentions, mirror, completion, retry, failure.
    await store.claimJob('slack:post:wa:new1', new Date(Date.now() + 60_000));
    await store.getMessage('wa:new1');
    expect(await store.findThreadLink(conv._id, 'slack')).toBeNull();
    const link = await store.saveThreadLink({ conversationId: conv._id, platform: 'slack', channelId: 'C1', threadId: 'new.1', createdAt: at });
    expect((await store.findThreadLink(conv._id, 'slack'))?._id).toBe(link._id);
    expect((await store.saveThreadLink({ conversationId: conv._id, platform: 'slack', channelId: 'C1', threadId: 'new.2', createdAt: at }))._id).toBe(link._id);
    await store.getConversation(conv._id);
    await store.markMentioned(link._id, at);
    await store.addMirror('wa:new1', { platform: 'slack', channelId: 'C1', threadId: 'new.1', messageId: 'p.1' });
    await store.completeJob('slack:post:wa:new1');
    await store.enqueue([post('retry-me', conv._id)]);
    await store.claimJob('retry-me', new Date(Date.now() + 60_000));
    await store.rescheduleJob('retry-me', 1, new Date(), 'slack ratelimited');
    await store.claimJob('retry-me', new Date(Date.now() + 60_000));
    await store.failJob('retry-me', 2, 'gave up');
    // Agent replies and reactions.
    await store.findThreadLinkByThread('slack', 'C1', 'new.1');
    await store.findMessageByChatMessage('slack', 'C1', 'p.1');
    await store.recordAgentReply(conv._id, { platform: 'slack', userId: 'U1', lastReplyAt: at });
    await store.insertMessage({ ...inbound('slack:C1:a.1', conv._id), direction: 'outbound' });
    await store.updateMessage('slack:C1:a.1', { wamid: 'wamid.out1', state: 'accepted', stateAt: at });
    await store.linkWamid('wamid.out1', 'slack:C1:a.1');
    // Lifecycle (claim, add, close, reopen in a new thread) and the card.
    await store.updateLifecycle(conv._id, { state: 'owned', owner: { platform: 'slack', userId: 'U1' }, ownedAt: at, closedAt: null });
    await store.addParticipant(conv._id, { platform: 'slack', userId: 'U2', lastReplyAt: at });
    await store.markCardShown(link._id, { digest: 'd', rootMessageId: 'new.1' });
    await store.retireThreadLink(conv._id, 'slack', at);
    await store.findThreadLinkByThread('slack', 'C1', 'new.1');
    // Statuses.
    await store.applyStatuses([status('wamid.out1', 'delivered'), status('wamid.old1', 'read'), status('wamid.unknown', 'sent')]);
    await store.applyStatus(status('wamid.out1', 'read'));
  });
  expect(scans(events)).toEqual([]);
  expect(events.length).toBeGreaterThan(40);
});

test('the worker poll and the lease release are the only filters on another field, and only on the outbox of live jobs', async () => {
  const events = await record(async () => {
    await store.pendingJobs(500);
    await store.releaseStaleJobs(new Date());
  });
  expect(scans(events).length).toBeGreaterThan(0);
  expect(events.map((e) => String((e.command as Record<string, unknown>)[e.commandName]))).toEqual(['outbox', 'outbox']);
});

test('a batch of statuses is read by _id and written with bulk writes of _id-keyed updates, at most 50 per command', async () => {
  const batch = Array.from({ length: 60 }, (_, i) => status(`wamid.old${i}`, 'played'));
  const events = await record(() => store.applyStatuses(batch));
  expect(scans(events)).toEqual([]);
  const writes = events.filter((e) => e.commandName !== 'find');
  expect(writes.map((e) => e.commandName)).toEqual(['update', 'update']);
  // FerretDB never answers an update command of 100 statements or more (adapters/mongo/bulk-write.ts).
  expect(writes.map((e) => (e.command as { updates: unknown[] }).updates.length)).toEqual([50, 10]);
  expect(events.filter((e) => e.commandName === 'find')).toHaveLength(60);
});

test('a webhook-sized batch of 1,000 statuses on known messages is applied in full', async () => {
  const wamids = Array.from({ length: 1000 }, (_, i) => `wamid.big${i}`);
  await store.applyStatuses(wamids.map((w) => status(w, 'sent')));
  const results = await store.applyStatuses(wamids.map((w) => status(w, 'delivered')));
  expect(results.filter((r) => r.applied)).toHaveLength(1000);
  expect(results.every((r) => r.previous === 'sent')).toBe(true);
  const again = await store.applyStatuses(wamids.map((w) => status(w, 'delivered')));
  expect(again.some((r) => r.applied)).toBe(false);
}, 120_000);

test('enqueueing checks each dedupe key by its own _id and inserts the new jobs with one command', async () => {
  const events = await record(() => store.enqueue([post('fresh-1'), post('fresh-2'), post('old-job-9')]));
  expect(scans(events)).toEqual([]);
  expect(events.map((e) => e.commandName)).toEqual(['find', 'find', 'find', 'insert']);
  expect((events[3]!.command as { documents: { _id: string }[] }).documents.map((d) => d._id)).toEqual(['fresh-1', 'fresh-2']);
  const ack = await record(() => store.enqueue([post('ingest:x:1'), post('ingest:x:2')], { checkDone: false }));
  expect(ack.map((e) => e.commandName)).toEqual(['insert']);
});
