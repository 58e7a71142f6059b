/**
 * The `/wa` subcommands of the agents' tools (issue 11, points 6-7), typed Discord's way: saved replies, sending one
 * (its name autocompleted from the core's list), find, history and failed. `commands.ts` spreads them into `WA_COMMAND`;
 * `commandLine` turns their options back into the text line the core parses (src/services/agent-tools/).
 */
import { ApplicationCommandOptionType, type APIApplicationCommandSubcommandOption } from 'discord.js';

/** The subcommand whose `name` option autocompletes saved replies (interactions.ts). */
export const SAVED_REPLY_SUBCOMMAND = 'reply';

const phone = (description: string, required = false) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'phone',
  description,
  required,
  max_length: 32,
});

export const AGENT_TOOL_SUBCOMMANDS: APIApplicationCommandSubcommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'replies',
    description: 'Saved replies: add, list or remove',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'action',
        description: 'What to do',
        required: true,
        choices: [
          { name: 'add', value: 'add' },
          { name: 'list', value: 'list' },
          { name: 'remove', value: 'remove' },
        ],
      },
      { type: ApplicationCommandOptionType.String, name: 'name', description: 'The reply’s name, e.g. greeting', required: false, max_length: 40 },
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        description: 'For add: the text; {customer_name}, {agent_name}… are filled in when sent',
        required: false,
        max_length: 3500,
      },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: SAVED_REPLY_SUBCOMMAND,
    description: 'Send a saved reply to this thread’s customer',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'name', description: 'The saved reply', required: true, autocomplete: true, max_length: 40 },
      phone('Outside a customer’s thread: their number, e.g. +4915112345678'),
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'find',
    description: 'Find customers’ threads by number or name',
    options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'A number (or part) or a name', required: true, max_length: 100 }],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'history',
    description: 'The last messages of this thread’s customer (or of a number)',
    options: [
      phone('Outside a customer’s thread: their number'),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'count',
        description: 'How many (default 10, at most 30)',
        required: false,
        min_value: 1,
        max_value: 30,
      },
    ],
  },
  { type: ApplicationCommandOptionType.Subcommand, name: 'failed', description: 'Messages that failed, across conversations' },
];
