/**
 * routing.ts: the one place that knows lanes, dedupe keys and destinations. The keys are the jobs' `_id`s in the
 * outbox (adapters/mongo/job-store.ts): they are checked here literally, because changing one would make a
 * redelivered webhook or a retried chat event deliver twice across an upgrade.
 */
import { createHash } from 'node:crypto';
import { decodeWebhook } from '../../../../adapters/whatsapp/normalize';
import type { AccountConfig } from '../../../../src/config';
import { Accounts } from '../../../../src/services/accounts';
import {
  accountChannels,
  agentReactionKey,
  channelLane,
  channelNoticeJobs,
  chatPostJobs,
  chatStatusJob,
  ingestJobs,
  internalMarkJob,
  lane,
  threadNoticeJob,
  agentChangeNoticeJob,
  whatsappReactJob,
  whatsappSendJob,
  whatsappTemplateJob,
  windowReminderJobs,
} from '../../../../src/services/routing';
import { batch, customerText, statusUpdate } from '../../../support/webhooks';

const CONV = '106540352242922:16505551234';
const post = { author: { name: 'Sheena Nelson', role: 'customer' as const }, body: 'hi' };
const to = { waId: '16505551234' };

function eventsOf(body: unknown) {
  const raw = JSON.stringify(body);
  const r = decodeWebhook(Buffer.from(raw));
  if (!r.ok) throw new Error('fixture did not decode');
  return { raw, events: r.normalized.events };
}

describe('lanes', () => {
  it('a conversation on a target, and a channel of its own', () => {
    expect(lane('slack', CONV)).toBe(`slack:${CONV}`);
    expect(lane('whatsapp', CONV)).toBe(`whatsapp:${CONV}`);
    expect(channelLane('discord', '223456789012345678')).toBe('discord:channel:223456789012345678');
  });
});

describe('ingestJobs', () => {
  it('one job per customer (messages in batch order) and one for the statuses, keyed by the body’s hash', () => {
    const { raw, events } = eventsOf(
      batch(customerText({ from: '111', wamid: 'wamid.A' }), customerText({ from: '222', wamid: 'wamid.B' }), customerText({ from: '111', wamid: 'wamid.C' })),
    );
    const jobs = ingestJobs(raw, events);
    const hash = createHash('sha256').update(raw).digest('hex');
    const accountId = (events[0] as { message: { accountId: string } }).message.accountId;
    expect(jobs.map((j) => [j.lane, j.dedupeKey])).toEqual([
      [`ingest:customer:${accountId}:111`, `ingest:${hash}:customer:${accountId}:111`],
      [`ingest:customer:${accountId}:222`, `ingest:${hash}:customer:${accountId}:222`],
    ]);
    const first = JSON.parse((jobs[0]!.payload as { events: string }).events) as Array<{ message: { wamid: string } }>;
    expect(first.map((e) => e.message.wamid)).toEqual(['wamid.A', 'wamid.C']);
  });

  it('statuses of a batch are one job; the same body gives the same keys (a redelivery adds nothing)', () => {
    const { raw, events } = eventsOf(statusUpdate('wamid.X', 'read'));
    const jobs = ingestJobs(raw, events);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.lane).toMatch(/^ingest:statuses:/);
    expect(ingestJobs(raw, events)).toEqual(jobs);
  });

  it('nothing to ingest: no job', () => {
    expect(ingestJobs('{}', [])).toEqual([]);
  });
});

