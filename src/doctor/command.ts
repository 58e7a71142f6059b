/**
 * `/wa doctor`: the checks of `npm run doctor`, for the bridge's admins (BRIDGE_ADMINS), answered only to the person
 * who asked (every `/wa` answer is private: ephemeral on Slack, an ephemeral interaction reply on Discord). The
 * report names the verify token and the bot's gaps, so nobody else may ask for it.
 */
import type { DoctorReport } from '../domain/doctor';
import type { Commands } from '../services/commands';
import { formatDoctorReport } from './format';

export interface DoctorCommandDeps {
  /** BRIDGE_ADMINS: the chat user ids allowed. */
  admins: readonly string[];
  run(): Promise<DoctorReport>;
}

export function registerDoctorCommand(commands: Commands, deps: DoctorCommandDeps): void {
  commands.register('doctor', 'doctor', 'check the WhatsApp and chat setup: tokens, subscriptions, channels, permissions (admins only)', async (_args, req) => {
    if (!deps.admins.includes(req.userId)) {
      const who = deps.admins.length ? 'Ask an admin to add your user id' : 'No admin is configured: add your user id';
      return { text: `🚫 \`/wa doctor\` is for the bridge’s admins. ${who} (${req.userId}) to BRIDGE_ADMINS, or run \`npm run doctor\` on the server.` };
    }
    return { text: formatDoctorReport(await deps.run(), { chat: true }) };
  });
}
