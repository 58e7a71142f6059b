/** @slack/web-api errors → typed DeliveryErrors with what a person should do. */
import { DeliveryError, type FailureExplanation } from '../../src/domain/errors';

/**
 * Refusals a person clears (invite the bot, restore a scope, reinstall the app, unarchive the channel): the same call
 * then succeeds, so the outbox parks these deliveries and resumes them instead of dropping them. Codes and meanings:
 * the `chat.postMessage` error table (docs.slack.dev/reference/methods/chat.postMessage#errors).
 */
const NEEDS_PERSON = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'account_inactive', 'is_archived', 'invalid_auth', 'token_revoked']);

const RETRYABLE_PLATFORM = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'team_added_to_org']);

const ACTIONS: Record<string, Omit<FailureExplanation, 'code'>> = {
  channel_not_found: {
    meaning: 'the Slack channel does not exist or the bot cannot see it',
    action: 'check SLACK_CHANNEL_ID and invite the bot to the channel',
  },
  not_in_channel: { meaning: 'the bot is not a member of the Slack channel', action: 'invite the bot to the channel (/invite @bot)' },
  is_archived: { meaning: 'the Slack channel is archived', action: 'unarchive it or route the number to another channel' },
  invalid_auth: { meaning: 'Slack refused the bot token', action: 'check SLACK_BOT_TOKEN' },
  token_revoked: { meaning: 'the Slack bot token was revoked', action: 'reinstall the Slack app and set the new SLACK_BOT_TOKEN' },
  account_inactive: { meaning: 'the Slack bot token belongs to a deactivated app or user', action: 'reinstall the Slack app' },
  missing_scope: { meaning: 'the Slack app lacks a permission', action: 'add the scopes listed in docker/slack-app-manifest.yml and reinstall the app' },
  msg_too_long: { meaning: 'the message is too long for Slack', action: 'nothing: it cannot be shown in full' },
  message_not_found: { meaning: 'the Slack message no longer exists', action: 'nothing', targetGone: true },
};

/** Every Slack error the table words: each has its texts in the agents' catalogue (a unit test checks every language). */
export const SLACK_ERRORS: readonly string[] = Object.keys(ACTIONS);

interface SlackLikeError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
}

/**
 * The Web API error (`err`) explained as a DeliveryError, which keeps `err` as its `cause`. Every explanation carries
 * its catalogue key (src/i18n/catalogue/<language>/errors.ts: `slack.<error>`, or `slackOther.*` with Slack's own words
 * as `detail`), so the core shows it in the account's language.
 */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err; // already explained (file transfers)
  const e = err as SlackLikeError;
  const cause = { cause: err };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return DeliveryError.retryable(
        'slack',
        { code: 'ratelimited', meaning: 'Slack rate limit reached', action: 'nothing: the bridge waits and retries', key: 'slackOther.ratelimited' },
        (e.retryAfter ?? 1) * 1000,
        cause,
      );
    case 'slack_webapi_request_error':
      return DeliveryError.retryable(
        'slack',
        {
          code: 'network',
          meaning: `Slack could not be reached (${e.message ?? 'network error'})`,
          action: 'nothing: the bridge retries',
          key: 'slackOther.network',
          detail: e.message ?? 'network error',
        },
        undefined,
        cause,
      );
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      const explanation = { code: `HTTP ${status}`, meaning: `Slack answered HTTP ${status}`, action: 'nothing: the bridge retries', detail: String(status) };
      return status >= 500 || status === 429
        ? DeliveryError.retryable('slack', { ...explanation, key: 'slackOther.httpPassing' }, undefined, cause)
        : DeliveryError.permanent('slack', { ...explanation, action: 'check the Slack app configuration', key: 'slackOther.httpRefused' }, cause);
    }
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown';
      if (RETRYABLE_PLATFORM.has(code))
        return DeliveryError.retryable(
          'slack',
          { code, meaning: `Slack had a temporary problem (${code})`, action: 'nothing: the bridge retries', key: 'slackOther.temporary', detail: code },
          undefined,
          cause,
        );
      const known = ACTIONS[code]
        ? { ...ACTIONS[code], key: `slack.${code}` }
        : { meaning: `Slack refused the call (${code})`, action: 'check the Slack app configuration', key: 'slackOther.refused', detail: code };
      return NEEDS_PERSON.has(code)
        ? DeliveryError.needsPerson('slack', { code, ...known }, cause)
        : DeliveryError.permanent('slack', { code, ...known }, cause);
    }
    default:
      if (e.message && /timeout|timed out|ECONN|socket/i.test(e.message)) {
        return DeliveryError.retryable(
          'slack',
          {
            code: 'network',
            meaning: `Slack could not be reached (${e.message})`,
            action: 'nothing: the bridge retries',
            key: 'slackOther.network',
            detail: e.message,
          },
          undefined,
          cause,
        );
      }
      return DeliveryError.retryable(
        'slack',
        {
          code: 'unexpected',
          meaning: e.message ?? String(err),
          action: 'nothing: the bridge retries',
          key: 'slackOther.unexpected',
          detail: e.message ?? String(err),
        },
        undefined,
        cause,
      );
  }
}
