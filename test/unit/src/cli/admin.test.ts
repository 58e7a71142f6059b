/**
 * The admin CLI's dispatcher (src/cli/admin.ts): the command list, each command's own --help, and wrong usage (an
 * unknown command, an unknown option, a missing or malformed value) answered with a clear line and exit code 2,
 * before any configuration or database is touched (the environment here is empty).
 */
import { overview, runAdmin } from '../../../../src/cli/admin';
import { ADMIN_COMMANDS } from '../../../../src/cli/commands';
import type { AdminCommand, CliContext } from '../../../../src/cli/command';
import { parseTime } from '../../../../src/cli/support/time';

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { env: {}, io: { out: (l) => out.push(l), err: (l) => err.push(l) }, now: () => new Date('2026-05-10T12:00:00Z') };
  return runAdmin(argv, ctx).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

test('--help lists every command with its summary, on stdout, exit 0', async () => {
  for (const flag of ['--help', '-h', 'help']) {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: npm run admin -- <command> [options]');
    for (const name of ['doctor', 'requeue', 'replay', 'export', 'templates']) expect(r.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  }
});

test('no command: the list on stderr, exit 2', async () => {
  const r = await run([]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('Commands:');
});

test('each command has its own --help with a usage line and its options', async () => {
  const expected: Record<string, string[]> = {
    doctor: ['usage: npm run admin -- doctor', 'Exits 1 when a check failed'],
    requeue: ['usage: npm run admin -- requeue --all | --conversation', '--all', '--conversation'],
    replay: ['usage: npm run admin -- replay --since', '--since', '--until'],
    export: ['usage: npm run admin -- export --from', '--from', '--to', '--format', '--out'],
    templates: ['usage: npm run admin -- templates create --file', '--file', '--account', '--dry-run'],
  };
  for (const [name, parts] of Object.entries(expected)) {
    const r = await run([name, '--help']);
    expect(r.code).toBe(0);
    for (const p of parts) expect(r.out).toContain(p);
  }
  // --help wins over anything else on the line (nothing runs).
  expect((await run(['export', '--from', 'nonsense', '--help'])).code).toBe(0);
});

test('an unknown command is named, with the list, exit 2', async () => {
  const r = await run(['doctorr']);
  expect(r.code).toBe(2);
  expect(r.err).toBe("unknown command 'doctorr'. Commands: doctor, requeue, replay, export, templates. See `npm run admin -- --help`.");
});

test.each([
  [['requeue', '--bogus'], /requeue: Unknown option '--bogus'[\s\S]*usage: npm run admin -- requeue --all \| --conversation/],
  [['requeue'], /usage: npm run admin -- requeue --all \| --conversation/],
  [['requeue', '--all', '--conversation', 'a:b'], /usage: npm run admin -- requeue/],
  [['replay'], /replay: --since is required/],
  [['replay', '--since', 'yesterday'], /--since 'yesterday' is neither an ISO date .* nor a duration/],
  [['replay', '--since', '1h', '--until', '2h'], /--since must be before --until/],
  [['replay', '--since', '1h', 'extra'], /unexpected argument 'extra'/i],
  [['export', '--from', '2026-05-01'], /export: --to is required/],
  [['export', '--from', '2026-05-01', '--to', '2026-05-02', '--format', 'xlsx'], /--format must be csv or jsonl, not 'xlsx'/],
  [['export', '--from', '2026-13-01', '--to', '2026-05-02'], /--from '2026-13-01' is neither/],
  [['templates'], /a subcommand is required: create/],
  [['templates', 'delete'], /unknown subcommand 'delete'/],
  [['templates', 'create'], /--file is required/],
  [['templates', 'create', '--file'], /argument missing/],
])('wrong usage %j: a clear line, exit 2', async (argv, message) => {
  const r = await run(argv);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).toContain(`Run \`npm run admin -- ${argv[0]} --help\` for its options.`);
});

test('a new command is one object in the list: the dispatcher needs nothing else', async () => {
  const ran: string[][] = [];
  const extra: AdminCommand = { name: 'hello', summary: 'says hello', help: (i) => `usage: ${i}`, run: async (args) => (ran.push(args), 0) };
  const commands = [...ADMIN_COMMANDS, extra];
  expect(overview(commands)).toMatch(/^ {2}hello +says hello$/m);
  const ctx: CliContext = { env: {}, io: { out: () => undefined, err: () => undefined } };
  expect(await runAdmin(['hello', 'x'], ctx, commands)).toBe(0);
  expect(ran).toEqual([['x']]);
});

test('times: ISO dates and durations back from now; anything else refused', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  expect(parseTime('2026-05-01', 'since', now).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  expect(parseTime('2026-05-01T08:30:00+02:00', 'since', now).toISOString()).toBe('2026-05-01T06:30:00.000Z');
  expect(parseTime('90s', 'since', now).toISOString()).toBe('2026-05-10T11:58:30.000Z');
  expect(parseTime('2h', 'since', now).toISOString()).toBe('2026-05-10T10:00:00.000Z');
  expect(parseTime('7d', 'since', now).toISOString()).toBe('2026-05-03T12:00:00.000Z');
  expect(parseTime('2w', 'since', now).toISOString()).toBe('2026-04-26T12:00:00.000Z');
  for (const bad of ['', '2h30m', '-1h', 'May 1', '2026-05-01 08:00', '2026-02-30x', '1y']) expect(() => parseTime(bad, 'since', now)).toThrow(/neither/);
});
