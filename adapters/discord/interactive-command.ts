/**
 * `/wa buttons` and `/wa list` on Discord (issue 13 point 4), used in a customer's thread (Discord runs commands there;
 * elsewhere `phone` names the conversation): the form is the subcommand's options. A string option is one line, so
 * buttons and rows are separated by `;` (`Yes; No; Talk to sales`, `# Fast; Express | Next day; # Pickup; In store`).
 * The options go to the core's InteractiveForms as they are (it checks Meta's limits and names the field at fault),
 * and its answer is shown only to the agent.
 */
import { ApplicationCommandOptionType, MessageFlags, type APIApplicationCommandSubcommandOption, type ChatInputCommandInteraction } from 'discord.js';
import type { InteractiveForm } from '../../src/domain/interactive';
import { t } from '../../src/i18n';
import { clip, toDiscordText } from './format';
import type { DiscordInboundContext } from './inbound';

const text = (name: string, description: string, required = false) => ({ type: ApplicationCommandOptionType.String as const, name, description, required });
/** Discord's limit on an option's description is 100 characters. */
const common = {
  body: text('body', 'The message the customer reads above the choices', true),
  header: text('header', 'A header above the message (at most 60 characters)'),
  footer: text('footer', 'A footer under the message (at most 60 characters)'),
  phone: { ...text('phone', 'Outside a customer’s thread: their number, e.g. +4915112345678'), max_length: 32 },
};

export const INTERACTIVE_SUBCOMMANDS: APIApplicationCommandSubcommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'buttons',
    description: t('en', 'commands.buttons').slice(0, 100),
    options: [common.body, text('options', '1 to 3 buttons separated by ; (e.g. Yes; No; Talk to sales)', true), common.header, common.footer, common.phone],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'list',
    description: t('en', 'commands.list').slice(0, 100),
    options: [
      common.body,
      text('button', 'The button that opens the list (at most 20 characters)', true),
      text('options', 'Rows separated by ; as Title | description; # Title starts a section', true),
      common.header,
      common.footer,
      common.phone,
    ],
  },
];

/** Answers `/wa buttons` / `/wa list`; false for any other subcommand (or a core without the form). */
export async function answerInteractiveCommand(ctx: DiscordInboundContext, interaction: ChatInputCommandInteraction): Promise<boolean> {
  const sub = interaction.options.getSubcommand(false);
  if ((sub !== 'buttons' && sub !== 'list') || !ctx.core.sendInteractive) return false;
  const value = (name: string) => interaction.options.getString(name) ?? undefined;
  const form: InteractiveForm = {
    kind: sub === 'list' ? 'list' : 'button',
    body: value('body') ?? '',
    options: value('options') ?? '',
    button: value('button'),
    header: value('header'),
    footer: value('footer'),
  };
  const channel = interaction.channel;
  // Inside a conversation's thread the account is the parent channel's (the id the core knows), the thread its own.
  const parentId = channel?.isThread() ? channel.parentId : null;
  const userName =
    interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : (interaction.user.globalName ?? interaction.user.username);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await ctx.core
    .sendInteractive({
      platform: 'discord',
      channelId: parentId ?? interaction.channelId,
      ...(parentId ? { threadId: interaction.channelId } : {}),
      ...(value('phone') ? { phone: value('phone') } : {}),
      userId: interaction.user.id,
      userName,
      form,
    })
    .catch((err: Error) => {
      ctx.log.error({ err }, '/wa buttons|list failed');
      return { ok: false, text: `⚠️ The command failed: ${err.message}. Try again; if it keeps failing, tell the bridge’s admin.` };
    });
  await interaction.editReply({ content: clip(toDiscordText(result.text)), allowedMentions: { parse: [] } });
  return true;
}
