/**
 * Runs every check of `doctor` for every configured account: per business number its WhatsApp checks, per chat
 * platform its checks over every account's channel there. The checks themselves live with their platform
 * (adapters/whatsapp/doctor/, adapters/<platform>/doctor.ts) and come in through `deps`, so tests and the admin CLI
 * can run the same code against fakes. A check that throws is a failed line, never a crash.
 */
import type { ChatDestination } from '../../adapters/chat-module';
import type { AccountConfig, Config } from '../config';
import { type DoctorCheck, type DoctorReport, type DoctorSection } from '../domain/doctor';
import { CHAT_PLATFORMS, PLATFORM_LABEL, type ChatPlatform } from '../domain/platform';
import { checkFailed, doctorText } from './text';

export interface DoctorDeps {
  /** One business number's WhatsApp checks. */
  whatsapp(account: AccountConfig, whatsapp: Config['whatsapp']): Promise<DoctorCheck[]>;
  /** Per configured chat platform: its checks, given its settings and every account's channel there. */
  chats: Partial<Record<ChatPlatform, (settings: unknown, destinations: ChatDestination[]) => Promise<DoctorCheck[]>>>;
}

async function section(title: string, checks: () => Promise<DoctorCheck[]>): Promise<DoctorSection> {
  try {
    return { title, checks: await checks() };
  } catch (err) {
    return {
      title,
      checks: [
        checkFailed(
          doctorText('doctor.crashed.name'),
          doctorText('doctor.crashed.detail', { error: (err as Error).message }),
          doctorText('doctor.crashed.fix'),
        ),
      ],
    };
  }
}

export async function runDoctor(config: Config, deps: DoctorDeps): Promise<DoctorReport> {
  const whatsapp = config.accounts.map((a) => section(`WhatsApp · ${a.name} (${a.phoneNumberId})`, () => deps.whatsapp(a, config.whatsapp)));
  const chats = CHAT_PLATFORMS.filter((p) => config.chats[p] !== undefined).map((p) => {
    const destinations = config.accounts.flatMap((a) => a[p] ?? []);
    const run = deps.chats[p];
    return section(PLATFORM_LABEL[p], async () => (run ? run(config.chats[p], destinations) : []));
  });
  const sections = await Promise.all([...whatsapp, ...chats]);
  return { sections, ok: sections.every((s) => s.checks.every((c) => c.ok)) };
}
