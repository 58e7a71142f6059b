/**
 * One database per bench size: embedded FerretDB (SQLite directory) or a fresh database on MONGODB_URI, seeded
 * through the store (seed.ts). A seeded FerretDB directory is cached under ~/.cache/whatsapp-chat-bridge keyed by
 * the store's sources and the size, so a second run starts from a copy in seconds instead of re-seeding.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../adapters/mongo/connection';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../adapters/mongo/embedded/launch';
import { MongoStore } from '../../adapters/mongo/store';
import { uriWithDb } from '../../test/support/child-bridge';
import { seed } from './seed';

export const ROOT = existsSync(join(__dirname, '..', '..', 'package.json')) ? join(__dirname, '..', '..') : join(__dirname, '..', '..', '..');
const DB_NAME = 'whatsapp_bridge';

export interface BenchDatabase {
  /** The URI the bridge gets (database name in the path). */
  uri: string;
  /** Where scratch collections (raw insert rate) go: same server, another database. */
  scratchUri: string;
  engine: string;
  seedSeconds: number;
  cache: 'not needed' | 'used' | 'seeded now, stored' | 'n/a (MONGODB_URI)';
  close(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

/** Changes whenever the store, its models, the embedded server or the seeding change: an old copy is never reused. */
function cacheKey(size: number): string {
  const hash = createHash('sha256');
  for (const f of [...filesUnder(join(ROOT, 'adapters', 'mongo')), join(ROOT, 'scripts', 'bench', 'seed.ts')])
    hash.update(f.slice(ROOT.length)).update(readFileSync(f));
  return `bench-db-${hash.digest('hex').slice(0, 16)}-${size}`;
}

const cacheRoot = () => join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'whatsapp-chat-bridge');

async function seedInto(uri: string, size: number, concurrency: number, log: (m: string) => void): Promise<number> {
  const conn: Connection = await connectMongo(uri);
  try {
    const store = await MongoStore.open(conn);
    const t0 = performance.now();
    let lastLog = t0;
    await seed(store, size, concurrency, (done, total) => {
      const now = performance.now();
      if (now - lastLog < 15_000 && done < total) return;
      lastLog = now;
      const s = (now - t0) / 1000;
      // The rate falls as the history grows (today's store scans): the estimate is a lower bound.
      const eta = done < total ? `, at least ${((total - done) / (done / s) / 60).toFixed(0)} min to go` : '';
      log(`  seeding: ${done}/${total} messages after ${s.toFixed(0)} s (${(done / s).toFixed(1)} messages/s${eta})`);
    });
    return (performance.now() - t0) / 1000;
  } finally {
    await conn.close();
  }
}

export async function openBenchDatabase(size: number, opts: { mongodbUri?: string; concurrency: number; log: (m: string) => void }): Promise<BenchDatabase> {
  if (opts.mongodbUri) {
    const name = `bench_${size}_${Date.now()}`;
    const uri = uriWithDb(opts.mongodbUri, name);
    const seedSeconds = size ? await seedInto(uri, size, opts.concurrency, opts.log) : 0;
    const close = async () => {
      for (const n of [name, `${name}_scratch`]) {
        const conn = await connectMongo(uriWithDb(opts.mongodbUri!, n));
        await conn.dropDatabase().finally(() => conn.close());
      }
    };
    return { uri, scratchUri: uriWithDb(opts.mongodbUri, `${name}_scratch`), engine: 'MONGODB_URI', seedSeconds, cache: 'n/a (MONGODB_URI)', close };
  }
  const dir = mkdtempSync(join(tmpdir(), 'wa-bridge-bench-db-'));
  const cached = join(cacheRoot(), cacheKey(size));
  let seedSeconds = 0;
  let cache: BenchDatabase['cache'] = 'not needed';
  if (size && existsSync(cached)) {
    const t0 = performance.now();
    cpSync(cached, dir, { recursive: true });
    seedSeconds = (performance.now() - t0) / 1000;
    cache = 'used';
  } else if (size) {
    const seeding = await startEmbeddedMongo({ dataDir: dir, log: opts.log });
    try {
      seedSeconds = await seedInto(uriWithDb(seeding.uri, DB_NAME), size, opts.concurrency, opts.log);
    } finally {
      await seeding.stop(); // SQLite closed cleanly before its files are copied
    }
    const tmp = `${cached}.${process.pid}.tmp`;
    cpSync(dir, tmp, { recursive: true });
    renameSync(tmp, cached);
    cache = 'seeded now, stored';
  }
  const server: EmbeddedMongo = await startEmbeddedMongo({ dataDir: dir, log: opts.log });
  return {
    uri: uriWithDb(server.uri, DB_NAME),
    scratchUri: uriWithDb(server.uri, 'bench_scratch'),
    engine: server.kind === 'ferretdb' ? 'embedded FerretDB (SQLite)' : 'mongodb-memory-server',
    seedSeconds,
    cache,
    close: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
