/** `/wa help` and unknown subcommands in the channel's language (issue 11 point 9); English unchanged. */
import { it as italian } from '../../../../src/i18n/catalogue/it';
import { Commands, type CommandRequest } from '../../../../src/services/commands';

const req = (text: string): CommandRequest => ({ platform: 'slack', userId: 'U0AGENT01', channelId: 'C0123ABCD', text });
const noop = async () => ({ text: '' });

function commands(language: 'en' | 'it'): Commands {
  const c = new Commands(() => language);
  c.register('claim', 'claim [+number]', 'take the conversation of this thread: you are pinged for its customer’s messages', noop);
  // A subcommand the catalogue has no line for (another feature's): its registered English summary is shown.
  c.register('brandnew', 'brandnew', 'something only English describes yet', noop);
  return c;
}

test('Italian: the help’s words and a known subcommand’s summary are Italian; an untranslated summary stays English', async () => {
  const { text } = await commands('it').handle(req('help'));
  expect(text.split('\n')).toEqual([
    italian.help.title,
    italian.help.threads,
    italian.help.window,
    `• \`/wa claim [+number]\` — ${italian.commands.claim}`,
    '• `/wa brandnew` — something only English describes yet',
    `• \`/wa help\` — ${italian.help.help}`,
  ]);
  expect((await commands('it').handle(req('nope'))).text).toMatch(/^Sottocomando `nope` sconosciuto\. \*WhatsApp bridge\*/);
});

test('English: the registered summaries, word for word', async () => {
  const { text } = await commands('en').handle(req('help'));
  expect(text).toContain('• `/wa claim [+number]` — take the conversation of this thread: you are pinged for its customer’s messages');
  expect((await commands('en').handle(req('nope'))).text).toMatch(/^Unknown subcommand `nope`\. \*WhatsApp bridge\*/);
});