describe('thread jobs', () => {
  it('a post per platform, one key per message and platform whoever posts it', () => {
    const jobs = chatPostJobs(['slack', 'discord'], CONV, 'wa:wamid.A', post, true);
    expect(jobs.map((j) => [j.kind, j.lane, j.dedupeKey, j.payload.platform, j.payload.notify])).toEqual([
      ['chat.post', `slack:${CONV}`, 'slack:post:wa:wamid.A', 'slack', true],
      ['chat.post', `discord:${CONV}`, 'discord:post:wa:wamid.A', 'discord', true],
    ]);
    expect(chatPostJobs([], CONV, 'x', post, false)).toEqual([]);
  });

  it('a status per message, platform and status', () => {
    const job = chatStatusJob(CONV, { platform: 'discord', messageId: 'slack:C1:1.2', status: 'failed' });
    expect([job.kind, job.lane, job.dedupeKey]).toEqual(['chat.status', `discord:${CONV}`, 'discord:status:slack:C1:1.2:failed']);
  });

  it('thread notices: refused files and texts, a reaction outside the window, a reaction WhatsApp refused', () => {
    const keys = [
      threadNoticeJob('slack', CONV, { why: 'files-refused', channelId: 'C1', messageId: '1.2' }, 'b'),
      threadNoticeJob('slack', CONV, { why: 'text-refused', channelId: 'C1', messageId: '1.2' }, 'b'),
      threadNoticeJob('discord', CONV, { why: 'reaction-window', reactionKey: 'discord:react:C2:m1:e1' }, 'b'),
      threadNoticeJob('slack', CONV, { why: 'reaction-failed', targetWamid: 'wamid.A', emoji: '', at: new Date(1000) }, 'b'),
      threadNoticeJob('slack', CONV, { why: 'reaction-failed', targetWamid: 'wamid.A', emoji: '👍', at: new Date(2000) }, 'b'),
    ].map((j) => [j.kind, j.lane, j.dedupeKey]);
    expect(keys).toEqual([
      ['chat.notice', `slack:${CONV}`, 'slack:files-refused:C1:1.2'],
      ['chat.notice', `slack:${CONV}`, 'slack:text-refused:C1:1.2'],
      ['chat.notice', `discord:${CONV}`, 'discord:react:C2:m1:e1:window'],
      ['chat.notice', `slack:${CONV}`, 'slack:reaction-failed:wamid.A:removed:1000'],
      ['chat.notice', `slack:${CONV}`, 'slack:reaction-failed:wamid.A:👍:2000'],
    ]);
  });

  it('an agent’s change to a sent message: one key per chat message and kind, an edit’s with its text', () => {
    const edit = agentChangeNoticeJob('slack', CONV, { channelId: 'C1', messageId: '1.2', kind: 'edit', text: 'It costs 12 euros' }, 'b');
    const del = agentChangeNoticeJob('discord', CONV, { channelId: 'P1', messageId: 'm9', kind: 'delete', text: '' }, 'b');
    expect([edit.kind, edit.lane, edit.dedupeKey]).toEqual(['chat.notice', `slack:${CONV}`, 'slack:agent-edit:C1:1.2:5814348b246f29f0']);
    expect([del.kind, del.lane, del.dedupeKey]).toEqual(['chat.notice', `discord:${CONV}`, 'discord:agent-delete:P1:m9']);
  });

  it('the window reminder: a scheduled check per platform and customer message, in a lane of its own', () => {
    const at = new Date(1_800_000_000_000);
    const jobs = windowReminderJobs(['slack', 'discord'], CONV, 'wa:wamid.A', at);
    expect(jobs.map((j) => [j.kind, j.lane, j.dedupeKey, j.notBefore])).toEqual([
      ['chat.window_reminder', `slack:reminder:${CONV}`, 'slack:window-reminder:wa:wamid.A', at],
      ['chat.window_reminder', `discord:reminder:${CONV}`, 'discord:window-reminder:wa:wamid.A', at],
    ]);
    expect(jobs[1]!.payload).toEqual({ platform: 'discord', conversationId: CONV, messageId: 'wa:wamid.A' });
  });

  it('the 🔒 mark on a message kept internal', () => {
    const job = internalMarkJob(CONV, 'slack:C1:1.2', { platform: 'slack', channelId: 'C1', threadId: '1.0', messageId: '1.2', emoji: '🔒', otherwise: 'x' });
    expect([job.kind, job.lane, job.dedupeKey]).toEqual(['chat.react', `slack:${CONV}`, 'slack:internal:slack:C1:1.2']);
  });
});

