/**
 * `npm ci` works from the committed lock on Linux and macOS (issue 12, packaging). `npm ci` installs exactly what
 * package-lock.json lists, so a lock written on one platform must still hold the other platforms' native bindings. An
 * npm that re-locks from an existing node_modules can drop them (https://github.com/npm/cli/issues/4828); `npm ci` on a
 * Mac would then install no binding for the packages below. Read as data: no other machine runs here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}
const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** Node's resolution: the nearest node_modules/<name> up from the package that depends on it. */
function resolveFrom(from: string, name: string): LockEntry | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const entry = lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
    if (entry || !dir) return entry;
  }
}

const withOptional = Object.entries(lock.packages).filter(([, e]) => e.optionalDependencies);

test('the lock lists every package with its resolved place (lockfile v3, which npm ci on npm 7+ reads whole)', () => {
  expect(lock.lockfileVersion).toBe(3);
  expect(withOptional.length).toBeGreaterThan(0);
});

test('every optional dependency of a locked package is locked too, whatever platform it is for', () => {
  const missing = withOptional.flatMap(([path, e]) =>
    Object.keys(e.optionalDependencies!)
      .filter((name) => !resolveFrom(path, name))
      .map((name) => `${path || '(root)'} → ${name}`),
  );
  expect(missing).toEqual([]);
});

test('a package shipping per-platform bindings has one for Linux x64 and for both kinds of Mac', () => {
  const platforms = [
    ['linux', 'x64'],
    ['darwin', 'x64'],
    ['darwin', 'arm64'],
  ];
  const gaps: string[] = [];
  for (const [path, e] of withOptional) {
    const bindings = Object.keys(e.optionalDependencies!)
      .map((name) => resolveFrom(path, name))
      .filter((b): b is LockEntry => Boolean(b?.os));
    if (!bindings.length) continue;
    for (const [os, cpu] of platforms) if (!bindings.some((b) => b.os!.includes(os!) && (!b.cpu || b.cpu.includes(cpu!)))) gaps.push(`${path}: ${os}-${cpu}`);
  }
  expect(gaps).toEqual([]);
});
