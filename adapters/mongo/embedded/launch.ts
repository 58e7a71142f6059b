/**
 * Starts a MongoDB-wire server of our own when MONGODB_URI is not set.
 * - `startDefaultEmbedded`: what `npm start` runs (choose.ts: mongod, else FerretDB, else a message), data in DATA_DIR.
 * - `startEmbeddedMongo`: the test run's throwaway server (test/support/global-setup.ts) and the benchmark's:
 *   FerretDB whenever it can run, so tests on machines without internet never wait for a download; mongod otherwise.
 */
import { startChosenEngine, type EngineLog, type EngineProbes, type EngineStarters } from './choose';
import { ferretBuilt, hasGo, startFerret } from './ferret';
import { checkMongodDownload, localMongod, startMongod } from './mongod';
import type { EmbeddedMongo } from './types';

export type { EmbeddedMongo } from './types';
export { NoEmbeddedEngineError } from './choose';

export const realProbes: EngineProbes = { localMongod, mongodDownload: () => checkMongodDownload(), hasGo, ferretBuilt };

export function realStarters(log: EngineLog): EngineStarters {
  const info = (m: string) => log.info(m);
  return { mongod: (source, dbPath) => startMongod(source, dbPath, info), ferret: (dataDir) => startFerret(dataDir, info) };
}

/** `npm start` without MONGODB_URI: the first engine that can run on this machine, its data under `dataDir`. */
export function startDefaultEmbedded(opts: { dataDir: string; log: EngineLog }): Promise<EmbeddedMongo> {
  return startChosenEngine(opts.dataDir, realProbes, realStarters(opts.log), opts.log);
}

/** The tests' and the benchmark's server, in `dataDir` itself. */
export async function startEmbeddedMongo(opts: { dataDir: string; log?: (m: string) => void }): Promise<EmbeddedMongo> {
  const log = opts.log ?? (() => undefined);
  if (hasGo() || ferretBuilt()) return startFerret(opts.dataDir, log);
  const source = (await localMongod()) ?? (await checkMongodDownload(30_000));
  if ('ok' in source && !source.ok)
    throw new Error(`no MongoDB available: set MONGODB_URI, or install Go (for the embedded FerretDB server); mongod: ${source.why}`);
  return startMongod('ok' in source ? { kind: 'download', url: source.url, version: source.version } : source, opts.dataDir, log);
}
