/**
 * Which database `npm start` runs when MONGODB_URI is not set (issue 12, point 5), in order:
 * 1. a real mongod: the machine's own, the cached download, or a download now (skipped fast when offline);
 * 2. the embedded FerretDB (SQLite), when Go is installed or it was built before;
 * 3. none: an error saying exactly what to install or set.
 * Both keep their data under DATA_DIR (mongod in DATA_DIR/mongod, FerretDB in DATA_DIR/embedded-mongo). Their files
 * are not compatible, so an engine whose folder already holds data is tried first: a machine that ran FerretDB
 * offline does not silently switch to an empty mongod the day it gets internet.
 * The probes and starters are parameters so the tests can choose without installing or removing anything.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadCheck, MongodSource } from './mongod';
import type { EmbeddedMongo } from './types';

export interface EngineProbes {
  /** A mongod on this machine already (PATH, MONGOMS_SYSTEM_BINARY, download cache). */
  localMongod(): Promise<Extract<MongodSource, { kind: 'local' }> | undefined>;
  /** Whether mongod can be downloaded now (must answer within seconds when offline). */
  mongodDownload(): Promise<DownloadCheck>;
  hasGo(): boolean;
  /** A FerretDB binary built earlier (it runs without Go). */
  ferretBuilt(): boolean;
}

export interface EngineStarters {
  mongod(source: MongodSource, dbPath: string): Promise<EmbeddedMongo>;
  ferret(dataDir: string): Promise<EmbeddedMongo>;
}

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
}

type Engine = 'mongod' | 'ferretdb';

/** No engine can run here; the message lists why each could not, then what to do. */
export class NoEmbeddedEngineError extends Error {
  constructor(readonly reasons: string[]) {
    super(
      [
        'MONGODB_URI is not set and no embedded database can run on this machine:',
        ...reasons.map((r) => `  - ${r}`),
        'Do one of these:',
        '  - set MONGODB_URI to a MongoDB server (e.g. mongodb://localhost:27017/whatsapp_bridge; docker/compose.yml runs one);',
        '  - allow this machine to download mongod from https://fastdl.mongodb.org (or set MONGOMS_DOWNLOAD_MIRROR to a mirror of it), or install mongod on the PATH;',
        '  - install Go 1.24 or newer (https://go.dev/dl/) so the embedded FerretDB server can be built (a few minutes, once).',
      ].join('\n'),
    );
    this.name = 'NoEmbeddedEngineError';
  }
}

export const engineDirs = (dataDir: string): Record<Engine, string> => ({ mongod: join(dataDir, 'mongod'), ferretdb: join(dataDir, 'embedded-mongo') });

function holdsData(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

function engineOrder(dirs: Record<Engine, string>, log: EngineLog): Engine[] {
  if (holdsData(dirs.ferretdb) && !holdsData(dirs.mongod)) {
    log.info(`${dirs.ferretdb} holds FerretDB data: FerretDB is tried first (empty that folder, or set MONGODB_URI, to change engines)`);
    return ['ferretdb', 'mongod'];
  }
  return ['mongod', 'ferretdb'];
}

const message = (err: unknown): string => String((err as Error)?.message ?? err).split('\n')[0]!;

async function tryMongod(probes: EngineProbes, start: EngineStarters['mongod'], dbPath: string): Promise<EmbeddedMongo | string> {
  let source: MongodSource | undefined;
  try {
    source = await probes.localMongod();
    if (!source) {
      const download = await probes.mongodDownload();
      if (!download.ok) return `mongod: not on this machine and cannot be downloaded (${download.why})`;
      source = { kind: 'download', url: download.url, version: download.version };
    }
  } catch (err) {
    return `mongod: ${message(err)}`;
  }
  try {
    return await start(source, dbPath);
  } catch (err) {
    return `mongod ${source.version} (${source.kind === 'local' ? source.path : source.url}) did not start (${message(err)})`;
  }
}

async function tryFerret(probes: EngineProbes, start: EngineStarters['ferret'], dataDir: string): Promise<EmbeddedMongo | string> {
  if (!probes.ferretBuilt() && !probes.hasGo()) return 'FerretDB: Go is not installed (no `go` on the PATH) and no FerretDB server was built before';
  try {
    return await start(dataDir);
  } catch (err) {
    return `FerretDB did not start (${message(err)})`;
  }
}

/** Starts the first engine that can run, logging each one skipped and why; throws NoEmbeddedEngineError if none. */
export async function startChosenEngine(dataDir: string, probes: EngineProbes, starters: EngineStarters, log: EngineLog): Promise<EmbeddedMongo> {
  const dirs = engineDirs(dataDir);
  const reasons: string[] = [];
  for (const engine of engineOrder(dirs, log)) {
    const result = engine === 'mongod' ? await tryMongod(probes, starters.mongod, dirs.mongod) : await tryFerret(probes, starters.ferret, dirs.ferretdb);
    if (typeof result !== 'string') {
      if (engine === 'ferretdb' && holdsData(dirs.mongod))
        log.warn(`${dirs.mongod} holds mongod data, which FerretDB cannot read: it starts from ${dirs.ferretdb}`);
      return result;
    }
    reasons.push(result);
    // The last engine's reason is in the error's message; only a fall-through is worth a line of its own.
    if (reasons.length < 2) log.warn(`${result}; ${engine === 'mongod' ? 'trying the embedded FerretDB next' : 'trying mongod next'}`);
  }
  throw new NoEmbeddedEngineError(reasons);
}
