/** `/wa …` from Slack or Discord: the same subcommands and answers on both platforms. */
import type { ChatPlatform } from '../domain/platform';
import { DEFAULT_LANGUAGE, t, textOr, type Language } from '../i18n';
import { splitArgs } from './command-line';

export interface CommandRequest {
  platform: ChatPlatform;
  userId: string;
  /** Display name when the adapter knows it (shown as who sent a template). */
  userName?: string;
  channelId: string;
  /** The thread it was typed in, when the platform runs commands in threads (Discord); lifecycle subcommands act on it. */
  threadId?: string;
  text: string;
}

export interface CommandReply {
  /** Shown only to the person who typed the command. */
  text: string;
}

export type Subcommand = (args: string[], req: CommandRequest) => Promise<CommandReply>;

export class Commands {
  private readonly subcommands = new Map<string, { usage: string; summary: string; run: Subcommand }>();

  /** `languageOf`: the language of the channel a command is typed in (Accounts.channelLanguage); unset: English. */
  constructor(private readonly languageOf: (req: CommandRequest) => Language = () => DEFAULT_LANGUAGE) {}

  register(name: string, usage: string, summary: string, run: Subcommand): void {
    this.subcommands.set(name, { usage, summary, run });
  }

  help(lang: Language = DEFAULT_LANGUAGE): CommandReply {
    // English is the summary each subcommand registers; another language's comes from the catalogue (`commands.<name>`)
    // when it has one, so a subcommand added without a translation still shows, in English.
    const summary = (name: string, english: string) => (lang === DEFAULT_LANGUAGE ? english : textOr(lang, `commands.${name}`, english));
    const lines = [...this.subcommands].map(([name, s]) => `• \`/wa ${s.usage}\` — ${summary(name, s.summary)}`);
    return {
      text: [t(lang, 'help.title'), t(lang, 'help.threads'), t(lang, 'help.window'), ...lines, `• \`/wa help\` — ${t(lang, 'help.help')}`].join('\n'),
    };
  }

  async handle(req: CommandRequest): Promise<CommandReply> {
    const [name, ...args] = splitArgs(req.text);
    const lang = this.languageOf(req);
    if (!name || name === 'help') return this.help(lang);
    const sub = this.subcommands.get(name.toLowerCase());
    if (!sub) return { text: t(lang, 'help.unknown', { name, help: this.help(lang).text }) };
    return sub.run(args, req);
  }
}
