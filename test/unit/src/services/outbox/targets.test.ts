/** outbox/targets.ts: the platform a job delivers to comes from the job itself, never from a guess. */
import { InvariantError } from '../../../../../src/domain/errors';
import type { NewJob, OutboxJob } from '../../../../../src/domain/records';
import { jobPlatform } from '../../../../../src/services/outbox/targets';
import { chatStatusJob, threadNoticeJob } from '../../../../../src/services/routing';

function stored(job: NewJob): OutboxJob {
  const now = new Date();
  return { ...job, _id: job.dedupeKey, seq: 1, state: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now } as OutboxJob;
}

test('a chat job delivers to the platform its payload names', () => {
  expect(jobPlatform(stored(chatStatusJob('1:2', { platform: 'discord', messageId: 'm', status: 'read' })))).toBe('discord');
  expect(jobPlatform(stored(threadNoticeJob('slack', '1:2', { why: 'text-refused', channelId: 'C1', messageId: 'm1' }, 'text')))).toBe('slack');
});

test('a chat job whose payload names no platform is read from its lane', () => {
  const job = stored(chatStatusJob('1:2', { platform: 'discord', messageId: 'm', status: 'read' }));
  delete (job.payload as { platform?: string }).platform;
  expect(job.lane.startsWith('discord:')).toBe(true);
  expect(jobPlatform(job)).toBe('discord');
});

test('a chat job naming no platform anywhere is a defect, not a Slack delivery', () => {
  const job = stored(chatStatusJob('1:2', { platform: 'slack', messageId: 'm', status: 'read' }));
  delete (job.payload as { platform?: string }).platform;
  job.lane = 'nowhere:1:2';
  expect(() => jobPlatform(job)).toThrow(InvariantError);
});
