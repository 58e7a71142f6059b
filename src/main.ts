/** The process: read the environment (and .env), start the bridge, stop cleanly on SIGTERM / SIGINT. */
import 'dotenv/config';
import { startBridge } from './bridge';
import { loadConfig } from './config';
import { ConfigError } from './domain/errors';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const bridge = await startBridge(config, log, {
    onFatal: (err) => {
      process.stderr.write(`${err.message}\n`);
      void bridge.stop().finally(() => process.exit(1));
    },
  });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'signal received');
    void bridge.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`the bridge could not start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
