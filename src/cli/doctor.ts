/**
 * `npm run doctor`: checks every configured account (the WhatsApp token, number, account, app subscription and
 * webhook; Slack's token, scopes and channels; Discord's token, intent, server, channels and permissions) and prints
 * one line per check, with the fix under each ❌. Exits 1 when a check failed (or the configuration is invalid), 0
 * otherwise. Reads the same configuration as the bridge (src/config.ts); needs no database, so it runs beside it.
 */
import { loadConfig } from '../config';
import { defaultDoctorDeps, formatDoctorReport, runDoctor, type DoctorDeps } from '../doctor';
import { ConfigError } from '../domain/errors';

/** Runs the checks; returns the exit code. `deps`: tests may pass their own checks. */
export async function runDoctorCli(
  env: Record<string, string | undefined>,
  out: (text: string) => void,
  deps: DoctorDeps = defaultDoctorDeps(),
): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      out(`❌ configuration: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const report = await runDoctor(config, deps);
  out(formatDoctorReport(report));
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv/config');
  runDoctorCli(process.env, (t) => process.stdout.write(`${t}\n`)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`doctor failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
