/**
 * Which embedded database `npm start` runs without MONGODB_URI (issue 12, point 5), with the machine's answers
 * (is there a mongod, can it be downloaded, is Go installed) given as parameters: mongod first, FerretDB next, else
 * a message saying what to install or set. The same choice through the compiled bridge, with Go really absent from
 * the PATH and the download really failing, is in embedded-engine.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoEmbeddedEngineError, startChosenEngine, type EngineProbes, type EngineStarters } from '../../adapters/mongo/embedded/choose';
import { checkMongodDownload, type MongodSource } from '../../adapters/mongo/embedded/mongod';
import type { EmbeddedMongo } from '../../adapters/mongo/embedded/types';

const LOCAL: Extract<MongodSource, { kind: 'local' }> = { kind: 'local', path: '/usr/bin/mongod', version: '8.0.4', from: 'the PATH' };
const OFFLINE = { ok: false as const, url: 'https://fastdl.mongodb.org/linux/x.tgz', why: 'cannot reach fastdl.mongodb.org (ENOTFOUND)' };
const ONLINE = { ok: true as const, url: 'https://fastdl.mongodb.org/linux/x.tgz', version: '8.2.6' };

/** What the machine answers, and a record of what was started and logged. */
function machine(answers: {
  local?: typeof LOCAL;
  download?: typeof OFFLINE | typeof ONLINE;
  go?: boolean;
  built?: boolean;
  failStart?: 'mongod' | 'ferretdb';
}) {
  const started: Array<{ engine: string; source?: MongodSource; dir: string }> = [];
  const asked: string[] = [];
  const logs: string[] = [];
  const probes: EngineProbes = {
    localMongod: () => (asked.push('localMongod'), Promise.resolve(answers.local)),
    mongodDownload: () => (asked.push('mongodDownload'), Promise.resolve(answers.download ?? OFFLINE)),
    hasGo: () => answers.go ?? false,
    ferretBuilt: () => answers.built ?? false,
  };
  const server = (kind: EmbeddedMongo['kind'], dir: string): EmbeddedMongo => ({
    uri: 'mongodb://127.0.0.1:1/',
    kind,
    engine: kind,
    dataDir: dir,
    stop: () => Promise.resolve(),
  });
  const starters: EngineStarters = {
    mongod: (source, dir) => {
      if (answers.failStart === 'mongod') return Promise.reject(new Error('Instance failed to start because a library is missing'));
      started.push({ engine: 'mongod', source, dir });
      return Promise.resolve(server('mongod', dir));
    },
    ferret: (dir) => {
      if (answers.failStart === 'ferretdb') return Promise.reject(new Error('embedded FerretDB exited early with code 1'));
      started.push({ engine: 'ferretdb', dir });
      return Promise.resolve(server('ferretdb', dir));
    },
  };
  const log = { info: (m: string) => logs.push(`info: ${m}`), warn: (m: string) => logs.push(`warn: ${m}`) };
  return { probes, starters, log, started, asked, logs };
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'wa-bridge-engine-'));

test('a mongod on this machine runs first, its data in DATA_DIR/mongod, without trying a download', async () => {
  const m = machine({ local: LOCAL, go: true });
  const dir = dataDir();
  const db = await startChosenEngine(dir, m.probes, m.starters, m.log);
  expect(db.kind).toBe('mongod');
  expect(m.started).toEqual([{ engine: 'mongod', source: LOCAL, dir: join(dir, 'mongod') }]);
  expect(m.asked).toEqual(['localMongod']);
});

test('no mongod here but the download works: mongod is downloaded (the cached copy serves later starts)', async () => {
  const m = machine({ download: ONLINE, go: true });
  await startChosenEngine(dataDir(), m.probes, m.starters, m.log);
  expect(m.started[0]).toMatchObject({ engine: 'mongod', source: { kind: 'download', url: ONLINE.url, version: '8.2.6' } });
});

test('no mongod and no download, Go installed: FerretDB in DATA_DIR/embedded-mongo, after a warning that names mongod', async () => {
  const m = machine({ go: true });
  const dir = dataDir();
  const db = await startChosenEngine(dir, m.probes, m.starters, m.log);
  expect(db.kind).toBe('ferretdb');
  expect(m.started).toEqual([{ engine: 'ferretdb', dir: join(dir, 'embedded-mongo') }]);
  expect(m.logs).toEqual([
    'warn: mongod: not on this machine and cannot be downloaded (cannot reach fastdl.mongodb.org (ENOTFOUND)); trying the embedded FerretDB next',
  ]);
});

test('no Go but a FerretDB built earlier: FerretDB runs (the binary needs no Go)', async () => {
  const m = machine({ go: false, built: true });
  expect((await startChosenEngine(dataDir(), m.probes, m.starters, m.log)).kind).toBe('ferretdb');
});

test('a mongod that does not start: FerretDB next, the failure logged', async () => {
  const m = machine({ local: LOCAL, go: true, failStart: 'mongod' });
  expect((await startChosenEngine(dataDir(), m.probes, m.starters, m.log)).kind).toBe('ferretdb');
  expect(m.logs.join('\n')).toMatch(
    /warn: mongod 8\.0\.4 \(\/usr\/bin\/mongod\) did not start \(Instance failed to start because a library is missing\); trying the embedded FerretDB next/,
  );
});

