/**
 * `npm run requeue -- --all | --conversation <id>`: the admin CLI's `requeue` command (src/cli/commands/requeue.ts)
 * under its older name, kept so the documented command and scripts that call it keep working.
 */
import { main, runAdmin } from './admin';

const INVOKED_AS = 'npm run requeue --';

/** Runs the command; returns the exit code. Every line (result or error) goes to `out`. `dbName`: tests give each file its own database. */
export function runRequeue(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  opts: { dbName?: string } = {},
): Promise<number> {
  return runAdmin(['requeue', ...argv], { env, io: { out, err: out }, dbName: opts.dbName, invokedAs: INVOKED_AS });
}

if (require.main === module) main(['requeue', ...process.argv.slice(2)], INVOKED_AS);
