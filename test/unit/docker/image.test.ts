/**
 * docker/Dockerfile (issue 12, packaging): a supported Node LTS, a version label, and no test code in the runtime image.
 * No Docker daemon runs on the CI machines, so the file is read as text; what makes the image self-contained (nothing
 * the runtime stage copies imports the test fakes or scripts) is checked on the sources the image's code comes from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');

/** The lines of one stage, `FROM … AS name` up to the next FROM. */
function stage(name: string): string[] {
  const lines = dockerfile.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^FROM .* AS ${name}$`).test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('FROM '));
  return lines.slice(start, end < 0 ? undefined : end);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

test('every stage runs on Node 22 (a supported LTS line)', () => {
  const froms = dockerfile.split('\n').filter((l) => l.startsWith('FROM '));
  expect(froms.length).toBeGreaterThanOrEqual(2);
  for (const from of froms) expect(from).toMatch(/^FROM node:22-/);
});

test('the runtime image is labelled with its version (OCI annotation)', () => {
  expect(stage('runtime').join('\n')).toMatch(/LABEL[\s\S]*org\.opencontainers\.image\.version="\$\{VERSION\}"/);
});

test('the runtime image copies only the compiled bridge, not the compiled test fakes, demo or bench', () => {
  const copies = stage('runtime').filter((l) => l.startsWith('COPY --from=build'));
  expect(copies.map((l) => l.split(/\s+/)[2])).toEqual(['/app/dist/src', '/app/dist/adapters']);
});

test('nothing under src/ or adapters/ imports code outside them (the copied folders are self-contained)', () => {
  const outside: string[] = [];
  for (const file of [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'adapters'))]) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = relative(ROOT, resolve(dirname(file), spec!));
      if (!/^(src|adapters)\//.test(target)) outside.push(`${relative(ROOT, file)} → ${spec}`);
    }
  }
  expect(outside).toEqual([]);
});
