/**
 * What most admin commands need: the bridge's configuration (src/config.ts) and its database, opened the way
 * src/database.ts opens it for `npm start` (MONGODB_URI, else the embedded engine whose folder in DATA_DIR holds the
 * data), and closed again however the command ends, so the process exits by itself.
 */
import { connectMongo } from '../../../adapters/mongo/connection';
import { NoEmbeddedEngineError, startDefaultEmbedded } from '../../../adapters/mongo/embedded/launch';
import { MongoStore } from '../../../adapters/mongo/store';
import { loadConfig, type Config } from '../../config';
import { ConfigError } from '../../domain/errors';
import type { Store } from '../../domain/store';
import { EXIT, type CliContext } from '../command';

/** The configuration, or `undefined` after printing what is wrong with it. */
export function configOf(ctx: CliContext): Config | undefined {
  try {
    return loadConfig(ctx.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    ctx.io.err(err.message);
    return undefined;
  }
}

/**
 * Runs `work` with the store; returns its exit code (1 when the configuration is wrong). Without MONGODB_URI the
 * embedded database in DATA_DIR is opened, which only one process may use: the bridge must be stopped first.
 */
export async function withStore(ctx: CliContext, work: (store: Store, config: Config) => Promise<number>): Promise<number> {
  const config = configOf(ctx);
  if (!config) return EXIT.failed;
  let embedded;
  try {
    embedded = config.mongodbUri
      ? undefined
      : await startDefaultEmbedded({ dataDir: config.dataDir, log: { info: () => undefined, warn: (m) => ctx.io.err(m) } });
  } catch (err) {
    // What to install or set, as `npm start` says it (adapters/mongo/embedded/choose.ts).
    if (!(err instanceof NoEmbeddedEngineError)) throw err;
    ctx.io.err(err.message);
    return EXIT.failed;
  }
  try {
    const uri = config.mongodbUri ?? embedded!.uri;
    const conn = await connectMongo(uri, ctx.dbName ?? (embedded ? 'whatsapp_bridge' : undefined)).catch((err: Error) => {
      // The driver's message may repeat the connection string, credentials included: never printed.
      throw new Error(`cannot connect to the database (${err.message.split(uri).join('<MONGODB_URI>')}); check MONGODB_URI`);
    });
    try {
      return await work(await MongoStore.open(conn), config);
    } finally {
      await conn.close();
    }
  } finally {
    await embedded?.stop();
  }
}