test('no Go + no download → the message: why each engine cannot run, and what to install or set', async () => {
  const m = machine({ go: false, built: false });
  const err = await startChosenEngine(dataDir(), m.probes, m.starters, m.log).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NoEmbeddedEngineError);
  const text = (err as Error).message;
  expect(text).toMatch(/^MONGODB_URI is not set and no embedded database can run on this machine:/);
  expect(text).toContain('mongod: not on this machine and cannot be downloaded (cannot reach fastdl.mongodb.org (ENOTFOUND))');
  expect(text).toContain('FerretDB: Go is not installed (no `go` on the PATH) and no FerretDB server was built before');
  expect(text).toMatch(/set MONGODB_URI to a MongoDB server/);
  expect(text).toMatch(/download mongod from https:\/\/fastdl\.mongodb\.org \(or set MONGOMS_DOWNLOAD_MIRROR/);
  expect(text).toMatch(/install Go 1\.24 or newer \(https:\/\/go\.dev\/dl\/\)/);
  expect(m.started).toEqual([]);
});

test('both engines fail to start: the message carries both failures', async () => {
  const m = machine({ local: LOCAL, go: true, failStart: 'mongod' });
  m.starters.ferret = () => Promise.reject(new Error('embedded FerretDB exited early with code 1'));
  const err = (await startChosenEngine(dataDir(), m.probes, m.starters, m.log).catch((e: unknown) => e)) as NoEmbeddedEngineError;
  expect(err.reasons).toEqual([
    'mongod 8.0.4 (/usr/bin/mongod) did not start (Instance failed to start because a library is missing)',
    'FerretDB did not start (embedded FerretDB exited early with code 1)',
  ]);
});

test('DATA_DIR already holds FerretDB data: FerretDB stays (a new mongod would start empty)', async () => {
  const dir = dataDir();
  mkdirSync(join(dir, 'embedded-mongo'));
  writeFileSync(join(dir, 'embedded-mongo', 'whatsapp_bridge.sqlite'), '');
  const m = machine({ local: LOCAL, go: true });
  expect((await startChosenEngine(dir, m.probes, m.starters, m.log)).kind).toBe('ferretdb');
  expect(m.asked).toEqual([]);
  expect(m.logs.join('\n')).toMatch(/holds FerretDB data: FerretDB is tried first/);
});

test('DATA_DIR holds FerretDB data but FerretDB cannot run now: mongod next, the reason logged', async () => {
  const dir = dataDir();
  mkdirSync(join(dir, 'embedded-mongo'));
  writeFileSync(join(dir, 'embedded-mongo', 'whatsapp_bridge.sqlite'), '');
  const m = machine({ local: LOCAL, go: false, built: false });
  expect((await startChosenEngine(dir, m.probes, m.starters, m.log)).kind).toBe('mongod');
  expect(m.logs).toContain('warn: FerretDB: Go is not installed (no `go` on the PATH) and no FerretDB server was built before; trying mongod next');
});

test('DATA_DIR holds mongod data but mongod cannot run now: FerretDB starts, with a warning that the mongod data is not in it', async () => {
  const dir = dataDir();
  mkdirSync(join(dir, 'mongod'));
  writeFileSync(join(dir, 'mongod', 'WiredTiger'), '');
  const m = machine({ go: true });
  expect((await startChosenEngine(dir, m.probes, m.starters, m.log)).kind).toBe('ferretdb');
  expect(m.logs.join('\n')).toMatch(/mongod data, which FerretDB cannot read/);
});

describe('the download probe (mongodb-memory-server-core computes the URL; MONGOMS_DOWNLOAD_URL points it at a local server)', () => {
  const saved = process.env.MONGOMS_DOWNLOAD_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.MONGOMS_DOWNLOAD_URL;
    else process.env.MONGOMS_DOWNLOAD_URL = saved;
  });

  async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, run: (url: string) => Promise<void>): Promise<void> {
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/linux/mongodb-linux-x86_64-debian12-8.2.6.tgz`);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }

  test('a closed port: unavailable at once, with the host and the error code', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    process.env.MONGOMS_DOWNLOAD_URL = `http://127.0.0.1:${port}/linux/mongodb-linux-x86_64-debian12-8.2.6.tgz`;
    expect(await checkMongodDownload()).toMatchObject({ ok: false, why: `cannot reach 127.0.0.1:${port} (ECONNREFUSED)` });
  });

  test('a server that never answers: unavailable after the probe timeout, not after the download retries', async () => {
    await withServer(
      () => undefined,
      async (url) => {
        process.env.MONGOMS_DOWNLOAD_URL = url;
        expect(await checkMongodDownload(300)).toMatchObject({ ok: false, why: expect.stringMatching(/no answer within 0\.3 s/) });
      },
    );
  });

  test("MongoDB's 403 (no such version for this platform): unavailable, the status named", async () => {
    await withServer(
      (_req, res) => res.writeHead(403).end(),
      async (url) => {
        process.env.MONGOMS_DOWNLOAD_URL = url;
        expect(await checkMongodDownload()).toMatchObject({ ok: false, why: `${url} answered HTTP 403` });
      },
    );
  });

  test('a server that has the archive: available, with the URL the package will download', async () => {
    await withServer(
      (req, res) => res.writeHead(req.method === 'HEAD' ? 200 : 405).end(),
      async (url) => {
        process.env.MONGOMS_DOWNLOAD_URL = url;
        expect(await checkMongodDownload()).toMatchObject({ ok: true, url });
      },
    );
  });
});
