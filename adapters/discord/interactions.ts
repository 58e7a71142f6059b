/**
 * `/wa` on Discord (INTERACTION_CREATE): the command's subcommands become the same command line Slack's `/wa` takes,
 * answered ephemerally; the template name's autocomplete asks the core's template forms.
 */
import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { SAVED_REPLY_SUBCOMMAND } from './agent-tool-commands';
import { COMMAND_NAME, commandLine } from './commands';
import { onComponent } from './components';
import { clip, toDiscordText } from './format';
import { answerInteractiveCommand } from './interactive-command';
import { DEFAULT_LANGUAGE, t } from '../../src/i18n';
import type { DiscordInboundContext } from './inbound';

/** Answer `/wa` directly when the core is this fast, else defer: Discord wants a first answer within 3 s. */
const DEFER_AFTER_MS = 1500;

export async function onInteraction(ctx: DiscordInboundContext, interaction: Interaction): Promise<void> {
  try {
    if (await onComponent(ctx, interaction)) return;
    if (interaction.isAutocomplete() && interaction.commandName === COMMAND_NAME) return await autocomplete(ctx, interaction);
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) return await command(ctx, interaction);
  } catch (err) {
    ctx.log.error({ interactionId: interaction.id, err }, 'could not answer a Discord interaction');
  }
}

/** Template names for `/wa template name:`: the synced, approved templates of this channel's number; saved replies for `/wa reply name:`. */
async function autocomplete(ctx: DiscordInboundContext, interaction: AutocompleteInteraction): Promise<void> {
  const channel = interaction.channel;
  const channelId = channel?.isThread() && channel.parentId ? channel.parentId : interaction.channelId;
  const prefix = String(interaction.options.getFocused() ?? '');
  if (interaction.options.getSubcommand(false) === SAVED_REPLY_SUBCOMMAND) {
    const replies = (await ctx.core.savedReplies?.({ platform: 'discord', channelId, prefix })) ?? [];
    await interaction.respond(replies.slice(0, 25).map((r) => ({ name: `${r.name} — ${r.text}`.slice(0, 100), value: r.name.slice(0, 100) })));
    return;
  }
  const choices = (await ctx.core.templates?.({ platform: 'discord', channelId, prefix })) ?? [];
  // Discord shows at most 25 choices, each name and value at most 100 characters.
  await interaction.respond(
    choices
      .slice(0, 25)
      .map((c) => ({ name: `${c.name} [${c.language}]${c.category ? ` · ${c.category.toLowerCase()}` : ''}`.slice(0, 100), value: c.ref.slice(0, 100) })),
  );
}

async function command(ctx: DiscordInboundContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (await answerInteractiveCommand(ctx, interaction)) return; // `/wa buttons|list`: the form's options (interactive-command.ts)
  const sub = interaction.options.getSubcommand(false);
  const options = (interaction.options.data.find((o) => o.name === sub)?.options ?? []).map((o) => ({ name: o.name, value: o.value }));
  const channel = interaction.channel;
  // Inside a conversation's thread the account is the parent channel's: that is the id the core knows.
  const parentId = channel?.isThread() ? channel.parentId : null;
  const channelId = parentId ?? interaction.channelId;
  // The thread too: `/wa reply` and `/wa history` act on the conversation of the thread they are used in.
  const threadId = parentId ? interaction.channelId : undefined;
  const userName =
    interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : (interaction.user.globalName ?? interaction.user.username);
  const lang = ctx.core.language?.({ platform: 'discord', channelId }) ?? DEFAULT_LANGUAGE;
  const work = ctx.core
    .command({
      platform: 'discord',
      userId: interaction.user.id,
      userName,
      channelId,
      // Typed inside a conversation's thread: the lifecycle subcommands, `/wa reply` and `/wa history` act on it.
      ...(threadId ? { threadId } : {}),
      text: commandLine(sub, options),
    })
    .then((r) => r.text)
    .catch((err: Error) => {
      ctx.log.error({ err }, '/wa failed');
      return t(lang, 'commandFailed', { error: err.message });
    });
  const slow = new Promise<undefined>((r) => setTimeout(() => r(undefined), DEFER_AFTER_MS).unref());
  const quick = await Promise.race([work, slow]);
  const content = (text: string) => ({ content: clip(toDiscordText(text || t(lang, 'done'))), allowedMentions: { parse: [] } });
  if (quick !== undefined) {
    await interaction.reply({ ...content(quick), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(content(await work));
}
