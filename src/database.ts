/**
 * Opens the database for start-up: MONGODB_URI, or the embedded server when it is not set. Every failure is a
 * ConfigError naming MONGODB_URI and what to do (main.ts prints it without a stack trace), and an embedded server
 * that was started is stopped again.
 */
import type { Connection } from 'mongoose';
import { connectMongo } from '../adapters/mongo/connection';
import { NoEmbeddedEngineError, startDefaultEmbedded, type EmbeddedMongo } from '../adapters/mongo/embedded/launch';
import type { Config } from './config';
import { ConfigError } from './domain/errors';
import type { Logger } from './logger';

/** Where a connection string points, without its credentials (for the start-up message). */
function hostsOf(uri: string): string {
  return (
    uri
      .replace(/^[a-z+]+:\/\//i, '')
      .replace(/^[^@/]*@/, '')
      .split(/[/?]/)[0] || 'an unknown host'
  );
}

/** A start-up failure an operator fixes: names the variable, says what to do; never a stack trace. */
function databaseError(uri: string, err: unknown): ConfigError {
  const why = String((err as Error)?.message ?? err)
    .split(uri)
    .join('<MONGODB_URI>')
    .slice(0, 300);
  return new ConfigError(
    `MONGODB_URI: cannot connect to the database at ${hostsOf(uri)} (${why}). Start MongoDB there, or set MONGODB_URI to a reachable mongodb:// connection string.`,
  );
}

export async function openDatabase(config: Config, log: Logger, dbName?: string): Promise<{ conn: Connection; embedded?: EmbeddedMongo }> {
  const uri = config.mongodbUri;
  if (uri) return { conn: await connectMongo(uri, dbName).catch((err: unknown) => Promise.reject(databaseError(uri, err))) };
  // Not naming the engine yet: which one runs is decided below (adapters/mongo/embedded/choose.ts) and logged then.
  log.warn(
    { dataDir: config.dataDir },
    'MONGODB_URI is not set: running an embedded MongoDB-compatible server for trying the bridge out; set MONGODB_URI for production',
  );
  const embedded = await startDefaultEmbedded({ dataDir: config.dataDir, log: { info: (m) => log.info(m), warn: (m) => log.warn(m) } }).catch((err: Error) =>
    Promise.reject(
      err instanceof NoEmbeddedEngineError
        ? new ConfigError(err.message)
        : new ConfigError(
            `MONGODB_URI is not set and the embedded database could not start (${err.message}). Set MONGODB_URI to a MongoDB server, or check DATA_DIR (${config.dataDir}) is writable.`,
          ),
    ),
  );
  log.info(
    { kind: embedded.kind, engine: embedded.engine, dataDir: embedded.dataDir },
    `embedded database started: ${embedded.engine}; data persists in ${embedded.dataDir} (DATA_DIR)`,
  );
  try {
    return { conn: await connectMongo(embedded.uri, dbName ?? 'whatsapp_bridge'), embedded };
  } catch (err) {
    await stopEmbedded(embedded, log);
    throw new ConfigError(`MONGODB_URI is not set and the embedded database does not answer (${(err as Error).message}). Set MONGODB_URI to a MongoDB server.`);
  }
}

export async function stopEmbedded(embedded: EmbeddedMongo | undefined, log: Logger): Promise<void> {
  if (!embedded) return;
  await embedded.stop();
  log.info('embedded database stopped');
}
