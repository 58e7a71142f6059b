/**
 * Every failed delivery is one of three kinds, and the outbox treats them differently:
 * - retryable (network, 5xx, 429, WhatsApp 130429 / 131056, a database outage …): tried again with capped backoff,
 *   for as long as it takes (a server's Retry-After is honoured and does not count as an attempt);
 * - needs_person (the bot is not in the channel, a permission or scope is missing, the token expired …): nothing
 *   clears it but a person, and once they have, the same call succeeds. The delivery is parked (kept, its lane held
 *   so order holds), the operator is told what to fix, and a probe resumes it by itself (src/services/outbox/);
 * - permanent (closed 24-hour window 131047, a number not on WhatsApp 131026 …): this message can never be sent;
 *   recorded and shown, never retried.
 */
import type { ChatPlatform } from './platform';

export interface FailureExplanation {
  /** Platform code, e.g. WhatsApp 131047 or Slack "channel_not_found". */
  code: string;
  /** What happened, in plain words. */
  meaning: string;
  /** What a person should do about it. */
  action: string;
  /** The message acted on no longer exists (someone deleted it): nothing can be done to it, and nothing needs doing. */
  targetGone?: true;
  /**
   * Where the agents' catalogue words this code (`errors.<key>.meaning` / `.action`, src/i18n): the core shows those in
   * the account's language; `meaning` and `action` stay the English (logs, and the fallback for a missing key).
   */
  key?: string;
  /** The platform's own detail (English, from its API), appended to the meaning in every language. */
  detail?: string;
}

/**
 * What kind of error the bridge raised on purpose. Code matches on `err.code`, never on a message's words (the shape
 * of bolt-js' CodedError: github.com/slackapi/bolt-js, src/errors.ts). A platform's own code (WhatsApp 131047, Slack
 * `not_in_channel`) is not one of these: it is in a DeliveryError's `explanation.code`.
 */
export enum ErrorCode {
  /** A send to WhatsApp, Slack or Discord failed; `kind` says whether it is retried, parked or final. */
  DeliveryFailed = 'bridge_delivery_failed',
  /** The configuration cannot work; the message names the variable to fix. */
  ConfigInvalid = 'bridge_config_invalid',
  /** A text cannot be cut into parts of the platform's length (no break fits): refused with a notice. */
  SplitImpossible = 'bridge_split_impossible',
  /** A file of recipients a person shared cannot be read; the message says which row or why. */
  RecipientsInvalid = 'bridge_recipients_invalid',
  /** The database did not answer within an HTTP route's deadline: the route answers 503 (Meta retries). */
  DeadlineExceeded = 'bridge_deadline_exceeded',
  /** Data the bridge wrote itself breaks a rule its own code guarantees: a defect to report, never a person's mistake. */
  InvariantBroken = 'bridge_invariant_broken',
}

/**
 * The one shape of the bridge's errors: a `code` from ErrorCode, and the error that caused it (when there was one) as
 * the standard `cause` (passed to the Error constructor, so it stays out of JSON and pino prints it as "caused by").
 */
export abstract class BridgeError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

export class InvariantError extends BridgeError {
  override name = 'InvariantError';
  readonly code = ErrorCode.InvariantBroken;
}

export type DeliveryErrorKind = 'retryable' | 'permanent' | 'needs_person';

/** Where a delivery failed: WhatsApp or one of the chat platforms (src/domain/platform.ts). */
type Platform = ChatPlatform | 'whatsapp';

export class DeliveryError extends BridgeError {
  readonly code = ErrorCode.DeliveryFailed;
  readonly kind: DeliveryErrorKind;

  constructor(
    /** A boolean is the old two-kind form: true = retryable, false = permanent. */
    kind: DeliveryErrorKind | boolean,
    readonly explanation: FailureExplanation,
    readonly platform: Platform,
    /** Server-given wait (Retry-After), when there was one. */
    readonly retryAfterMs?: number,
    /** `cause`: the platform library's error this one explains. */
    options?: ErrorOptions,
  ) {
    super(`${platform} ${explanation.code}: ${explanation.meaning}`, options);
    this.name = 'DeliveryError';
    this.kind = typeof kind === 'boolean' ? (kind ? 'retryable' : 'permanent') : kind;
  }

  /** Trying again later, unchanged, can succeed by itself. */
  get retryable(): boolean {
    return this.kind === 'retryable';
  }

  /** Only a person can clear it (invite the bot, grant a permission, renew a token); the delivery is parked meanwhile. */
  get needsPerson(): boolean {
    return this.kind === 'needs_person';
  }

  static retryable(platform: Platform, e: FailureExplanation, retryAfterMs?: number, options?: ErrorOptions): DeliveryError {
    return new DeliveryError('retryable', e, platform, retryAfterMs, options);
  }

  static permanent(platform: Platform, e: FailureExplanation, options?: ErrorOptions): DeliveryError {
    return new DeliveryError('permanent', e, platform, undefined, options);
  }

  static needsPerson(platform: Platform, e: FailureExplanation, options?: ErrorOptions): DeliveryError {
    return new DeliveryError('needs_person', e, platform, undefined, options);
  }
}

/** Bad configuration found at start-up: the message names the variable to fix; `cause` is what revealed it. */
export class ConfigError extends BridgeError {
  readonly code = ErrorCode.ConfigInvalid;
  override name = 'ConfigError';
}
