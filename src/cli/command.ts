/**
 * What an admin command is (src/cli/admin.ts dispatches to them; src/cli/commands/index.ts lists them). A command
 * is one file under src/cli/commands/ exporting an `AdminCommand`; adding one is that file and one registry line.
 * Exit codes: 0 done, 1 failed (configuration, database, Meta refused, a file refused), 2 wrong usage.
 */

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  /** A line of the command's result (stdout). */
  out(line: string): void;
  /** A line of progress, warning or error (stderr). */
  err(line: string): void;
}

export interface CliContext {
  /** The environment the configuration is read from (src/config.ts), as the bridge reads it. */
  env: Record<string, string | undefined>;
  io: CliIo;
  /** The database name on MONGODB_URI's server (tests give each file its own); default: the URI's own. */
  dbName?: string;
  /** How the command was invoked, for usage lines (`npm run admin -- requeue`, or the `npm run requeue` alias). */
  invokedAs?: string;
  /** The clock (durations like `--since 2h` count back from it). */
  now?: () => Date;
}

export interface AdminCommand {
  /** The word after `admin`. */
  name: string;
  /** One line for `admin --help`. */
  summary: string;
  /** The command's own `--help`: a usage line, then what each option does. `invokedAs` is how it was called. */
  help(invokedAs: string): string;
  /** Runs with the arguments after the command's name; returns the exit code. Throws UsageError for wrong usage. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Wrong usage: the dispatcher prints the message and the command's usage line, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
