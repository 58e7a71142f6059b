/**
 * FerretDB with its SQLite backend, embedded in the tiny Go program beside this file (main.go), built once from the
 * Go module proxy and cached: it works on machines that reach only package registries. Its data is SQLite files in
 * the directory it is given, so it persists across restarts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EmbeddedMongo } from './types';

const SOURCE_DIR = join(__dirname, '..', '..', '..', '..', 'adapters', 'mongo', 'embedded');
const START_TIMEOUT_MS = 30_000;

/** Where the Go sources are, whether we run from the TS sources (ts-jest) or from dist/. */
function sourceDir(): string {
  const beside = __dirname;
  return existsSync(join(beside, 'main.go')) ? beside : SOURCE_DIR;
}

export function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'whatsapp-chat-bridge');
}

/** The binary is keyed by a hash of its sources so a change to them rebuilds it. */
function binaryPath(dir: string): string {
  const hash = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(dir, f)));
  return join(cacheDir(), `embedded-mongo-${hash.digest('hex').slice(0, 16)}`);
}

/** A binary built earlier runs without Go. */
export function ferretBuilt(): boolean {
  return existsSync(binaryPath(sourceDir()));
}

function buildFerret(dir: string, target: string, log: (m: string) => void): void {
  mkdirSync(cacheDir(), { recursive: true });
  log(`building the embedded FerretDB server once (Go module proxy; a few minutes on a new machine) → ${target}`);
  // Build to a private name then rename: two test runs building at once never see half a binary.
  const tmp = `${target}.${process.pid}.tmp`;
  const res = spawnSync('go', ['build', '-o', tmp, '.'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
  });
  if (res.status !== 0) throw new Error(`building the embedded FerretDB server failed (go build exit ${res.status})`);
  renameSync(tmp, target);
}

function waitForUri(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('embedded FerretDB did not print its URI in time')), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded FerretDB exited early with code ${code}`));
    });
  });
}

export async function startFerret(dataDir: string, log: (m: string) => void): Promise<EmbeddedMongo> {
  const dir = sourceDir();
  const bin = binaryPath(dir);
  if (!existsSync(bin)) buildFerret(dir, bin, log);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(bin, ['-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.resume(); // FerretDB logs to stderr; drain it so the pipe never blocks the server.
  const uri = await waitForUri(child);
  return {
    uri,
    kind: 'ferretdb',
    engine: 'FerretDB (SQLite)',
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
