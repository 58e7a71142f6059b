/**
 * Fills a database with a month of traffic through the bridge's own store (`MongoStore`), so the bench measures
 * the bridge on day 30: the stored documents are exactly what the store writes, never hand-written.
 *
 * Per exchange (3 stored messages): two customer texts (raw webhook, conversation upsert, message, the chat.post job
 * claimed, mirrored and completed, as ingest and delivery do) and one agent reply (message, participant, the
 * whatsapp.send job, the accepted wamid, then `sent`/`delivered`/`read` statuses each with its raw webhook, state and
 * chat.status job). Only the store's writes are replayed; the reads delivery makes (getMessage, findThreadLink)
 * change nothing stored and are skipped. Jobs of a chunk are enqueued in one `enqueue` call, and a chunk's statuses
 * are applied with one `applyStatuses` (as a webhook batching them is), so 100k messages seed in minutes.
 * The jobs' lifecycle (enqueue, claim, done record) is replayed only for the last `DONE_RETENTION_MS`: the bridge
 * purges older done records (src/services/outbox/worker.ts, `keepDoneMs`), so on day 30 they are not stored.
 */
import { decodeWebhook } from '../../adapters/whatsapp/normalize';
import type { MongoStore } from '../../adapters/mongo/store';
import type { NewJob } from '../../src/domain/records';
import type { DeliveryStatus, InboundCustomerMessage, StatusUpdate } from '../../src/domain/whatsapp';
import { chatPostJobs, chatStatusJob, whatsappSendJob } from '../../src/services/routing';
import { renderInbound } from '../../src/services/render';
import { FIXTURE_PHONE_NUMBER_ID } from '../../test/fixtures/whatsapp';
import { customerText, statusUpdate } from '../../test/support/webhooks';

export const BENCH_CHANNEL = 'C0BENCH01';
const DAY_MS = 24 * 3600_000;
const LEASE_MS = 5 * 60_000;
/** The outbox worker's default `keepDoneMs`: done records older than this are purged hourly. */
const DONE_RETENTION_MS = 8 * DAY_MS;
const AGENT = { id: 'U0BENCHAG', name: 'Bench Agent' };

/** Customers a database of `size` messages is spread over (about 25 messages each in a month). */
export const customersFor = (size: number) => Math.max(50, Math.ceil(size / 25));
export const customerWaId = (i: number) => `4915100${String(i).padStart(6, '0')}`;

/** Runs `fn` over `items` with at most `k` at a time. */
export async function pool<T>(items: T[], k: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(k, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

interface Exchange {
  k: number;
  customer: number;
  at: number;
  conversationId?: string;
  replyId?: string;
  replyWamid?: string;
}

function decodeOne<T extends 'message' | 'status'>(raw: string, type: T) {
  const r = decodeWebhook(Buffer.from(raw));
  const e = r.ok ? r.normalized.events.find((x) => x.type === type) : undefined;
  if (!e) throw new Error(`seed: fixture did not decode to a ${type}`);
  return (e as { message?: InboundCustomerMessage; status?: StatusUpdate })[type === 'message' ? 'message' : 'status']!;
}

const fakeTs = (() => {
  let n = 0;
  return (at: number) => `${Math.floor(at / 1000)}.${String(n++ % 1e6).padStart(6, '0')}`;
})();

export interface SeedProgress {
  (done: number, total: number): void;
}

/** SQLite's answer when its write lock stayed taken past the busy timeout: nothing of that command was written. */
const isLockTimeout = (err: unknown) => err instanceof Error && /database is locked|SQLITE_BUSY/.test(err.message);

/**
 * The store, each call retried while the embedded database answers "database is locked" (on a busy machine 32 seeders
 * can wait on SQLite's write lock past its 10 s timeout). Safe: the refused command wrote nothing, and the bridge does
 * the same (a webhook answered 503 is redelivered by Meta; a job's failed write is retried by the outbox).
 */
function retryingLockTimeouts(store: MongoStore): MongoStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (err) {
            if (!isLockTimeout(err) || attempt >= 30) throw err;
            await new Promise((r) => setTimeout(r, Math.min(5000, 100 * attempt)));
          }
        }
      };
    },
  });
}

