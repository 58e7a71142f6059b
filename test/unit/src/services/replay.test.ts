/**
 * Replay's choices (src/services/replay.ts) on the in-memory store: which events of a stored webhook go back to the
 * outbox, under which keys, and what is left alone (the flow test test/flow/admin-cli.test.ts runs it end to end).
 */
import { createMemoryStore } from '../../../../adapters/memory';
import { decodeWebhook } from '../../../../adapters/whatsapp/normalize';
import { ingestJobs } from '../../../../src/services/routing';
import { replayWebhooks } from '../../../../src/services/replay';
import { loadWhatsAppFixture } from '../../../fixtures/whatsapp';
import { customerText, statusUpdate } from '../../../support/webhooks';

const decode = (raw: string) => {
  const d = decodeWebhook(Buffer.from(raw));
  return d.ok ? d.normalized.events : undefined;
};
const range = () => ({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });

test('stored messages are left out, new ones and statuses go back under the original keys, account events are not replayed', async () => {
  const store = createMemoryStore();
  const stored = JSON.stringify(customerText({ from: '4915100000081', wamid: 'wamid.STORED' }));
  const lost = JSON.stringify(customerText({ from: '4915100000082', wamid: 'wamid.LOST' }));
  const statuses = JSON.stringify(statusUpdate('wamid.OUT1', 'delivered'));
  const account = JSON.stringify(loadWhatsAppFixture('template-status-approved'));
  for (const body of [stored, lost, statuses, account, '{"object":"not whatsapp"}']) await store.saveRawWebhook('whatsapp', body);
  await store.saveRawWebhook('whatsapp-quarantine', JSON.stringify(customerText({ wamid: 'wamid.QUARANTINED' })));
  await store.insertMessage({ _id: 'wa:wamid.STORED', conversationId: 'x', direction: 'inbound', createdAt: new Date(), mirrors: [] });
  // The statuses' ingest already ran: its key is recorded as done.
  const [statusJob] = ingestJobs(statuses, decode(statuses)!);
  await store.enqueue([statusJob!]);
  await store.claimJob(statusJob!.dedupeKey, new Date(Date.now() + 60_000));
  await store.completeJob(statusJob!.dedupeKey);

  const report = await replayWebhooks(store, decode, range());
  expect(report).toEqual({ webhooks: 5, messages: 1, storedAlready: 1, statuses: 1, accountEvents: 1, unreadable: 1, jobs: 2 });
  // Only the lost message's ingest is pending, under the key its webhook gave it the first time.
  const pending = await store.pendingJobs(10);
  expect(pending.map((j) => j._id)).toEqual(ingestJobs(lost, decode(lost)!).map((j) => j.dedupeKey));

  // A second replay queues nothing new (the job is live: its key is taken).
  await replayWebhooks(store, decode, range());
  expect(await store.pendingJobs(10)).toHaveLength(1);
});
