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
export interface FailureExplanation {
  /** Platform code, e.g. WhatsApp 131047 or Slack "channel_not_found". */
  code: string;
  /** What happened, in plain words. */
  meaning: string;
  /** What a person should do about it. */
  action: string;
}

export type DeliveryErrorKind = 'retryable' | 'permanent' | 'needs_person';

export class DeliveryError extends Error {
  readonly kind: DeliveryErrorKind;

  constructor(
    /** A boolean is the old two-kind form: true = retryable, false = permanent. */
    kind: DeliveryErrorKind | boolean,
    readonly explanation: FailureExplanation,
    readonly platform: 'whatsapp' | 'slack' | 'discord',
    /** Server-given wait (Retry-After), when there was one. */
    readonly retryAfterMs?: number,
  ) {
    super(`${platform} ${explanation.code}: ${explanation.meaning}`);
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

  static retryable(platform: DeliveryError['platform'], e: FailureExplanation, retryAfterMs?: number): DeliveryError {
    return new DeliveryError('retryable', e, platform, retryAfterMs);
  }

  static permanent(platform: DeliveryError['platform'], e: FailureExplanation): DeliveryError {
    return new DeliveryError('permanent', e, platform);
  }

  static needsPerson(platform: DeliveryError['platform'], e: FailureExplanation): DeliveryError {
    return new DeliveryError('needs_person', e, platform);
  }
}

/** Bad configuration found at start-up: the message names the variable to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
