/**
 * The `/wa` guild slash command: its definition (registered by bulk overwrite at start-up) and the
 * conversion of an interaction's typed options into the text line the core's `Commands.handle` parses,
 * so Slack and Discord share one implementation of every subcommand.
 */
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { AGENT_TOOL_SUBCOMMANDS } from './agent-tool-commands';
import { described } from './command-text';
import { INTERACTIVE_SUBCOMMANDS } from './interactive-command';

export const COMMAND_NAME = 'wa';

/** Used in a conversation's thread they act on it; elsewhere `customer` names it (src/services/lifecycle/commands/). */
const customerOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: 'customer',
  ...described('delivery.discord.customer'),
  required: false,
  max_length: 32,
};
const userOption = (description: ReturnType<typeof described>): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.User,
  name: 'user',
  ...description,
  required: true,
});
const LIFECYCLE_SUBCOMMANDS: APIApplicationCommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'claim',
    ...described('delivery.discord.claim'),
    options: [customerOption],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'assign',
    ...described('delivery.discord.assign'),
    options: [userOption(described('delivery.discord.assignUser')), customerOption],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'add',
    ...described('delivery.discord.add'),
    options: [userOption(described('delivery.discord.addUser')), customerOption],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'close',
    ...described('delivery.discord.close'),
    options: [{ type: ApplicationCommandOptionType.String, name: 'message', ...described('delivery.discord.closeMessage'), required: false }, customerOption],
  },
  { type: ApplicationCommandOptionType.Subcommand, name: 'reopen', ...described('delivery.discord.reopen'), options: [customerOption] },
];

export const WA_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: COMMAND_NAME,
  ...described('delivery.discord.wa'),
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'help', ...described('delivery.discord.help') },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'template',
      ...described('delivery.discord.template'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'phone',
          ...described('delivery.discord.templatePhone'),
          required: true,
          max_length: 32,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          ...described('delivery.discord.templateName'),
          required: true,
          autocomplete: true,
          max_length: 600,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'params',
          ...described('delivery.discord.templateParams'),
          required: false,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'templates', ...described('delivery.discord.templates') },
    ...LIFECYCLE_SUBCOMMANDS,
    { type: ApplicationCommandOptionType.Subcommand, name: 'doctor', ...described('delivery.discord.doctor') },
    ...AGENT_TOOL_SUBCOMMANDS,
    ...INTERACTIVE_SUBCOMMANDS,
  ],
};

/** Options typed "as a whole command line" by the user: passed on unquoted, so their own quoting counts. */
const RAW_OPTIONS = new Set(['params']);

export interface OptionValue {
  name: string;
  value: string | number | boolean | undefined;
}

function declaredOptions(subcommand: string | null): string[] {
  const sub = WA_COMMAND.options?.find((o) => o.name === subcommand);
  return sub && 'options' in sub && sub.options ? sub.options.map((o) => o.name) : [];
}

/** Quotes a value for the core's `splitArgs` when it has spaces or quotes, so it stays one argument. */
export function quoteArg(value: string): string {
  if (value && !/[\s"'“”‘’]/.test(value)) return value;
  return `"${value.replace(/["“”]/g, '\\"')}"`;
}

/** `template` + [{phone:+49 151…}, {name:order_update:en}, {params:"Jane Doe" 42}] → `template "+49 151…" order_update:en "Jane Doe" 42`. */
export function commandLine(subcommand: string | null, options: readonly OptionValue[]): string {
  const words = subcommand ? [subcommand] : [];
  // Discord sends options in the order the user filled them in; the core expects the declared order.
  const declared = declaredOptions(subcommand);
  const rank = (name: string) => (declared.includes(name) ? declared.indexOf(name) : declared.length);
  for (const o of [...options].sort((a, b) => rank(a.name) - rank(b.name))) {
    if (o.value === undefined || o.value === '') continue;
    const value = String(o.value);
    words.push(RAW_OPTIONS.has(o.name) ? value.trim() : quoteArg(value));
  }
  return words.join(' ');
}
