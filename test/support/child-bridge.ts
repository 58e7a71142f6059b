/** The compiled bridge (`node dist/src/main.js`) as a child process, for SIGKILL / SIGTERM tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// test/support in the sources, dist/test/support when compiled (npm run bench).
const ROOT = existsSync(join(__dirname, '..', '..', 'package.json')) ? join(__dirname, '..', '..') : join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** `npm test` builds first; a lone `npx jest` run builds here. */
export function ensureBuilt(): void {
  if (existsSync(MAIN)) return;
  const res = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('could not build the bridge for the child-process tests');
}

export interface ChildBridge {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the bridge with exactly this environment (no .env from the repo) and waits until it listens. */
export async function startChildBridge(env: Record<string, string>, opts: { startTimeoutMs?: number } = {}): Promise<ChildBridge> {
  const proc = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start:\n${out}`)), opts.startTimeoutMs ?? 20_000);
    const onData = () => {
      const m = out.match(/"port":(\d+),"msg":"HTTP server listening"/);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`bridge exited (${code}) before listening:\n${out}`)));
  });
  return { proc, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** The same server, another database: a URI with the database name as its path. */
export function uriWithDb(base: string, dbName: string): string {
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return u.toString();
}
