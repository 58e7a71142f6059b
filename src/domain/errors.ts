/**
 * Every failed delivery is one of two kinds, and the outbox treats them differently:
 * retryable (network, 5xx, 429, WhatsApp 130429 / 131056 …) is tried again with backoff;
 * permanent (other 4xx, expired token 190, closed window 131047 …) is never retried, only recorded and shown.
 */
export interface FailureExplanation {
  /** Platform code, e.g. WhatsApp 131047 or Slack "channel_not_found". */
  code: string;
  /** What happened, in plain words. */
  meaning: string;
  /** What a person should do about it. */
  action: string;
}

export class DeliveryError extends Error {
  constructor(
    readonly retryable: boolean,
    readonly explanation: FailureExplanation,
    readonly platform: 'whatsapp' | 'slack' | 'discord',
    /** Server-given wait (Retry-After), when there was one. */
    readonly retryAfterMs?: number,
  ) {
    super(`${platform} ${explanation.code}: ${explanation.meaning}`);
    this.name = 'DeliveryError';
  }

  static retryable(platform: DeliveryError['platform'], e: FailureExplanation, retryAfterMs?: number): DeliveryError {
    return new DeliveryError(true, e, platform, retryAfterMs);
  }

  static permanent(platform: DeliveryError['platform'], e: FailureExplanation): DeliveryError {
    return new DeliveryError(false, e, platform);
  }
}

/** Bad configuration found at start-up: the message names the variable to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
