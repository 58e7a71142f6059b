/** `.env.example` is the operator's reference: it must document every variable the configuration reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../../src/config';

const example = readFileSync(join(__dirname, '..', '..', '..', '.env.example'), 'utf8');
const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

test.each(ENV_VARIABLES)('%s is in .env.example', (name) => {
  expect(documented.has(name)).toBe(true);
});

test('.env.example lists nothing the configuration does not read', () => {
  expect([...documented].filter((n) => !ENV_VARIABLES.includes(n))).toEqual([]);
});
