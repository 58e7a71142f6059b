/**
 * mongo-java-server (de.bwaldvogel, in-memory backend) as a MongoDB-wire server for the multi-instance tests: it gives
 * MongoDB's single-document atomicity, which the embedded FerretDB does not (docs/architecture.md, "What the embedded
 * database does differently"). Built once from Maven Central (`mvn dependency:build-classpath` + `javac` of the small
 * launcher beside this file) and cached under ~/.cache/whatsapp-chat-bridge, keyed by the launcher's sources, like the
 * embedded FerretDB (adapters/mongo/embedded/ferret.ts). Only the tests that need it start it: the default suite pays
 * nothing unless they run, and then only once per machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// Beside this file in the sources; compiled (dist/test/support, for `npm run bench:scale`) the sources are read from the repo.
const SOURCES = [join(__dirname, 'java-mongo'), join(__dirname, '..', '..', '..', 'test', 'support', 'java-mongo')].find((d) => existsSync(d))!;
const FILES = ['JavaMongoLauncher.java', 'pom.xml'];
const START_TIMEOUT_MS = 30_000;

export interface JavaMongo {
  uri: string;
  stop(): Promise<void>;
}

/** Why the server cannot run here (no Java or Maven), or undefined when it can. */
export function javaMongoMissing(): string | undefined {
  for (const [tool, args] of [
    ['java', ['-version']],
    ['javac', ['-version']],
    ['mvn', ['-v']],
  ] as const) {
    if (spawnSync(tool, [...args], { stdio: 'ignore' }).status !== 0) return `${tool} is not installed (mongo-java-server needs Java 17 and Maven)`;
  }
  return undefined;
}

function buildDir(): string {
  const hash = createHash('sha256');
  for (const f of FILES) hash.update(readFileSync(join(SOURCES, f)));
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'whatsapp-chat-bridge');
  return join(cache, `java-mongo-${hash.digest('hex').slice(0, 16)}`);
}

/** Resolves the jars (Maven Central, once) and compiles the launcher into a private folder renamed into place. */
function build(target: string): void {
  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'classes'), { recursive: true });
  for (const f of FILES) writeFileSync(join(tmp, f), readFileSync(join(SOURCES, f)));
  const cp = spawnSync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${join(tmp, 'classpath.txt')}`], {
    cwd: tmp,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (cp.status !== 0) throw new Error(`resolving mongo-java-server from Maven failed (mvn exit ${cp.status})`);
  const classpath = readFileSync(join(tmp, 'classpath.txt'), 'utf8').trim();
  const javac = spawnSync('javac', ['-d', join(tmp, 'classes'), '-cp', classpath, join(tmp, 'JavaMongoLauncher.java')], { stdio: 'inherit' });
  if (javac.status !== 0) throw new Error(`compiling the mongo-java-server launcher failed (javac exit ${javac.status})`);
  // Two runs building at once: the first rename wins, the second finds the folder there.
  if (existsSync(target)) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, target);
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('mongo-java-server did not print its port in time')), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line.trim());
      if (!m) return;
      clearTimeout(timer);
      resolve(Number(m[1]));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mongo-java-server exited early with code ${code}`));
    });
  });
}

/** Starts a fresh, empty server (memory only). Its stdin is a pipe: it exits when this process goes. */
export async function startJavaMongo(): Promise<JavaMongo> {
  const dir = buildDir();
  if (!existsSync(join(dir, 'classes', 'JavaMongoLauncher.class'))) build(dir);
  const classpath = `${join(dir, 'classes')}:${readFileSync(join(dir, 'classpath.txt'), 'utf8').trim()}`;
  const child = spawn('java', ['-Xmx512m', '-cp', classpath, 'JavaMongoLauncher'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.resume(); // slf4j without a binding warns once; nothing to read.
  const port = await waitForPort(child);
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
        child.kill('SIGTERM');
      }),
  };
}
