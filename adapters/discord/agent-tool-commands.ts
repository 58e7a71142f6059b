/**
 * The `/wa` subcommands of the agents' tools (issue 11, points 6-7), typed Discord's way: saved replies, sending one
 * (its name autocompleted from the core's list), find, history and failed. `commands.ts` spreads them into `WA_COMMAND`;
 * `commandLine` turns their options back into the text line the core parses (src/services/agent-tools/).
 */
import { ApplicationCommandOptionType, type APIApplicationCommandSubcommandOption } from 'discord.js';
import { described } from './command-text';

/** The subcommand whose `name` option autocompletes saved replies (interactions.ts). */
export const SAVED_REPLY_SUBCOMMAND = 'reply';

const phone = (description: ReturnType<typeof described>, required = false) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'phone',
  ...description,
  required,
  max_length: 32,
});

export const AGENT_TOOL_SUBCOMMANDS: APIApplicationCommandSubcommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'replies',
    ...described('delivery.discord.replies'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'action',
        ...described('delivery.discord.repliesAction'),
        required: true,
        choices: [
          { name: 'add', value: 'add' },
          { name: 'list', value: 'list' },
          { name: 'remove', value: 'remove' },
        ],
      },
      { type: ApplicationCommandOptionType.String, name: 'name', ...described('delivery.discord.repliesName'), required: false, max_length: 40 },
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        ...described('delivery.discord.repliesText'),
        required: false,
        max_length: 3500,
      },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: SAVED_REPLY_SUBCOMMAND,
    ...described('delivery.discord.reply'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        ...described('delivery.discord.replyName'),
        required: true,
        autocomplete: true,
        max_length: 40,
      },
      phone(described('delivery.discord.phoneOutside')),
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'find',
    ...described('delivery.discord.find'),
    options: [{ type: ApplicationCommandOptionType.String, name: 'query', ...described('delivery.discord.findQuery'), required: true, max_length: 100 }],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'history',
    ...described('delivery.discord.history'),
    options: [
      phone(described('delivery.discord.historyPhone')),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'count',
        ...described('delivery.discord.historyCount'),
        required: false,
        min_value: 1,
        max_value: 30,
      },
    ],
  },
  { type: ApplicationCommandOptionType.Subcommand, name: 'failed', ...described('delivery.discord.failed') },
];
