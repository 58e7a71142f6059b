// `npm run build` and `npm start`: compile to dist/ only when something changed, and say what it does.
//
// Why not a plain `tsc`: a full build takes 25–30 s on a 2-core machine, and `npm start` paid it on every start
// (issue 12). Why not a plain `tsc --incremental`: a file deleted or moved in the sources leaves its old output in
// dist/, and Node loads it (commit b3f20e8: dist/services/outbox.js was loaded instead of the new services/outbox/),
// and tsc trusts its .tsbuildinfo even when outputs were deleted by hand. So:
// - same list of sources and same compiler settings as the last good build → incremental build, or no build at all
//   when no source changed;
// - a source added or removed, a compiler setting changed, an output missing, or `--clean` → dist/ is emptied first.
// The stamp is written only after tsc succeeded, so a failed build is never skipped next time.
// Works on the tsconfig.build.json of the current directory (the tests run it on a small project of their own).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const root = process.cwd();
const configPath = join(root, 'tsconfig.build.json');
const say = (line) => process.stderr.write(`build: ${line}\n`);
const sha = (data) => createHash('sha256').update(data).digest('hex');

function readConfig() {
  const host = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      say(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      process.exit(1);
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  if (parsed.errors.length > 0) {
    for (const d of parsed.errors) say(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    process.exit(1);
  }
  return parsed;
}

const parsed = readConfig();
const outDir = parsed.options.outDir ?? root;
const rootDir = parsed.options.rootDir ?? root;
const sources = parsed.fileNames.filter((f) => !f.endsWith('.d.ts')).sort();
const stampPath = join(outDir, '.build-stamp.json');

// What decides whether outputs can be reused: the set of sources, the compiler settings and the compiler version.
const layout = sha(JSON.stringify({ sources: sources.map((f) => relative(root, f)), options: parsed.options, tsc: ts.version }));
const hashes = Object.fromEntries(sources.map((f) => [relative(root, f), sha(readFileSync(f))]));
const outputOf = (f) => join(outDir, relative(rootDir, f)).replace(/\.tsx?$/, '.js');

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why dist/ must be emptied first, or undefined when an incremental build is safe. */
function cleanReason(stamp) {
  if (process.argv.includes('--clean')) return '--clean';
  if (!stamp) return existsSync(outDir) ? 'no record of the last build' : 'first build';
  if (stamp.layout !== layout) {
    const before = new Set(Object.keys(stamp.hashes ?? {}));
    const now = new Set(Object.keys(hashes));
    const removed = [...before].filter((f) => !now.has(f));
    const added = [...now].filter((f) => !before.has(f));
    if (removed.length > 0) return `source removed: ${removed.slice(0, 3).join(', ')}${removed.length > 3 ? ', …' : ''}`;
    if (added.length > 0) return `source added: ${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}`;
    return 'compiler settings or version changed';
  }
  const missing = sources.find((f) => !existsSync(outputOf(f)));
  if (missing) return `output missing: ${relative(root, outputOf(missing))}`;
  return undefined;
}

const stamp = readStamp();
const reason = cleanReason(stamp);
const changed = reason ? sources.map((f) => relative(root, f)) : Object.keys(hashes).filter((f) => stamp.hashes[f] !== hashes[f]);

if (!reason && changed.length === 0) {
  say(`dist/ is up to date (${sources.length} sources unchanged since the last build)`);
  process.exit(0);
}
if (reason) {
  say(`clean build of ${sources.length} sources into ${relative(root, outDir) || '.'}/ (${reason}); this takes about half a minute…`);
  rmSync(outDir, { recursive: true, force: true });
} else {
  const names = changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
  say(`${changed.length} changed source${changed.length === 1 ? '' : 's'} (${names}): compiling incrementally…`);
}
rmSync(stampPath, { force: true });
const started = Date.now();
// --incremental keeps dist/<config>.tsbuildinfo beside the outputs, so emptying dist/ also forgets it.
const tsc = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', configPath, '--incremental', '--assumeChangesOnlyAffectDirectDependencies'],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) {
  say(`tsc failed (exit ${tsc.status ?? tsc.signal}); dist/ is incomplete and will be rebuilt next time`);
  process.exit(tsc.status || 1);
}
writeFileSync(stampPath, JSON.stringify({ layout, hashes }));
say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
