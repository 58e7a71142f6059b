/**
 * `/wa template <phone> <name>[:<language>] [values…]` (one number, several, or a shared CSV of recipients),
 * `/wa templates` and `/wa sync`. The send itself (checks, replies, queueing) is TemplateSender in sender.ts;
 * Slack's form and Discord's autocomplete use the same sender.
 */
import { translator } from '../../i18n';
import type { CommandReply, CommandRequest, Commands } from '../commands';
import { parseRecipientsCsv, RecipientsCsvError, type CsvRecipient } from './csv';
import { EXAMPLE_PHONE, type TemplateSender } from './sender';
import { describeReport, type TemplateSync } from './sync';

// Importers of the template send name it from here (bridge.ts, bulk.ts): one entry for the command and its sender.
export { bullets, EXAMPLE_PHONE, TemplateSender, type Resolved, type Sender } from './sender';

export interface BulkStarter {
  start(req: CommandRequest, recipients: { input: string; args?: string[] }[], ref: string, args: string[]): Promise<CommandReply>;
}

/** `/wa template`, `/wa templates`, `/wa sync`. */
export function registerTemplateCommands(commands: Commands, sender: TemplateSender, sync: TemplateSync, bulk: BulkStarter | undefined): void {
  const languageOf = (req: CommandRequest) => sender.language(req.platform, req.channelId);
  const textsFor = (req: CommandRequest) => translator(languageOf(req));
  commands.register(
    'template',
    'template <phone> <template>[:<language>] [values…]',
    'send an approved template (quote a value with spaces: "two words"; named variables as name=value; several numbers separated by commas)',
    async (args, req) => {
      const [phone, ref, ...rest] = args;
      const t = textsFor(req);
      if (!phone || !ref) return { text: t('templates.usage', { phone: EXAMPLE_PHONE }) };
      if (phone.includes(',') || phone.includes(';')) {
        if (!bulk) return { text: t('templates.noBulk') };
        const reply = await bulk.start(
          req,
          phone
            .split(/[,;]/)
            .map((p) => ({ input: p.trim() }))
            .filter((p) => p.input),
          ref,
          rest,
        );
        return reply;
      }
      // A phone number has no letters: this may be a shared file (a CSV of recipients) the platform can read.
      if (/[A-Za-z]/.test(phone) && bulk) {
        const file = await sender.readSharedFile(req.platform, phone, languageOf(req));
        if (file && 'error' in file) return { text: t('templates.notSentFile', { why: file.error }) };
        if (file) {
          let rows: CsvRecipient[];
          try {
            rows = parseRecipientsCsv(file.text, languageOf(req));
          } catch (err) {
            if (err instanceof RecipientsCsvError) return { text: t('templates.notSentFileWhy', { file: file.name, why: err.message }) };
            throw err;
          }
          if (!rows.length) return { text: t('templates.noRecipients', { file: file.name }) };
          return bulk.start(req, rows, ref, rest);
        }
      }
      const r = await sender.send({
        platform: req.platform,
        userId: req.userId,
        userName: req.userName,
        channelId: req.channelId,
        phone,
        template: ref,
        args: rest,
      });
      return { text: r.text };
    },
  );
  commands.register('templates', 'templates', 'list the synced templates, their status and what each needs', async (_args, req) => ({
    text: await sender.list(req.platform, req.channelId),
  }));
  commands.register('sync', 'sync', 'read the templates from WhatsApp Manager now', async (_args, req) => {
    const reports = await sync.syncAll();
    const lang = languageOf(req);
    return { text: reports.map((r) => describeReport(r, lang)).join('\n') || textsFor(req)('templates.noNumber') };
  });
}
