/** Slack Web API errors read as call outcomes, with the rules the outbox uses (errors.ts). */
import { slackOutcome } from '../../../../adapters/slack/api-metrics';

test('platform refusals, rate limits, HTTP 5xx, Slack’s temporary errors and no answer', () => {
  const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
  expect(slackOutcome(platform('not_in_channel'))).toEqual({ outcome: 'refused', problem: 'not_in_channel: the bot is not a member of the Slack channel' });
  expect(slackOutcome(platform('service_unavailable')).outcome).toBe('server_error');
  expect(slackOutcome({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 }).outcome).toBe('rate_limited');
  expect(slackOutcome({ code: 'slack_webapi_http_error', statusCode: 503 })).toEqual({ outcome: 'server_error', problem: 'HTTP 503: Slack answered HTTP 503' });
  expect(slackOutcome({ code: 'slack_webapi_http_error', statusCode: 429 }).outcome).toBe('rate_limited');
  expect(slackOutcome({ code: 'slack_webapi_request_error', message: 'ECONNRESET' }).outcome).toBe('network');
});
