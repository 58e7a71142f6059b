/** Failure classification of Discord REST errors: a deleted message is said to be gone, nothing else is. */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { toDeliveryError } from '../../../../adapters/discord/errors';

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
