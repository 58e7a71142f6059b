/**
 * `doctor`: the checks of `npm run doctor` (src/cli/doctor.ts, src/doctor/) from the admin CLI, so every operator tool
 * is under one `--help`. Needs no database: it runs beside the bridge.
 */
import { runDoctorCli } from '../doctor';
import { EXIT, UsageError, type AdminCommand } from '../command';

export const doctorCommand: AdminCommand = {
  name: 'doctor',
  summary: 'check every configured account (WhatsApp, Slack, Discord) and say what to fix',
  help: (invokedAs) =>
    [
      `usage: ${invokedAs}`,
      '',
      'One line per check with ✅ or ❌, and the fix under each ❌: the WhatsApp token (valid, not expiring, its',
      'permissions), the phone number, the WhatsApp Business Account, the app subscription and webhook fields, Live',
      'mode; Slack: token, scopes, each channel; Discord: token, intent, server, channels, permissions.',
      'Exits 1 when a check failed. The same as npm run doctor; needs no database.',
    ].join('\n'),
  async run(args, ctx) {
    if (args.length) throw new UsageError(`doctor takes no arguments (got ${args.join(' ')})`);
    const code = await runDoctorCli(ctx.env, (text) => ctx.io.out(text));
    return code === 0 ? EXIT.ok : EXIT.failed;
  },
};