describe('channel notices', () => {
  const channels = [
    { platform: 'slack' as const, channelId: 'C1' },
    { platform: 'discord' as const, channelId: 'D1' },
    { platform: 'slack' as const, channelId: 'C1' },
  ];

  it('one per distinct channel, in the channel’s lane', () => {
    const jobs = channelNoticeJobs(channels, { why: 'stuck', jobId: 'j1' }, 'b');
    expect(jobs.map((j) => [j.kind, j.lane, j.dedupeKey])).toEqual([
      ['chat.channel_notice', 'slack:channel:C1', 'slack:notice:stuck:j1'],
      ['chat.channel_notice', 'discord:channel:D1', 'discord:notice:stuck:j1'],
    ]);
  });

  it('keys: an account event (its field, account and value), a parking incident, a lost post', () => {
    const value = { event: 'PAUSED' };
    const hash = createHash('sha256')
      .update(`message_template_status_update:WABA1:${JSON.stringify(value)}`)
      .digest('hex')
      .slice(0, 24);
    const [event] = channelNoticeJobs([channels[0]!], { why: 'account-event', field: 'message_template_status_update', wabaId: 'WABA1', value }, 'b');
    expect(event!.dedupeKey).toBe(`slack:notice:C1:${hash}`);
    const [parked] = channelNoticeJobs([channels[1]!], { why: 'parked', target: 'whatsapp:account:1', since: new Date(5000) }, 'b');
    expect(parked!.dedupeKey).toBe('discord:notice:parked:whatsapp:account:1:5000');
    const [lost] = channelNoticeJobs([channels[0]!], { why: 'lost-post', messageId: 'wa:wamid.A' }, 'b');
    expect(lost!.dedupeKey).toBe('slack:lost-post:wa:wamid.A');
  });

  it('an account’s channels: every platform it mirrors to', () => {
    const both: AccountConfig = {
      name: 'a',
      phoneNumberId: '1',
      accessToken: 't',
      slack: { channelId: 'C1', notifyUsers: [] },
      discord: { channelId: 'D1', notifyUsers: [] },
    };
    const slackOnly: AccountConfig = { name: 'b', phoneNumberId: '2', accessToken: 't', slack: { channelId: 'C2', notifyUsers: [] } };
    const accounts = new Accounts([both, slackOnly]);
    expect(accountChannels(accounts, [both, slackOnly])).toEqual([
      { platform: 'slack', channelId: 'C1' },
      { platform: 'discord', channelId: 'D1' },
      { platform: 'slack', channelId: 'C2' },
    ]);
  });
});

describe('WhatsApp jobs', () => {
  it('text and file parts share one key rule (the part’s stored id), in the conversation’s WhatsApp lane', () => {
    const text = whatsappSendJob({ conversationId: CONV, messageId: 'slack:C1:1.2', accountId: '1', to, text: 'hi' }, 'whatsapp.send');
    const file = whatsappSendJob(
      {
        conversationId: CONV,
        messageId: 'slack:C1:1.2:file:0',
        accountId: '1',
        to,
        platform: 'slack',
        file: { id: 'F1', name: 'a.pdf', mimeType: 'application/pdf', size: 1, url: 'https://files.slack.com/F1', auth: 'bot-token' },
        kind: 'document',
      },
      'whatsapp.send_media',
    );
    expect([text.kind, text.lane, text.dedupeKey]).toEqual(['whatsapp.send', `whatsapp:${CONV}`, 'whatsapp:send:slack:C1:1.2']);
    expect([file.kind, file.lane, file.dedupeKey]).toEqual(['whatsapp.send_media', `whatsapp:${CONV}`, 'whatsapp:send:slack:C1:1.2:file:0']);
  });

  it('a template: its message id; a bulk recipient: the bulk and the phone', () => {
    const template = { name: 'hello', language: 'en' } as never;
    const one = whatsappTemplateJob({ conversationId: CONV, messageId: 'template:u1', accountId: '1', to, template });
    const bulk = whatsappTemplateJob({
      conversationId: CONV,
      messageId: 'bulk:b1:16505551234',
      accountId: '1',
      to,
      template,
      bulk: { bulkId: 'b1', phone: '16505551234' },
    });
    expect([one.lane, one.dedupeKey]).toEqual([`whatsapp:${CONV}`, 'whatsapp:template:template:u1']);
    expect(bulk.dedupeKey).toBe('bulk:b1:16505551234');
  });

  it('an agent’s reaction: keyed by the reaction event (a platform’s retry is the same key)', () => {
    const key = agentReactionKey({ platform: 'slack', channelId: 'C1', messageId: '1.2', eventId: 'Ev1' });
    expect(key).toBe('slack:react:C1:1.2:Ev1');
    const job = whatsappReactJob(key, { conversationId: CONV, accountId: '1', to, targetWamid: 'wamid.A', emoji: '👍', platform: 'slack' });
    expect([job.kind, job.lane, job.dedupeKey]).toEqual(['whatsapp.react', `whatsapp:${CONV}`, key]);
  });
});
