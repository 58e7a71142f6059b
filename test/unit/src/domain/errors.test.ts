/**
 * The three kinds of delivery failure (src/domain/errors.ts) as each platform's classifier sets them, and notices
 * that never promise a retry the bridge will not make.
 */
import { DiscordAPIError } from 'discord.js';
import { ErrorCode } from '@slack/web-api';
import { toDeliveryError as fromDiscord } from '../../../../adapters/discord/errors';
import { toDeliveryError as fromSlack } from '../../../../adapters/slack/errors';
import { graphHttpError } from '../../../../adapters/whatsapp/errors';
import { BridgeError, ConfigError, DeliveryError, ErrorCode as BridgeErrorCode } from '../../../../src/domain/errors';
import { failureNotice, pausedNotice } from '../../../../src/services/delivery';
import { duration } from '../../../../src/services/outbox/stuck';

const slackPlatform = (error: string) => fromSlack({ code: ErrorCode.PlatformError, data: { ok: false, error } });
const discordApi = (status: number, code: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'http://x/api/v10/channels/1/messages', { body: undefined, files: undefined });
const graphBody = (code: number) => ({ error: { message: `(#${code}) x`, type: 'OAuthException', code, fbtrace_id: 'A' } });

describe('needs a person: parked, not failed', () => {
  it.each(['not_in_channel', 'channel_not_found', 'missing_scope', 'account_inactive', 'is_archived', 'invalid_auth', 'token_revoked'])('Slack %s', (code) => {
    const e = slackPlatform(code);
    expect(e.kind).toBe('needs_person');
    expect(e.needsPerson).toBe(true);
    expect(e.retryable).toBe(false);
    expect(e.explanation.code).toBe(code);
  });

  it.each([
    [403, 50001, 'Missing Access'],
    [403, 50013, 'Missing Permissions'],
    [401, 0, '401: Unauthorized'],
  ])('Discord %i %i', (status, code, message) => {
    expect(fromDiscord(discordApi(status, code, message)).kind).toBe('needs_person');
  });

  it.each([
    [401, 190],
    [403, 10],
    [400, 131042],
  ])('WhatsApp HTTP %i code %i', (status, code) => {
    expect(graphHttpError(status, graphBody(code)).kind).toBe('needs_person');
  });

  it('WhatsApp HTTP 401 without Meta’s body is the token too', () => {
    expect(graphHttpError(401, 'Unauthorized').kind).toBe('needs_person');
  });
});

describe('the other two kinds stay as they were', () => {
  it('Slack msg_too_long and an unknown code: permanent; ratelimited and 5xx: retryable', () => {
    expect(slackPlatform('msg_too_long').kind).toBe('permanent');
    expect(slackPlatform('brand_new_error').kind).toBe('permanent');
    expect(fromSlack({ code: ErrorCode.RateLimitedError, retryAfter: 2 }).kind).toBe('retryable');
    expect(fromSlack({ code: ErrorCode.HTTPError, statusCode: 503 }).kind).toBe('retryable');
  });

  it('Discord Unknown Message: permanent; 500: retryable', () => {
    expect(fromDiscord(discordApi(404, 10008, 'Unknown Message')).kind).toBe('permanent');
    expect(fromDiscord(discordApi(500, 0, 'Internal Server Error')).kind).toBe('retryable');
  });

  it('WhatsApp 131047 and 131026: permanent; a 5xx with code 190: retryable (the status wins)', () => {
    expect(graphHttpError(400, graphBody(131047)).kind).toBe('permanent');
    expect(graphHttpError(400, graphBody(131026)).kind).toBe('permanent');
    expect(graphHttpError(500, graphBody(190)).kind).toBe('retryable');
  });

  it('the boolean constructor keeps its meaning', () => {
    const explanation = { code: 'x', meaning: 'm', action: 'a' };
    expect(new DeliveryError(true, explanation, 'slack').kind).toBe('retryable');
    expect(new DeliveryError(false, explanation, 'slack').kind).toBe('permanent');
  });
});

describe('notices tell the truth', () => {
  it('a failure notice never promises a retry, even for a code that is passing on a send (131000 in a failed status)', () => {
    const text = failureNotice({ code: '131000', meaning: 'WhatsApp had an unknown error', action: 'nothing: the bridge retries' });
    expect(text).not.toMatch(/the bridge retries/);
    expect(text).toMatch(/does not send it again by itself/);
    expect(failureNotice({ code: '131047', meaning: 'window closed', action: 'send an approved template' })).toContain(
      '*What to do:* send an approved template',
    );
  });

  it('a paused notice names the target and what to do, and says it resumes by itself', () => {
    const text = pausedNotice({
      label: 'the Slack channel C0SUPPORT1',
      code: 'not_in_channel',
      meaning: 'the bot is not a member of the Slack channel',
      action: 'invite the bot to the channel (/invite @bot)',
    });
    expect(text).toBe(
      '⏸ *Paused* (the Slack channel C0SUPPORT1): the bot is not a member of the Slack channel (code not_in_channel).\n*What to do:* invite the bot to the channel (/invite @bot). Delivery resumes by itself once that is fixed; nothing is lost.',
    );
  });

  it('durations in words', () => {
    expect(duration(1_200)).toBe('1 second');
    expect(duration(45_000)).toBe('45 seconds');
    expect(duration(60_000)).toBe('1 minute');
    expect(duration(17 * 60_000 + 5_000)).toBe('17 minutes');
  });
});

describe('one shape: a code, and the error that caused it as `cause`', () => {
  it('a Slack refusal keeps the Web API error as its cause; the message is unchanged', () => {
    const original = { code: ErrorCode.PlatformError, data: { ok: false, error: 'not_in_channel' } };
    const e = fromSlack(original);
    expect(e).toBeInstanceOf(BridgeError);
    expect(e.code).toBe(BridgeErrorCode.DeliveryFailed);
    expect(e.cause).toBe(original);
    expect(e.message).toBe('slack not_in_channel: the bot is not a member of the Slack channel');
  });

  it('a Discord refusal keeps the discord.js error as its cause', () => {
    const original = discordApi(403, 50001, 'Missing Access');
    const e = fromDiscord(original);
    expect(e).toMatchObject({ code: BridgeErrorCode.DeliveryFailed, kind: 'needs_person' });
    expect(e.cause).toBe(original);
  });

  it('an error already explained is passed through, not wrapped again', () => {
    const explained = DeliveryError.permanent('slack', { code: 'x', meaning: 'y', action: 'z' });
    expect(fromSlack(explained)).toBe(explained);
    expect(fromDiscord(explained)).toBe(explained);
  });

  it('a Graph answer has no error object behind it: no cause', () => {
    const e = graphHttpError(400, graphBody(131047));
    expect(e.code).toBe(BridgeErrorCode.DeliveryFailed);
    expect(e.cause).toBeUndefined();
  });

  it('the cause stays out of JSON (a library error can carry a request body)', () => {
    const e = fromDiscord(discordApi(403, 50001, 'Missing Access'));
    expect(Object.keys(e)).not.toContain('cause');
    expect(JSON.stringify(e)).not.toContain('/api/v10/channels');
  });

  it('ConfigError carries its code and an optional cause', () => {
    const why = new Error('EADDRINUSE');
    const e = new ConfigError('PORT 3000 cannot be used', { cause: why });
    expect(e).toBeInstanceOf(BridgeError);
    expect(e).toMatchObject({ code: BridgeErrorCode.ConfigInvalid, name: 'ConfigError', message: 'PORT 3000 cannot be used', cause: why });
  });
});
