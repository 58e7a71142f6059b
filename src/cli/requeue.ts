/**
 * `npm run requeue -- --all | --conversation <id>`: re-runs failed and paused (parked) deliveries, printing what it
 * requeued. The running bridge picks them up at its next poll; they keep their place in their conversation's order.
 * Reads the same configuration as the bridge (src/config.ts). Without MONGODB_URI it opens the embedded database in
 * DATA_DIR, which only one process may use: stop the bridge first, or use `/wa requeue` in the chat instead.
 */
import { connectMongo } from '../../adapters/mongo/connection';
import { startDefaultEmbedded } from '../../adapters/mongo/embedded/launch';
import { MongoStore } from '../../adapters/mongo/store';
import { loadConfig } from '../config';
import { ConfigError } from '../domain/errors';
import { requeue } from '../services/outbox/requeue';

const USAGE = 'usage: npm run requeue -- --all | --conversation <conversation id, e.g. 106540352242922:4915112345678>';

export function parseArgs(argv: string[]): { conversationId?: string } | { error: string } {
  if (argv.length === 1 && argv[0] === '--all') return {};
  if (argv.length === 2 && argv[0] === '--conversation' && argv[1]) return { conversationId: argv[1] };
  return { error: USAGE };
}

/** Runs the command; returns the exit code. `dbName`: tests give each file its own database. */
export async function runRequeue(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  opts: { dbName?: string } = {},
): Promise<number> {
  const scope = parseArgs(argv);
  if ('error' in scope) {
    out(scope.error);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      out(err.message);
      return 1;
    }
    throw err;
  }
  // The same choice as `npm start` (mongod or FerretDB): the engine whose folder in DATA_DIR holds the data.
  const embedded = config.mongodbUri ? undefined : await startDefaultEmbedded({ dataDir: config.dataDir, log: { info: () => undefined, warn: out } });
  const conn = await connectMongo(config.mongodbUri ?? embedded!.uri, opts.dbName ?? (embedded ? 'whatsapp_bridge' : undefined));
  try {
    const store = await MongoStore.open(conn);
    out((await requeue(store, scope)).report);
    return 0;
  } finally {
    await conn.close();
    await embedded?.stop();
  }
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv/config');
  runRequeue(process.argv.slice(2), process.env, (l) => process.stdout.write(`${l}\n`)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`requeue failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
