/**
 * A real mongod, started through mongodb-memory-server-core (an optional dependency, loaded only when needed) with
 * the wiredTiger storage engine on a directory of ours, so the data persists across restarts (the package's default
 * is a temporary directory, deleted on stop). The binary is the machine's own (`mongod` on the PATH, or
 * MONGOMS_SYSTEM_BINARY), else the one in the package's download cache (~/.cache/mongodb-binaries, or
 * MONGOMS_DOWNLOAD_DIR), else downloaded once from MongoDB's servers (fastdl.mongodb.org, or MONGOMS_DOWNLOAD_MIRROR /
 * MONGOMS_DOWNLOAD_URL). Those MONGOMS_* variables are read by the package itself:
 * https://typegoose.github.io/mongodb-memory-server/docs/api/config-options
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { EmbeddedMongo } from './types';

type Mms = typeof import('mongodb-memory-server-core');
type DownloadUrlModule = typeof import('mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl');
type GetPortModule = typeof import('mongodb-memory-server-core/lib/util/getport');

/** A mongod this machine has now, or one to download. */
export type MongodSource = { kind: 'local'; path: string; version: string; from: string } | { kind: 'download'; url: string; version: string };

export type DownloadCheck = { ok: true; url: string; version: string } | { ok: false; url?: string; why: string };

/** The download must not hold up start-up on a machine without internet: one short request decides. */
const DOWNLOAD_PROBE_TIMEOUT_MS = 5_000;
/** A first start after an unclean stop replays wiredTiger's journal: give it more than the package's 10 s. */
const LAUNCH_TIMEOUT_MS = 60_000;

export class MissingPackageError extends Error {}

function loadMms(): Mms {
  try {
    // An optional dependency: require() at run time, so its absence is a reason in the message, not a load error.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mongodb-memory-server-core') as Mms;
  } catch {
    throw new MissingPackageError('the optional package mongodb-memory-server-core is not installed (run npm install)');
  }
}

/** `mongod --version` → "8.2.6" (the package's own pattern, util/MongoBinary.js). */
function versionOf(binary: string): string | undefined {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000, env: process.env }).stdout ?? '';
  return /^\s*db\s+version\s+v?(\d+\.\d+\.\d+)/im.exec(out)?.[1];
}

/**
 * The absolute path of `mongod` on the PATH (the package needs an absolute path), if there is one. `env` is passed
 * explicitly: under jest, `process.env` is the test's copy, which child_process would not see otherwise.
 */
function mongodOnPath(): string | undefined {
  const res = spawnSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8', env: process.env });
  const path = res.status === 0 ? res.stdout.trim() : '';
  return path.startsWith('/') ? path : undefined;
}

/** A mongod already on this machine: MONGOMS_SYSTEM_BINARY, `mongod` on the PATH, or the download cache. */
export async function localMongod(): Promise<Extract<MongodSource, { kind: 'local' }> | undefined> {
  const { DryMongoBinary } = loadMms();
  const opts = await DryMongoBinary.generateOptions({});
  const system = opts.systemBinary || mongodOnPath();
  if (system) {
    const version = versionOf(system);
    if (version) return { kind: 'local', path: system, version, from: opts.systemBinary ? 'MONGOMS_SYSTEM_BINARY' : 'the PATH' };
  }
  const cached = await DryMongoBinary.locateBinary({ ...opts, systemBinary: '' });
  return cached ? { kind: 'local', path: cached, version: opts.version, from: `the download cache (${opts.downloadDir})` } : undefined;
}

/** Whether the mongod build for this machine can be downloaded now: a HEAD request that gives up quickly. */
export async function checkMongodDownload(timeoutMs = DOWNLOAD_PROBE_TIMEOUT_MS): Promise<DownloadCheck> {
  const { DryMongoBinary } = loadMms();
  const opts = await DryMongoBinary.generateOptions({});
  // Not exported from the package's index; the same class the package downloads with (util/MongoBinaryDownload.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MongoBinaryDownloadUrl } = require('mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl') as DownloadUrlModule;
  let url: string;
  try {
    url = await new MongoBinaryDownloadUrl({ platform: opts.platform, arch: opts.arch, version: opts.version, os: opts.os }).getDownloadUrl();
  } catch (err) {
    return { ok: false, why: `no mongod ${opts.version} build for this system (${(err as Error).message})` };
  }
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    if (res.ok) return { ok: true, url, version: opts.version };
    // MongoDB's servers answer 403 for a version / platform pair that does not exist (util/MongoBinaryDownload.js).
    return { ok: false, url, why: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, url, why: `cannot reach ${new URL(url).host} (${why})` };
  }
}

/**
 * The package's lower-level MongoInstance, not MongoMemoryServer: the latter prints its start-up error with a stack
 * trace through console.warn (MongoMemoryServer.js, start()), and a failed start here is an expected fall-through.
 */
export async function startMongod(source: MongodSource, dbPath: string, log: (m: string) => void): Promise<EmbeddedMongo> {
  const { MongoInstance } = loadMms();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getFreePort } = require('mongodb-memory-server-core/lib/util/getport') as GetPortModule;
  mkdirSync(dbPath, { recursive: true });
  if (source.kind === 'download') log(`downloading mongod ${source.version} once (about 100 MB) from ${source.url}; later starts use the cached copy`);
  const port = await getFreePort();
  const instance = new MongoInstance({
    instance: { dbPath, port, storageEngine: 'wiredTiger', ip: '127.0.0.1', launchTimeout: LAUNCH_TIMEOUT_MS },
    // A binary of the machine's own: its version is passed so the package does not warn about a "version conflict".
    binary: source.kind === 'local' ? { systemBinary: source.path, version: source.version } : { version: source.version },
  });
  try {
    await instance.start();
  } catch (err) {
    await instance.stop().catch(() => undefined);
    throw err;
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind: 'mongod',
    engine: `mongod ${source.version} (wiredTiger)`,
    dataDir: dbPath,
    stop: async () => void (await instance.stop()),
  };
}
