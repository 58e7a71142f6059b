/**
 * The embedded database default through the compiled bridge (issue 12, point 5), as on a fresh machine: no
 * MONGODB_URI, and the download of mongod really failing (MONGOMS_DOWNLOAD_MIRROR points at a closed local port).
 * Without Go on the PATH the bridge says what to install or set and exits 1; with Go it runs FerretDB, says so, and
 * keeps the data in DATA_DIR. The choice with every combination of answers is in embedded-engine-choice.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ferretBuilt, hasGo } from '../../adapters/mongo/embedded/ferret';
import { startDefaultEmbedded } from '../../adapters/mongo/embedded/launch';
import { localMongod } from '../../adapters/mongo/embedded/mongod';
import { FakeGraphApi } from '../fakes/graph-api';
import { FakeSlackApi } from '../fakes/slack-api';
import { ensureBuilt, startChildBridge } from '../support/child-bridge';
import { eventually, testEnv } from '../support/harness';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const tmp = (label: string) => mkdtempSync(join(tmpdir(), `wa-bridge-${label}-`));

/** This PATH without the folders that hold one of these programs: the machine as if they were not installed. */
function pathWithout(programs: string[]): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !programs.some((p) => existsSync(join(dir, p))))
    .join(delimiter);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The bridge's environment without MONGODB_URI, with mongod's download going to a closed port. */
async function freshMachineEnv(
  graph: FakeGraphApi,
  slack: FakeSlackApi,
  extra: Record<string, string>,
): Promise<{ env: Record<string, string>; port: number }> {
  const port = await closedPort();
  const env = testEnv(graph, slack, {
    DATA_DIR: tmp('data'),
    MONGOMS_DOWNLOAD_MIRROR: `http://127.0.0.1:${port}`,
    MONGOMS_DOWNLOAD_DIR: tmp('mongod-cache'),
    ...extra,
  });
  delete (env as Record<string, string | undefined>).MONGODB_URI;
  return { env, port };
}

function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, [MAIN], { env: { ...env, LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: '/nonexistent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, output })));
}

let graph: FakeGraphApi;
let slack: FakeSlackApi;
beforeAll(async () => {
  ensureBuilt();
  graph = await FakeGraphApi.start();
  slack = await FakeSlackApi.start();
});
afterAll(async () => {
  await Promise.all([graph.close(), slack.close()]);
});

test('no Go + no download → the message: what to install or set, exit 1, no stack trace', async () => {
  // A home of its own: no cached mongod (~/.cache/mongodb-binaries) and no FerretDB built before (~/.cache/whatsapp-chat-bridge).
  const home = tmp('home');
  const { env, port } = await freshMachineEnv(graph, slack, { PATH: pathWithout(['go', 'mongod']), HOME: home, XDG_CACHE_HOME: join(home, '.cache') });
  const r = await runToExit(env);
  expect(r.code).toBe(1);
  expect(r.output).toContain('MONGODB_URI is not set and no embedded database can run on this machine:');
  expect(r.output).toContain(`mongod: not on this machine and cannot be downloaded (cannot reach 127.0.0.1:${port} (ECONNREFUSED))`);
  expect(r.output).toContain('FerretDB: Go is not installed (no `go` on the PATH) and no FerretDB server was built before');
  expect(r.output).toMatch(/set MONGODB_URI to a MongoDB server/);
  expect(r.output).toMatch(/download mongod from https:\/\/fastdl\.mongodb\.org/);
  expect(r.output).toMatch(/install Go 1\.24 or newer/);
  // The warning before the choice no longer names an engine that is not running (it said FerretDB/SQLite).
  expect(r.output).toMatch(/MONGODB_URI is not set: running an embedded MongoDB-compatible server/);
  expect(r.output).not.toMatch(/FerretDB\/SQLite/);
  expect(r.output).not.toMatch(/\n\s+at \S/); // a stack frame
  expect(r.output).not.toContain('"stack"');
}, 60_000);

// FerretDB runs where Go is installed or its binary was built before (the test run's own server is that one).
const withFerret = hasGo() || ferretBuilt() ? test : test.skip;

withFerret(
  'no download, FerretDB available: it runs after a warning naming mongod, says where the data persists, and stays chosen',
  async () => {
    const { env, port } = await freshMachineEnv(graph, slack, { PATH: pathWithout(['mongod']) });
    const mongodHere = await withEnv({ PATH: env.PATH!, MONGOMS_DOWNLOAD_DIR: env.MONGOMS_DOWNLOAD_DIR! }, localMongod);
    const first = await startChildBridge(env);
    try {
      await eventually(async () => expect((await fetch(`${first.url}/readyz`)).status).toBe(200), 15_000);
      if (mongodHere) {
        // A machine with a cached mongod runs it first, by design; nothing below applies.
        expect(first.output()).toMatch(/embedded database started: mongod/);
        return;
      }
      expect(first.output()).toContain(
        `mongod: not on this machine and cannot be downloaded (cannot reach 127.0.0.1:${port} (ECONNREFUSED)); trying the embedded FerretDB next`,
      );
      expect(first.output()).toContain(`embedded database started: FerretDB (SQLite); data persists in ${join(env.DATA_DIR!, 'embedded-mongo')} (DATA_DIR)`);
    } finally {
      first.proc.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    expect(readdirSync(join(env.DATA_DIR!, 'embedded-mongo')).length).toBeGreaterThan(0);

    // Next start on the same DATA_DIR: its FerretDB data decides, before any mongod probe.
    const second = await startChildBridge(env);
    try {
      await eventually(async () => expect((await fetch(`${second.url}/readyz`)).status).toBe(200), 15_000);
      expect(second.output()).toMatch(/holds FerretDB data: FerretDB is tried first/);
      expect(second.output()).not.toMatch(/mongod: not on this machine/);
    } finally {
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  },
  120_000,
);

withFerret(
  'a mongod on the PATH that cannot start: found and tried first, its failure logged, FerretDB runs instead',
  async () => {
    // A stand-in that answers --version like mongod and then fails at start, as a mongod built for another CPU does.
    const bin = tmp('bin');
    writeFileSync(
      join(bin, 'mongod'),
      '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "db version v8.0.4"; exit 0; fi\necho "Illegal instruction" >&2\nexit 132\n',
      { mode: 0o755 },
    );
    const dataDir = tmp('data');
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(`info: ${m}`), warn: (m: string) => logs.push(`warn: ${m}`) };
    const db = await withEnv({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, MONGOMS_DOWNLOAD_DIR: tmp('mongod-cache') }, () =>
      startDefaultEmbedded({ dataDir, log }),
    );
    try {
      expect(db.kind).toBe('ferretdb');
      expect(logs.join('\n')).toContain(`warn: mongod 8.0.4 (${join(bin, 'mongod')}) did not start (`);
      expect(logs.join('\n')).toMatch(/trying the embedded FerretDB next/);
    } finally {
      await db.stop();
    }
  },
  120_000,
);

/** Runs `fn` with these variables set in this process (mongodb-memory-server-core reads them at each call). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