/** Stores `size` messages (rounded up to whole exchanges) ending now, `concurrency` exchanges at a time. */
export async function seed(seedStore: MongoStore, size: number, concurrency: number, progress?: SeedProgress): Promise<void> {
  const store = retryingLockTimeouts(seedStore);
  const exchanges = Math.ceil(size / 3);
  const customers = customersFor(size);
  const start = Date.now() - 30 * DAY_MS;
  const step = (30 * DAY_MS) / Math.max(1, exchanges);
  const threads = new Map<string, Promise<string>>();
  const CHUNK = 500;
  const retained = Date.now() - DONE_RETENTION_MS;
  for (let from = 0; from < exchanges; from += CHUNK) {
    const chunk: Exchange[] = [];
    for (let k = from; k < Math.min(exchanges, from + CHUNK); k++) chunk.push({ k, customer: k % customers, at: start + k * step });
    await seedChunk(store, chunk, concurrency, threads, chunk[0]!.at >= retained);
    progress?.(Math.min(size, (from + chunk.length) * 3), size);
  }
}

async function seedChunk(store: MongoStore, chunk: Exchange[], k: number, threads: Map<string, Promise<string>>, withJobs: boolean): Promise<void> {
  // 1. Two customer texts per exchange, as ingest stores them (bridge.ts saves the raw body first).
  const postJobs: NewJob[] = [];
  await pool(chunk, k, async (x) => {
    for (const part of [0, 1]) {
      const at = x.at + part * 60_000;
      const raw = JSON.stringify(
        customerText({
          from: customerWaId(x.customer),
          name: `Customer ${x.customer}`,
          wamid: `wamid.BENCH${x.k}x${part}==`,
          timestamp: String(Math.floor(at / 1000)),
          text: `Hello, this is message ${part} of exchange ${x.k}: could you tell me when my order ships?`,
        }),
      );
      await store.saveRawWebhook('whatsapp', raw);
      const m = decodeOne(raw, 'message') as InboundCustomerMessage;
      const conversation = await store.conversationForInbound(m.accountId, m.customer, m.sentAt);
      x.conversationId = conversation._id;
      const id = `wa:${m.wamid}`;
      await store.insertMessage({
        _id: id,
        conversationId: conversation._id,
        direction: 'inbound',
        createdAt: m.sentAt,
        wamid: m.wamid,
        content: m.content,
        mirrors: [],
      });
      postJobs.push(
        ...chatPostJobs(['slack'], conversation._id, id, { author: { name: m.customer.name ?? 'Customer', role: 'customer' }, body: renderInbound(m) }, true),
      );
    }
  });
  // 2. Their delivery: claim, the thread opened once per conversation, the post mirrored, the job done.
  await deliver(store, k, postJobs, withJobs, async (job) => {
    const p = job.payload as { conversationId: string; messageId: string };
    let thread = threads.get(p.conversationId);
    if (!thread) {
      thread = (async () => {
        const conv = await store.getConversation(p.conversationId);
        const ts = fakeTs(conv!.createdAt.getTime());
        await store.saveThreadLink({
          conversationId: p.conversationId,
          platform: 'slack',
          channelId: BENCH_CHANNEL,
          threadId: ts,
          createdAt: conv!.createdAt,
          lastMentionAt: conv!.createdAt,
        });
        return ts;
      })();
      threads.set(p.conversationId, thread);
    }
    const threadId = await thread;
    await store.addMirror(p.messageId, { platform: 'slack', channelId: BENCH_CHANNEL, threadId, messageId: fakeTs(Date.now()) });
  });
  // 3. One agent reply per exchange (inbound/agent-reply.ts), sent and accepted by Meta (StatusBook.accepted).
  const sendJobs: NewJob[] = [];
  await pool(chunk, k, async (x) => {
    const at = new Date(x.at + 5 * 60_000);
    const ts = fakeTs(at.getTime());
    const threadId = await threads.get(x.conversationId!)!;
    x.replyId = `slack:${BENCH_CHANNEL}:${ts}`;
    const text = `Thanks for writing! Your order ${x.k} ships tomorrow; you will get a tracking link by email.`;
    const origin = { platform: 'slack' as const, channelId: BENCH_CHANNEL, threadId, messageId: ts, authorId: AGENT.id, authorName: AGENT.name };
    await store.insertMessage({
      _id: x.replyId,
      conversationId: x.conversationId!,
      direction: 'outbound',
      createdAt: at,
      origin,
      state: 'queued',
      stateAt: at,
      mirrors: [],
      text,
    });
    await store.recordAgentReply(x.conversationId!, { platform: 'slack', userId: AGENT.id, name: AGENT.name, lastReplyAt: at });
    sendJobs.push(
      whatsappSendJob(
        { conversationId: x.conversationId!, messageId: x.replyId, accountId: FIXTURE_PHONE_NUMBER_ID, to: { waId: customerWaId(x.customer) }, text },
        'whatsapp.send',
      ),
    );
  });
  const byReply = new Map(chunk.map((x) => [x.replyId!, x]));
  await deliver(store, k, sendJobs, withJobs, async (job) => {
    const x = byReply.get((job.payload as { messageId: string }).messageId)!;
    x.replyWamid = `wamid.BENCHOUT${x.k}==`;
    await store.updateMessage(x.replyId!, { wamid: x.replyWamid, state: 'accepted', stateAt: new Date(x.at + 5 * 60_000) });
    await store.linkWamid(x.replyWamid, x.replyId!);
  });
  // 4. Its statuses, each stored as its own raw webhook, applied per status kind with one `applyStatuses` (the bulk
  // path Ingest takes for a webhook's statuses), then recorded on the message and shown in the thread (StatusBook.apply).
  for (const [i, status] of (['sent', 'delivered', 'read'] as DeliveryStatus[]).entries()) {
    const updates: StatusUpdate[] = [];
    await pool(chunk, k, async (x) => {
      const body = statusUpdate(x.replyWamid!, status as 'sent');
      body.entry[0].changes[0].value.statuses[0].timestamp = String(Math.floor((x.at + (6 + i) * 60_000) / 1000));
      const raw = JSON.stringify(body);
      await store.saveRawWebhook('whatsapp', raw);
      updates.push(decodeOne(raw, 'status') as StatusUpdate);
    });
    const results = await store.applyStatuses(updates);
    const statusJobs: NewJob[] = [];
    const byWamid = new Map(chunk.map((x) => [x.replyWamid!, x]));
    await pool(updates, k, async (s, j) => {
      const applied = results[j]!;
      if (!applied.applied || !applied.messageId) return;
      await store.updateMessage(applied.messageId, { state: s.status, stateAt: s.at });
      statusJobs.push(
        chatStatusJob(byWamid.get(s.wamid)!.conversationId!, { platform: 'slack', messageId: applied.messageId, status: s.status, previous: applied.previous }),
      );
    });
    await deliver(store, k, statusJobs, withJobs, async () => undefined);
  }
}

/**
 * What the outbox worker does with `jobs`: enqueue, claim each, run it, record it done. Without `withJobs` (history
 * older than the done records' retention) only what running them wrote is kept: the rest would be purged by now.
 * Claims go `k` at a time, as the worker's queue makes them (OUTBOX_CONCURRENCY): one after another they were the
 * seed's bottleneck (9–13 messages/s, hours for 100k). Each job is claimed once, by `_id`, by this one process.
 */
async function deliver(store: MongoStore, k: number, jobs: NewJob[], withJobs: boolean, run: (job: Pick<NewJob, 'payload'>) => Promise<void>): Promise<void> {
  if (!withJobs) return pool(jobs, k, run);
  await store.enqueue(jobs);
  for (;;) {
    const pending = await store.pendingJobs(1000);
    if (!pending.length) return;
    await pool(pending, k, async (job) => {
      if (!(await store.claimJob(job._id, new Date(Date.now() + LEASE_MS)))) return;
      await run(job);
      await store.completeJob(job._id);
    });
  }
}
