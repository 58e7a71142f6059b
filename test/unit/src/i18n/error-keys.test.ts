/**
 * Every failure explanation the three adapters' tables produce (adapters/{whatsapp,slack,discord}/errors.ts) carries a
 * catalogue key that every language has (issue 11 point 9), and the English catalogue words it exactly as the adapter
 * does (logs and English notices read the adapter's words). Table-driven over the adapters' own code lists: a code
 * added to a table without its texts in every language fails here.
 */
import { ErrorCode } from '@slack/web-api';
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DISCORD_CODES, toDeliveryError as discordError } from '../../../../adapters/discord/errors';
import { SLACK_ERRORS, toDeliveryError as slackError } from '../../../../adapters/slack/errors';
import { WHATSAPP_CODES, explainWhatsAppError, graphHttpError } from '../../../../adapters/whatsapp/errors';
import type { FailureExplanation } from '../../../../src/domain/errors';
import { LANGUAGES } from '../../../../src/i18n';
import { en } from '../../../../src/i18n/catalogue/en';
import { catalogueWords, explanationIn, failureNotice } from '../../../../src/services/present/notices';

const discordApiError = (code: number, status: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', { body: undefined, files: undefined });

/** Every path of each adapter's explanation: each table's codes, and every failure without a listed code. */
const cases: [string, FailureExplanation][] = [
  ...WHATSAPP_CODES.map((code): [string, FailureExplanation] => [`WhatsApp ${code}`, explainWhatsAppError({ code, title: 't' })]),
  ...WHATSAPP_CODES.map((code): [string, FailureExplanation] => [
    `WhatsApp ${code} with Meta's details`,
    explainWhatsAppError({ code, title: 't', details: 'Meta says more' }),
  ]),
  ['WhatsApp unknown code', explainWhatsAppError({ code: 999999, title: 'Brand new failure', details: 'more words' })],
  ['Graph HTTP 503 without a body', graphHttpError(503, undefined).explanation],
  ['Graph HTTP 404 without a body', graphHttpError(404, undefined).explanation],
  ...SLACK_ERRORS.map((error): [string, FailureExplanation] => [`Slack ${error}`, slackError({ code: ErrorCode.PlatformError, data: { error } }).explanation]),
  ['Slack rate limit', slackError({ code: ErrorCode.RateLimitedError, retryAfter: 3 }).explanation],
  ['Slack request error', slackError({ code: ErrorCode.RequestError, message: 'getaddrinfo ENOTFOUND slack.com' }).explanation],
  ['Slack request error without a message', slackError({ code: ErrorCode.RequestError }).explanation],
  ['Slack HTTP 502', slackError({ code: ErrorCode.HTTPError, statusCode: 502 }).explanation],
  ['Slack HTTP 400', slackError({ code: ErrorCode.HTTPError, statusCode: 400 }).explanation],
  ['Slack internal_error', slackError({ code: ErrorCode.PlatformError, data: { error: 'internal_error' } }).explanation],
  ['Slack unlisted error', slackError({ code: ErrorCode.PlatformError, data: { error: 'brand_new_error' } }).explanation],
  ['Slack socket error', slackError(new Error('socket hang up')).explanation],
  ['Slack unexpected error', slackError(new Error('something odd')).explanation],
  ...DISCORD_CODES.map((code): [string, FailureExplanation] => [`Discord ${code}`, discordError(discordApiError(code, 403, 'x')).explanation]),
  ['Discord 401 without a listed code', discordError(discordApiError(0, 401, '401: Unauthorized')).explanation],
  ['Discord unlisted code', discordError(discordApiError(50109, 400, 'The request body contains invalid JSON.')).explanation],
  ['Discord 503', discordError(discordApiError(0, 503, 'Service Unavailable')).explanation],
  [
    'Discord rate limit',
    discordError(
      new RateLimitError({
        timeToReset: 1000,
        limit: 5,
        method: 'POST',
        hash: 'h',
        url: 'https://discord.com/api/v10/channels/1/messages',
        route: '/channels/:id/messages',
        majorParameter: '1',
        global: false,
        retryAfter: 1000,
        sublimitTimeout: 0,
        scope: 'user',
      }),
    ).explanation,
  ],
  ['Discord HTTP 502 page', discordError(new HTTPError(502, 'Bad Gateway', 'POST', 'http://x', { body: undefined, files: undefined })).explanation],
  ['Discord HTTP 404 page', discordError(new HTTPError(404, 'Not Found', 'POST', 'http://x', { body: undefined, files: undefined })).explanation],
  ['Discord network error', discordError(new Error('connect ECONNREFUSED 127.0.0.1:443')).explanation],
  ['Discord unexpected error', discordError(new Error('something odd')).explanation],
];

describe('every explanation of the adapters’ error tables is in the catalogue, in every language', () => {
  test.each(cases)('%s: keyed, and the English catalogue words it as the adapter does', (_name, e) => {
    expect(e.key).toBeDefined();
    expect(catalogueWords(e, 'en')).toEqual({ meaning: e.meaning, action: e.action });
  });

  test.each(cases)('%s: every language has its own words for it', (_name, e) => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const words = catalogueWords(e, language);
      expect(words).toBeDefined();
      expect(explanationIn(e, language)).toEqual({ ...e, ...words });
      // The platform's own detail is kept, placed or in parentheses, never a `{{detail}}` left unfilled.
      if (e.detail) expect(words!.meaning).toContain(e.detail);
      expect(words!.meaning).not.toContain('{{');
    }
  });

  test('every code the catalogue words is one a table has (no orphan texts)', () => {
    expect(Object.keys(en.errors.whatsapp).sort()).toEqual(WHATSAPP_CODES.map((c) => `e${c}`).sort());
    expect(Object.keys(en.errors.slack).sort()).toEqual([...SLACK_ERRORS].sort());
    expect(Object.keys(en.errors.discord).sort()).toEqual(DISCORD_CODES.map((c) => `e${c}`).sort());
  });

  test('a key missing from the catalogue leaves the adapter’s English as it is (the check above would fail first)', () => {
    const e = { ...explainWhatsAppError({ code: 131026, title: 't' }), key: 'whatsapp.e9' };
    expect(catalogueWords(e, 'it')).toBeUndefined();
    expect(failureNotice(e, 'it')).toContain(e.meaning);
  });

  test('a detail the text places goes where it says (Italian), and in parentheses otherwise', () => {
    expect(explanationIn(graphHttpError(404, undefined).explanation, 'it').meaning).toBe('la Graph API ha risposto HTTP 404');
    const network = slackError({ code: ErrorCode.RequestError, message: 'getaddrinfo ENOTFOUND slack.com' }).explanation;
    expect(explanationIn(network, 'it').meaning).toBe('Slack non è raggiungibile (getaddrinfo ENOTFOUND slack.com)');
    expect(explanationIn(discordError(discordApiError(RESTJSONErrorCodes.UnknownMessage, 404, 'Unknown Message')).explanation, 'fr').action).toBe(
      'rien : il a probablement été supprimé',
    );
  });
});
