/** A platform is down while its calls fail as an outage, up again at the first call that works; a lone old failure is forgotten. */
import { UpstreamHealth } from '../../../../../src/services/health/upstream';

test('outages mark the platform down until a call works; refusals and rate limits do not; stale failures expire', () => {
  let now = 1_000_000;
  const health = new UpstreamHealth(60_000, () => now);
  const call = (outcome: 'ok' | 'refused' | 'rate_limited' | 'server_error' | 'network', method = 'chat.postMessage') =>
    health.observe({ platform: 'slack', method, outcome, seconds: 0.1, problem: `${outcome} problem` });

  call('refused');
  call('rate_limited');
  expect(health.current('slack')).toBeUndefined();
  call('server_error');
  now += 1000;
  call('network', 'reactions.add');
  expect(health.current('slack')).toEqual({
    method: 'reactions.add',
    outcome: 'network',
    problem: 'network problem',
    since: new Date(1_000_000),
    last: new Date(1_001_000),
  });
  expect(health.current('discord')).toBeUndefined();
  call('ok');
  expect(health.current('slack')).toBeUndefined();

  call('server_error');
  now += 60_001;
  expect(health.current('slack')).toBeUndefined();
});
