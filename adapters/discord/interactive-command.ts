/**
 * `/wa buttons` and `/wa list` on Discord (issue 13 point 4), used in a customer's thread (Discord runs commands there;
 * elsewhere `phone` names the conversation): the form is the subcommand's options. A string option is one line, so
 * buttons and rows are separated by `;` (`Yes; No; Talk to sales`, `# Fast; Express | Next day; # Pickup; In store`).
 * The options go to the core's InteractiveForms as they are (it checks Meta's limits and names the field at fault),
 * and its answer is shown only to the agent.
 */
import { ApplicationCommandOptionType, MessageFlags, type APIApplicationCommandSubcommandOption, type ChatInputCommandInteraction } from 'discord.js';
import type { InteractiveForm } from '../../src/domain/interactive';
import { DEFAULT_LANGUAGE, t } from '../../src/i18n';
import { described } from './command-text';
import { clip, toDiscordText } from './format';
import type { DiscordInboundContext } from './inbound';

const text = (name: string, description: ReturnType<typeof described>, required = false) => ({
  type: ApplicationCommandOptionType.String as const,
  name,
  ...description,
  required,
});
const common = {
  body: text('body', described('delivery.discord.body'), true),
  header: text('header', described('delivery.discord.header')),
  footer: text('footer', described('delivery.discord.footer')),
  phone: { ...text('phone', described('delivery.discord.phoneOutside')), max_length: 32 },
};

export const INTERACTIVE_SUBCOMMANDS: APIApplicationCommandSubcommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'buttons',
    ...described('commands.buttons'),
    options: [common.body, text('options', described('delivery.discord.buttonsOptions'), true), common.header, common.footer, common.phone],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'list',
    ...described('commands.list'),
    options: [
      common.body,
      text('button', described('delivery.discord.listButton'), true),
      text('options', described('delivery.discord.listOptions'), true),
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
  const lang = ctx.core.language?.({ platform: 'discord', channelId: parentId ?? interaction.channelId }) ?? DEFAULT_LANGUAGE;
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
      return { ok: false, text: t(lang, 'commandFailed', { error: err.message }) };
    });
  await interaction.editReply({ content: clip(toDiscordText(result.text)), allowedMentions: { parse: [] } });
  return true;
}
