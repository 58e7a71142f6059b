/**
 * `npm run admin -- <command> [options]`: the operator's commands (src/cli/commands/index.ts lists them), each with
 * its own `--help`. Reads the same configuration as the bridge (src/config.ts) and opens its database the same way;
 * closes everything it opened, so the process exits by itself. Exit codes: src/cli/command.ts.
 */
import { ADMIN_COMMANDS } from './commands';
import { EXIT, UsageError, type AdminCommand, type CliContext } from './command';

const HELP_FLAGS = new Set(['--help', '-h']);
const PROGRAM = 'npm run admin --';

export function overview(commands: readonly AdminCommand[] = ADMIN_COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run \`${PROGRAM} <command> --help\` for a command's options.`,
    'Configuration: the bridge’s own (.env, or the environment; see .env.example). Without MONGODB_URI the embedded',
    'database in DATA_DIR is used, which only one process may open: stop the bridge first.',
  ].join('\n');
}

/** Runs one command line (the arguments after `admin`); returns the exit code. */
export async function runAdmin(argv: string[], ctx: CliContext, commands: readonly AdminCommand[] = ADMIN_COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    ctx.io.err(overview(commands));
    return EXIT.usage;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    ctx.io.out(overview(commands));
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.io.err(`unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}. See \`${PROGRAM} --help\`.`);
    return EXIT.usage;
  }
  const invokedAs = ctx.invokedAs ?? `${PROGRAM} ${command.name}`;
  // `--help` anywhere before a `--` asks for the command's help, whatever else is on the line.
  const beforeDashes = args.indexOf('--') < 0 ? args : args.slice(0, args.indexOf('--'));
  if (beforeDashes.some((a) => HELP_FLAGS.has(a))) {
    ctx.io.out(command.help(invokedAs));
    return EXIT.ok;
  }
  try {
    return await command.run(args, { ...ctx, invokedAs });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    ctx.io.err(`${command.name}: ${err.message}`);
    ctx.io.err(`Run \`${invokedAs} --help\` for its options.`);
    return EXIT.usage;
  }
}

/** The process around runAdmin: .env read, output on stdout/stderr, the exit code; an unexpected error is exit 1. */
export function main(argv: string[], invokedAs?: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv/config');
  const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
  runAdmin(argv, { env: process.env, io, invokedAs }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      io.err(`${argv[0] ?? 'admin'} failed: ${err.message}`);
      process.exitCode = EXIT.failed;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
