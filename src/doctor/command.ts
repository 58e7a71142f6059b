/**
 * `/wa doctor`: the checks of `npm run doctor`, for the bridge's admins (BRIDGE_ADMINS), answered only to the person
 * who asked (every `/wa` answer is private: ephemeral on Slack, an ephemeral interaction reply on Discord). The
 * report names the verify token and the bot's gaps, so nobody else may ask for it. Both the refusal and the report
 * are in the channel's language (Accounts.channelLanguage, as every `/wa` answer).
 */
import type { DoctorReport } from '../domain/doctor';
import { DEFAULT_LANGUAGE, t, type Language } from '../i18n';
import type { CommandRequest, Commands } from '../services/commands';
import { formatDoctorReport } from './format';

export interface DoctorCommandDeps {
  /** BRIDGE_ADMINS: the chat user ids allowed. */
  admins: readonly string[];
  run(): Promise<DoctorReport>;
  /** The language of the channel the command is typed in; unset: English. */
  languageOf?(req: CommandRequest): Language;
}

export function registerDoctorCommand(commands: Commands, deps: DoctorCommandDeps): void {
  commands.register('doctor', 'doctor', 'check the WhatsApp and chat setup: tokens, subscriptions, channels, permissions (admins only)', async (_args, req) => {
    const language = deps.languageOf?.(req) ?? DEFAULT_LANGUAGE;
    if (!deps.admins.includes(req.userId))
      return { text: t(language, deps.admins.length ? 'doctor.refused.askAdmin' : 'doctor.refused.noAdmin', { user: req.userId }) };
    return { text: formatDoctorReport(await deps.run(), { chat: true, language }) };
  });
}
