import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * One logger for the process; adapters take a child. Secrets are redacted by key wherever they appear,
 * and message bodies are only logged at debug level by the code that logs them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['*.token', '*.accessToken', '*.botToken', '*.appSecret', '*.signingSecret', '*.authorization', '*.Authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
