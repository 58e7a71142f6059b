/**
 * What `npm start` and `npm run build` compile (scripts/build.mjs, issue 12 point 5): nothing when no source changed,
 * the changed sources incrementally, and a clean dist/ when a source was removed or an output is missing (a stale
 * output once got loaded: commit b3f20e8). Run on a two-file project of its own, so each build takes a moment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUILD = join(__dirname, '..', '..', 'scripts', 'build.mjs');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-bridge-build-'));
  mkdirSync(join(dir, 'src'));
  // lib without the DOM and no @types: a compile of two files, not of the whole standard library.
  const compilerOptions = { target: 'ES2022', lib: ['ES2022'], module: 'commonjs', strict: true, skipLibCheck: true, outDir: 'dist', rootDir: '.', types: [] };
  writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  writeFileSync(join(dir, 'src', 'a.ts'), "import { b } from './b';\nexport const a = (): string => b + '1';\n");
  writeFileSync(join(dir, 'src', 'b.ts'), "export const b = 'b';\n");
  return dir;
}

function build(dir: string, ...args: string[]): { status: number | null; said: string } {
  const r = spawnSync(process.execPath, [BUILD, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, said: `${r.stderr}${r.stdout}` };
}

test('first build: clean, says so; a second one with nothing changed compiles nothing', () => {
  const dir = project();
  const first = build(dir);
  expect(first.status).toBe(0);
  expect(first.said).toMatch(/build: clean build of 2 sources into dist\/ \(first build\)/);
  expect(existsSync(join(dir, 'dist', 'src', 'a.js'))).toBe(true);
  const again = build(dir);
  expect(again).toEqual({ status: 0, said: 'build: dist/ is up to date (2 sources unchanged since the last build)\n' });
}, 120_000);

test('a changed source: compiled incrementally, named, its output updated', () => {
  const dir = project();
  expect(build(dir).status).toBe(0);
  writeFileSync(join(dir, 'src', 'b.ts'), "export const b = 'changed';\n");
  const r = build(dir);
  expect(r.status).toBe(0);
  expect(r.said).toMatch(/build: 1 changed source \(src\/b\.ts\): compiling incrementally/);
  expect(readFileSync(join(dir, 'dist', 'src', 'b.js'), 'utf8')).toContain("'changed'");
  expect(build(dir).said).toMatch(/up to date/);
}, 120_000);

test('a removed source: dist/ is emptied first, so its old output cannot be loaded', () => {
  const dir = project();
  expect(build(dir).status).toBe(0);
  rmSync(join(dir, 'src', 'a.ts'));
  const r = build(dir);
  expect(r.status).toBe(0);
  expect(r.said).toMatch(/clean build of 1 sources into dist\/ \(source removed: src\/a\.ts\)/);
  expect(existsSync(join(dir, 'dist', 'src', 'a.js'))).toBe(false);
  expect(existsSync(join(dir, 'dist', 'src', 'b.js'))).toBe(true);
}, 120_000);

test('an output deleted by hand: rebuilt clean (tsc alone would trust its .tsbuildinfo and skip it)', () => {
  const dir = project();
  expect(build(dir).status).toBe(0);
  rmSync(join(dir, 'dist', 'src', 'b.js'));
  const r = build(dir);
  expect(r.said).toMatch(/clean build .*\(output missing: dist\/src\/b\.js\)/);
  expect(existsSync(join(dir, 'dist', 'src', 'b.js'))).toBe(true);
}, 120_000);

test('a type error fails the build, and the next run compiles again instead of calling dist/ up to date', () => {
  const dir = project();
  expect(build(dir).status).toBe(0);
  writeFileSync(join(dir, 'src', 'b.ts'), 'export const b: number = "not a number";\n');
  const failed = build(dir);
  expect(failed.status).not.toBe(0);
  expect(failed.said).toMatch(/tsc failed .*rebuilt next time/);
  const again = build(dir);
  expect(again.status).not.toBe(0);
  expect(again.said).not.toMatch(/up to date/);
}, 120_000);

test('--clean empties dist/ whatever the stamp says', () => {
  const dir = project();
  expect(build(dir).status).toBe(0);
  writeFileSync(join(dir, 'dist', 'leftover.js'), '');
  const r = build(dir, '--clean');
  expect(r.said).toMatch(/clean build of 2 sources into dist\/ \(--clean\)/);
  expect(existsSync(join(dir, 'dist', 'leftover.js'))).toBe(false);
}, 120_000);
