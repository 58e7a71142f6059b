/** Failure classification of Discord REST errors: a deleted message is said to be gone, nothing else is. */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { toDeliveryError } from '../../../../adapters/discord/errors';
import { t } from '../../../../src/i18n';
import { en } from '../../../../src/i18n/catalogue/en';
import { failureNotice } from '../../../../src/services/present/notices';

/** The error discord.js raises for a JSON error body (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
const apiError = (code: number, status: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'PATCH', 'https://discord.com/api/v10/channels/1/messages/2', { body: undefined, files: undefined });

test('Unknown Message (10008): permanent, and the message acted on is gone', () => {
  const e = toDeliveryError(apiError(RESTJSONErrorCodes.UnknownMessage, 404, 'Unknown Message'));
  expect(e.kind).toBe('permanent');
  expect(e.explanation.targetGone).toBe(true);
});

test('Missing Access (50001) needs a person and is not a gone message', () => {
  const e = toDeliveryError(apiError(RESTJSONErrorCodes.MissingAccess, 403, 'Missing Access'));
  expect(e.kind).toBe('needs_person');
  expect(e.explanation.targetGone).toBeUndefined();
});

test('every Discord error the agents’ catalogue words reads there, in English, as the adapter words it; French in a not-delivered notice', () => {
  for (const [name, text] of Object.entries(en.errors.discord)) {
    const e = toDeliveryError(apiError(Number(name.slice(1)), 403, 'x'));
    expect({ key: e.explanation.key, meaning: e.explanation.meaning, action: e.explanation.action }).toEqual({ key: `discord.${name}`, ...text });
  }
  const e = toDeliveryError(apiError(RESTJSONErrorCodes.MissingAccess, 403, 'Missing Access'));
  expect(failureNotice(e.explanation, 'fr')).toContain(t('fr', 'errors.discord.e50001.meaning'));
});
