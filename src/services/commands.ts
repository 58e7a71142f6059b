/** `/wa …` from Slack or Discord: the same subcommands and answers on both platforms. */
import type { ChatPlatform } from '../domain/platform';
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

  register(name: string, usage: string, summary: string, run: Subcommand): void {
    this.subcommands.set(name, { usage, summary, run });
  }

  help(): CommandReply {
    const lines = [...this.subcommands.values()].map((s) => `• \`/wa ${s.usage}\` — ${s.summary}`);
    return {
      text: [
        '*WhatsApp bridge*',
        'Customers who write to the business number appear as threads in this channel; reply in a thread to answer them on WhatsApp.',
        'After 24 hours without a message from the customer, WhatsApp only accepts approved templates.',
        ...lines,
        '• `/wa help` — this help',
      ].join('\n'),
    };
  }

  async handle(req: CommandRequest): Promise<CommandReply> {
    const [name, ...args] = splitArgs(req.text);
    if (!name || name === 'help') return this.help();
    const sub = this.subcommands.get(name.toLowerCase());
    if (!sub) return { text: `Unknown subcommand \`${name}\`. ${this.help().text}` };
    return sub.run(args, req);
  }
}
