/** Failure classification of Slack Web API errors. */
import { ErrorCode } from '@slack/web-api';
import { toDeliveryError } from '../../../../adapters/slack/errors';
import { t } from '../../../../src/i18n';
import { en } from '../../../../src/i18n/catalogue/en';
import { pausedNotice } from '../../../../src/services/present/notices';

describe('Slack toDeliveryError', () => {
  it('the Web API error codes are the ones the mapping switches on', () => {
    expect(ErrorCode.RateLimitedError).toBe('slack_webapi_rate_limited_error');
    expect(ErrorCode.RequestError).toBe('slack_webapi_request_error');
    expect(ErrorCode.HTTPError).toBe('slack_webapi_http_error');
    expect(ErrorCode.PlatformError).toBe('slack_webapi_platform_error');
  });

  it('rate limited: retryable, retryAfter seconds → ms', () => {
    const e = toDeliveryError({ code: ErrorCode.RateLimitedError, retryAfter: 30, message: 'A rate limit was exceeded' });
    expect(e.platform).toBe('slack');
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBe(30_000);
    expect(e.explanation.code).toBe('ratelimited');
  });

  it('message_not_found: permanent, and the message acted on is gone (a card has nowhere to go: chat-card.ts)', () => {
    const gone = toDeliveryError({ code: ErrorCode.PlatformError, data: { error: 'message_not_found' } });
    expect(gone.kind).toBe('permanent');
    expect(gone.explanation.targetGone).toBe(true);
    const elsewhere = toDeliveryError({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } });
    expect(elsewhere.explanation.targetGone).toBeUndefined();
  });

  it('rate limited without retryAfter: 1 s', () => {
    expect(toDeliveryError({ code: ErrorCode.RateLimitedError }).retryAfterMs).toBe(1000);
  });

  it('request error (network): retryable, the cause in the meaning', () => {
    const e = toDeliveryError({ code: ErrorCode.RequestError, message: 'A request error occurred: getaddrinfo ENOTFOUND slack.com' });
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBeUndefined();
    expect(e.explanation).toEqual({
      code: 'network',
      meaning: 'Slack could not be reached (A request error occurred: getaddrinfo ENOTFOUND slack.com)',
      action: 'nothing: the bridge retries',
      key: 'slackOther.network',
      detail: 'A request error occurred: getaddrinfo ENOTFOUND slack.com',
    });
  });

  it('HTTP 500: retryable', () => {
    const e = toDeliveryError({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(e.retryable).toBe(true);
    expect(e.explanation).toEqual({
      code: 'HTTP 500',
      meaning: 'Slack answered HTTP 500',
      action: 'nothing: the bridge retries',
      key: 'slackOther.httpPassing',
      detail: '500',
    });
  });

  it('HTTP 400: permanent, check the configuration', () => {
    const e = toDeliveryError({ code: ErrorCode.HTTPError, statusCode: 400 });
    expect(e.retryable).toBe(false);
    expect(e.explanation).toEqual({
      code: 'HTTP 400',
      meaning: 'Slack answered HTTP 400',
      action: 'check the Slack app configuration',
      key: 'slackOther.httpRefused',
      detail: '400',
    });
  });

  it('platform error channel_not_found: permanent, the action names SLACK_CHANNEL_ID', () => {
    const e = toDeliveryError({ code: ErrorCode.PlatformError, data: { ok: false, error: 'channel_not_found' } });
    expect(e.retryable).toBe(false);
    expect(e.explanation).toEqual({
      code: 'channel_not_found',
      meaning: 'the Slack channel does not exist or the bot cannot see it',
      action: 'check SLACK_CHANNEL_ID and invite the bot to the channel',
      key: 'slack.channel_not_found',
    });
  });

  it('every Slack error the agents’ catalogue words reads there, in English, as the adapter words it; Italian in a paused notice', () => {
    for (const [code, text] of Object.entries(en.errors.slack)) {
      const e = toDeliveryError({ code: ErrorCode.PlatformError, data: { ok: false, error: code } });
      expect({ key: e.explanation.key, meaning: e.explanation.meaning, action: e.explanation.action }).toEqual({ key: `slack.${code}`, ...text });
    }
    const e = toDeliveryError({ code: ErrorCode.PlatformError, data: { ok: false, error: 'not_in_channel' } });
    const notice = pausedNotice({ label: 'Slack channel C0123', ...e.explanation }, 'it');
    expect(notice).toContain(t('it', 'errors.slack.not_in_channel.meaning'));
    expect(notice).toContain(t('it', 'errors.slack.not_in_channel.action'));
  });

  it('platform error internal_error: retryable', () => {
    const e = toDeliveryError({ code: ErrorCode.PlatformError, data: { ok: false, error: 'internal_error' } });
    expect(e.retryable).toBe(true);
    expect(e.explanation.code).toBe('internal_error');
  });

  it('an unknown platform error: permanent, its code shown', () => {
    const e = toDeliveryError({ code: ErrorCode.PlatformError, data: { ok: false, error: 'brand_new_error' } });
    expect(e.retryable).toBe(false);
    expect(e.explanation).toEqual({
      code: 'brand_new_error',
      meaning: 'Slack refused the call (brand_new_error)',
      action: 'check the Slack app configuration',
      key: 'slackOther.refused',
      detail: 'brand_new_error',
    });
  });

  it('a plain timeout error: retryable network', () => {
    const e = toDeliveryError(new Error('socket hang up'));
    expect(e.retryable).toBe(true);
    expect(e.explanation.code).toBe('network');
  });
});
