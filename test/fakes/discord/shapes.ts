/**
 * Shared types and small helpers of the fake Discord: Discord's error body, snowflakes, timestamps,
 * permission bits, emoji and content-type handling. Shapes: see test/fixtures/discord/SOURCES.md.
 */
import {
  ApplicationFlags,
  GatewayIntentBits,
  RESTJSONErrorCodes,
  type APIApplicationCommand,
  type APIGuildForumChannel,
  type APIMessage,
  type APITextChannel,
  type APIThreadChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';

export type Emit = (t: string, d: unknown) => void;
export type StoredChannel = APITextChannel | APIGuildForumChannel | APIThreadChannel;
export type JsonObject = Record<string, unknown>;
/** Thread as returned by the create endpoints (forum posts embed their starter `message`). */
export type CreatedThread = APIThreadChannel & { message?: APIMessage };

export const NO_USER_FLAGS = 0 as UserFlags;
export const NO_ROLE_FLAGS = 0 as RoleFlags;
export const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;
export const NO_CHANNEL_FLAGS = 0 as ChannelFlags;

export const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080] as const;
const DISCORD_EPOCH = 1420070400000n;
const P = (bit: number): bigint => 1n << BigInt(bit);
/** @everyone in a default community guild (VIEW_CHANNEL, SEND_MESSAGES, threads, history, reactions, …). */
export const EVERYONE_PERMISSIONS = (P(0) | P(6) | P(10) | P(11) | P(14) | P(15) | P(16) | P(18) | P(31) | P(35) | P(36) | P(38)).toString();
/** The bot's managed role: what the invite URL granted (+ MANAGE_MESSAGES/WEBHOOKS/THREADS). */
export const BOT_ROLE_PERMISSIONS = (BigInt(EVERYONE_PERMISSIONS) | P(13) | P(29) | P(34)).toString();

/** Thrown by model operations; the REST layer turns it into Discord's JSON error body. */
export class DiscordRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: JsonObject,
  ) {
    super(message);
  }
}

export const invalidForm = (field: string, code: string, message: string): DiscordRestError =>
  new DiscordRestError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body', {
    [field]: { _errors: [{ code, message }] },
  });

/** Real snowflakes (timestamp << 22 | worker | process | increment), strictly increasing. */
export class SnowflakeGen {
  private last = 0n;
  private increment = 0n;
  next(at = Date.now()): string {
    let id = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (this.increment++ & 0xfffn);
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }
}

/** Discord's timestamp format: `2017-07-11T17:27:07.299000+00:00`. */
export const isoTimestamp = (ms = Date.now()): string => new Date(ms).toISOString().replace('Z', '000+00:00');

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface StoredFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** `name`, `name:id` or `a:name:id` (already URL-decoded) → partial emoji. */
export function parseEmoji(raw: string): { id: string | null; name: string | null; animated?: boolean } {
  const custom = /^(a:)?([\w~-]+):(\d{17,20})$/.exec(raw);
  if (custom) return { id: custom[3]!, name: custom[2]!, ...(custom[1] ? { animated: true } : {}) };
  return { id: null, name: raw };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Discord reports a content_type even for generic uploads; it is derived from the file name. */
export function contentTypeFor(filename: string, uploaded: string): string {
  if (uploaded && uploaded !== 'application/octet-stream') return uploaded;
  return MIME_BY_EXTENSION[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Validates one entry of a bulk-overwrite body and returns the command object Discord echoes back. */
export function shapeCommand(raw: JsonObject, index: number, o: { id: string; version: string; applicationId: string; scope: string }): APIApplicationCommand {
  const name = raw.name;
  const type = (raw.type as number | undefined) ?? 1;
  if (typeof name !== 'string' || !/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u.test(name) || (type === 1 && name !== name.toLowerCase())) {
    throw invalidForm(`${index}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  const description = (raw.description as string | undefined) ?? '';
  if (type === 1 && (description.length < 1 || description.length > 100)) {
    throw invalidForm(`${index}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  return {
    id: o.id,
    application_id: o.applicationId,
    version: o.version,
    default_member_permissions: (raw.default_member_permissions as string | null | undefined) ?? null,
    type,
    name,
    name_localizations: raw.name_localizations ?? null,
    description,
    description_localizations: raw.description_localizations ?? null,
    options: raw.options ?? [],
    nsfw: raw.nsfw ?? false,
    integration_types: raw.integration_types ?? [0],
    contexts: raw.contexts ?? null,
    ...(o.scope === 'global' ? { dm_permission: raw.dm_permission ?? true } : { guild_id: o.scope }),
  } as APIApplicationCommand;
}

/** The portal's privileged intent switches as application flags (Discord's "Application" resource, Application Flags). */
export function applicationFlagsFor(privilegedIntents: number): number {
  return (
    (privilegedIntents & GatewayIntentBits.MessageContent ? ApplicationFlags.GatewayMessageContent : 0) |
    (privilegedIntents & GatewayIntentBits.GuildMembers ? ApplicationFlags.GatewayGuildMembers : 0) |
    (privilegedIntents & GatewayIntentBits.GuildPresences ? ApplicationFlags.GatewayPresence : 0)
  );
}
