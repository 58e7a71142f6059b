/**
 * One database per bench size: embedded FerretDB (SQLite directory) or a fresh database on MONGODB_URI, seeded
 * through the store (seed.ts). A seeded FerretDB directory is cached under ~/.cache/whatsapp-chat-bridge keyed by
 * the seeding, the embedded engine and the size, so a later run starts from a copy in seconds instead of re-seeding
 * (100k messages take long to seed on 2 cores).
 *
 * The key leaves out the store's own sources on purpose: a bridge upgraded on day 30 meets a history written by the
 * previous version's store, and that is what a cached copy is. The report names the commit whose store seeded it;
 * `BENCH_RESEED=1` seeds again with today's store (do it when a stored shape changed).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  /** For a cached copy: the commit whose store seeded it, and when. */
  seededBy?: string;
  close(): Promise<void>;
}

/** Changes whenever the seeding or the embedded server changes (see the header for what it leaves out). */
function cacheKey(size: number): string {
  const hash = createHash('sha256');
  for (const f of [join(ROOT, 'scripts', 'bench', 'seed.ts'), ...['go.mod', 'main.go'].map((n) => join(ROOT, 'adapters', 'mongo', 'embedded', n))])
    hash.update(f.slice(ROOT.length)).update(readFileSync(f));
  return `bench-db-${hash.digest('hex').slice(0, 16)}-${size}`;
}

/** Where a cached copy came from: the commit whose store wrote it, and when. */
const PROVENANCE = 'seeded-by.json';
function provenance(): { commit: string; at: string } {
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout (a copied tree): the date still says how old the copy is.
  }
  return { commit, at: new Date().toISOString() };
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
      // Roughly flat with the embedded database's _id path index (adapters/mongo/embedded/main.go); slower in the last
      // 8 days of history, whose outbox jobs are replayed too (seed.ts): the estimate is a lower bound.
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
  let seededBy: string | undefined;
  if (size && existsSync(cached) && !process.env.BENCH_RESEED) {
    const t0 = performance.now();
    cpSync(cached, dir, { recursive: true });
    seedSeconds = (performance.now() - t0) / 1000;
    cache = 'used';
    const p = JSON.parse(readFileSync(join(cached, PROVENANCE), 'utf8')) as { commit: string; at: string };
    seededBy = `${p.commit} on ${p.at.slice(0, 10)}`;
  } else if (size) {
    const seeding = await startEmbeddedMongo({ dataDir: dir, log: opts.log });
    try {
      seedSeconds = await seedInto(uriWithDb(seeding.uri, DB_NAME), size, opts.concurrency, opts.log);
    } finally {
      await seeding.stop(); // SQLite closed cleanly before its files are copied
    }
    const tmp = `${cached}.${process.pid}.tmp`;
    cpSync(dir, tmp, { recursive: true });
    writeFileSync(join(tmp, PROVENANCE), JSON.stringify(provenance()));
    rmSync(cached, { recursive: true, force: true }); // BENCH_RESEED replaces the old copy
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
    seededBy,
    close: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
