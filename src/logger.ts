import pino, { type Logger } from 'pino';

export type { Logger };

/** Scalar fields of an error worth a log line: what it is and where it came from, never what it carried. */
const ERROR_FIELDS = ['code', 'codeName', 'status', 'method', 'url', 'kind'] as const;

/**
 * How an error passed as `{ err }` is logged: its type, message, stack, scalar codes and its cause, and nothing else.
 * pino's standard serializer copies every enumerable property, and libraries attach what they sent: discord.js'
 * DiscordAPIError keeps `requestBody` (the text of the message posted), Slack's Web API errors keep the response.
 * Message text must stay at debug level, so such properties are dropped here, whatever logs the error.
 */
export function errorForLog(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const key of ERROR_FIELDS) {
    const value = (err as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && typeof value !== 'object') out[key] = value;
  }
  if (err.cause !== undefined && depth < 3) out.cause = errorForLog(err.cause, depth + 1);
  return out;
}

/**
 * One logger for the process; adapters take a child. Secrets are redacted by key wherever they appear,
 * and message bodies are only logged at debug level by the code that logs them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: errorForLog },
      redact: {
        paths: [
          '*.token',
          '*.accessToken',
          '*.botToken',
          '*.appToken',
          '*.appSecret',
          '*.signingSecret',
          '*.authorization',
          '*.Authorization',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
