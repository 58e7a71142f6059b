/** The process: read the environment (and .env), start the bridge, stop cleanly on SIGTERM / SIGINT or a fatal error. */
import 'dotenv/config';
import { startBridge, type RunningBridge } from './bridge';
import { loadConfig, type Config } from './config';
import { ConfigError } from './domain/errors';
import { createLogger, type Logger } from './logger';
import { Deposed } from './services/leader';

/** How long a clean stop may take before the process exits anyway. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * One clear message for an operator, and no stack trace: a ConfigError names the variable and what to do
 * (config.ts, the adapters' token checks, the database connection); anything else is a bug and says so.
 */
function fatalMessage(err: unknown): string {
  if (err instanceof ConfigError || err instanceof Deposed) return err.message;
  return `the bridge could not start: ${(err as Error)?.message ?? String(err)}`;
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${fatalMessage(err)}\n`);
    process.exit(1);
  }
}

/**
 * Last resort. A rejected promise nobody awaited is a bug, logged loudly, but the process keeps running: every
 * webhook it acknowledged is already durable in the outbox, and a database call that failed (the usual cause,
 * e.g. during an outage) is retried by the outbox worker; exiting would turn one lost call into an outage
 * (issue 9: the bridge died 22 s into every 30 s database outage). An uncaught exception is different: Node's
 * documentation says the process is then in an undefined state, so it stops cleanly and exits 1 (a supervisor
 * restarts it; the outbox resumes what was in flight).
 */
function installLastResort(log: Logger, stopAndExit: (code: number) => void): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (a bug, please report it); the bridge keeps running');
  });
  process.on('uncaughtException', (err, origin) => {
    log.fatal({ err, origin }, 'uncaught exception: stopping cleanly');
    stopAndExit(1);
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  let bridge: RunningBridge | undefined;
  let exiting: number | undefined;
  const stopAndExit = (code: number) => {
    if (exiting !== undefined) return;
    exiting = code;
    const timer = setTimeout(() => process.exit(code), STOP_TIMEOUT_MS);
    timer.unref();
    // Before startBridge resolves there is nothing to stop here: startBridge undoes its own partial start.
    void (bridge?.stop() ?? Promise.resolve()).then(
      () => process.exit(code),
      (err: unknown) => {
        log.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  installLastResort(log, stopAndExit);

  // Signals are handled from the first moment: the HTTP server answers /readyz before startBridge resolves (bulk
  // sends resume last), and a supervisor that stops the process then must get a clean stop, not Node's default
  // exit by signal. A signal during start-up is remembered and acted on once the bridge exists.
  let signalled = false;
  const shutdown = (signal: string) => {
    log.info({ signal }, 'signal received');
    signalled = true;
    if (bridge) stopAndExit(0);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  // A fatal error may arrive while startBridge is still running (e.g. Slack refuses the token at once):
  // it is remembered and acted on once the bridge exists (it used to hit `bridge` before its initialisation).
  let fatal = false;
  const onFatal = (err: Error) => {
    if (fatal) return;
    fatal = true;
    process.stderr.write(`${fatalMessage(err)}\n`);
    if (bridge) stopAndExit(1);
  };
  try {
    bridge = await startBridge(config, log, { onFatal });
  } catch (err) {
    if (!fatal) process.stderr.write(`${fatalMessage(err)}\n`);
    log.debug({ err }, 'start-up failed');
    process.exit(1);
  }
  if (fatal) return stopAndExit(1);
  if (signalled) stopAndExit(0);
}

void main();
