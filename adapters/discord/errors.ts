/**
 * discord.js / @discordjs/rest errors → typed DeliveryErrors with what a person should do.
 * @discordjs/rest already waits out 429s and retries 5xx and network errors a few times, so what reaches
 * us is either a real refusal (permanent) or an outage that outlasted those retries (retryable: the outbox
 * tries again later).
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DeliveryError, type FailureExplanation } from '../../src/domain/errors';

type Known = Omit<FailureExplanation, 'code'>;

/** Discord JSON error codes (opcodes-and-status-codes.mdx) that a configuration or moderation change fixes. */
const PERMANENT: Partial<Record<number, Known>> = {
  [RESTJSONErrorCodes.MissingAccess]: {
    meaning: 'the bot cannot see the Discord channel (Missing Access)',
    action:
      'give the bot’s role View Channel, Send Messages, Send Messages in Threads, Create Public Threads and Read Message History on the channel set in DISCORD_CHANNEL_ID',
  },
  [RESTJSONErrorCodes.MissingPermissions]: {
    meaning: 'the bot lacks a Discord permission for this (Missing Permissions)',
    action:
      'give the bot’s role Send Messages in Threads, Create Public Threads, Manage Threads, Attach Files and Add Reactions on the channel set in DISCORD_CHANNEL_ID',
  },
  [RESTJSONErrorCodes.UnknownChannel]: {
    meaning: 'the Discord channel or thread does not exist any more (Unknown Channel)',
    action: 'check DISCORD_CHANNEL_ID; if the conversation’s thread was deleted, the bridge cannot post into it',
  },
  [RESTJSONErrorCodes.UnknownGuild]: {
    meaning: 'the bot is not in the Discord server (Unknown Guild)',
    action: 'invite the bot to the server and check DISCORD_GUILD_ID',
  },
  [RESTJSONErrorCodes.UnknownMessage]: {
    meaning: 'the Discord message no longer exists (Unknown Message)',
    action: 'nothing: it was probably deleted',
    targetGone: true,
  },
  [RESTJSONErrorCodes.InvalidActionOnArchivedThread]: {
    meaning: 'the conversation’s Discord thread is archived and locked, and the bot may not reopen it',
    action: 'unlock the thread, or give the bot’s role Manage Threads on the channel so it can reopen threads itself',
  },
  [RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel]: {
    meaning: 'the Discord channel is not a text or forum channel',
    action: 'set DISCORD_CHANNEL_ID to a text channel or a forum channel',
  },
  [RESTJSONErrorCodes.MaximumActiveThreads]: {
    meaning: 'the Discord server has reached its limit of active threads',
    action: 'archive old threads in the channel; the bridge reopens a conversation’s thread when the customer writes again',
  },
  [RESTJSONErrorCodes.Unauthorized]: {
    meaning: 'Discord refused the bot token',
    action: 'check DISCORD_BOT_TOKEN (Developer Portal → your app → Bot → Reset Token)',
  },
  [RESTJSONErrorCodes.InvalidFormBodyOrContentType]: {
    meaning: 'Discord refused the message’s content (Invalid Form Body)',
    action: 'report this to the bridge’s maintainers with the log line',
  },
};

/**
 * Refusals a person clears (a role or channel permission, the bot's token, inviting the bot): the same call then
 * succeeds, so the outbox parks these deliveries and resumes them (on a permission/guild update or the periodic probe).
 */
const NEEDS_PERSON = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.Unauthorized,
  RESTJSONErrorCodes.UnknownGuild,
]);

/** Discord codes that clear by themselves (slow mode, "try again later"). */
const RETRYABLE = new Set<number>([RESTJSONErrorCodes.ActionCannotBePerformedDueToSlowmodeRateLimit, RESTJSONErrorCodes.APIResourceOverloaded]);

/** Every Discord code the table words: each has its texts in the agents' catalogue (a unit test checks every language). */
export const DISCORD_CODES: readonly number[] = Object.keys(PERMANENT).map(Number);

/** A passing failure, worded by the catalogue's `discordOther.<key>` with `detail` (Discord's own words) in it. */
const retryLater = (code: string, meaning: string, key: string, detail: string, cause: unknown, retryAfterMs?: number): DeliveryError =>
  DeliveryError.retryable('discord', { code, meaning, action: 'nothing: the bridge retries', key: `discordOther.${key}`, detail }, retryAfterMs, { cause });

/**
 * The discord.js error (`err`) explained as a DeliveryError, which keeps `err` as its `cause`. Every explanation
 * carries its catalogue key (src/i18n/catalogue/<language>/errors.ts: `discord.e<code>`, or `discordOther.*`), so the
 * core shows it in the account's language.
 */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const cause = { cause: err };
  if (err instanceof RateLimitError) {
    return retryLater('ratelimited', `Discord rate limit reached on ${err.route}`, 'ratelimited', err.route, err, err.retryAfter);
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    if (err.status >= 500 || err.status === 429 || RETRYABLE.has(code)) {
      const detail = `HTTP ${err.status}: ${err.message}`;
      return retryLater(String(err.code || `HTTP ${err.status}`), `Discord had a temporary problem (${detail})`, 'temporary', detail, err);
    }
    const known = PERMANENT[code] ?? (err.status === 401 ? PERMANENT[RESTJSONErrorCodes.Unauthorized] : undefined);
    const needsPerson = NEEDS_PERSON.has(code) || err.status === 401;
    const key = `discord.e${PERMANENT[code] ? code : RESTJSONErrorCodes.Unauthorized}`;
    if (known)
      return new DeliveryError(needsPerson ? 'needs_person' : 'permanent', { code: String(code || err.status), ...known, key }, 'discord', undefined, cause);
    const detail = `HTTP ${err.status}: ${err.message}`;
    return DeliveryError.permanent(
      'discord',
      {
        code: String(err.code || `HTTP ${err.status}`),
        meaning: `Discord refused the call (${detail})`,
        action: 'check the bot’s permissions on the channel set in DISCORD_CHANNEL_ID',
        key: 'discordOther.refused',
        detail,
      },
      cause,
    );
  }
  if (err instanceof HTTPError) {
    // Bodies that are not Discord JSON (e.g. a proxy's 502 page).
    if (err.status >= 500 || err.status === 429)
      return retryLater(`HTTP ${err.status}`, `Discord answered HTTP ${err.status}`, 'httpPassing', String(err.status), err);
    return DeliveryError.permanent(
      'discord',
      {
        code: `HTTP ${err.status}`,
        meaning: `Discord answered HTTP ${err.status}`,
        action: 'check DISCORD_API_URL',
        key: 'discordOther.httpRefused',
        detail: String(err.status),
      },
      cause,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  // Timeouts (AbortError), refused connections, DNS failures: Discord unreachable for now.
  if (
    err instanceof Error &&
    (err.name === 'AbortError' || /timeout|timed out|ECONN|ENOTFOUND|EAI_AGAIN|socket|fetch failed|other side closed/i.test(message))
  ) {
    return retryLater('network', `Discord could not be reached (${message})`, 'network', message, err);
  }
  return retryLater('unexpected', message, 'unexpected', message, err);
}

/** The error's Discord JSON code, when it is a DiscordAPIError. */
export function discordCode(err: unknown): number | undefined {
  if (!(err instanceof DiscordAPIError)) return undefined;
  return typeof err.code === 'number' ? err.code : Number(err.code);
}
