/**
 * `/wa buttons` and `/wa list` as Discord registers them (adapters/discord/interactive-command.ts), within Discord's
 * application-command limits (discord.com/developers/docs/interactions/application-commands: an option description
 * of 1–100 characters; required options before optional ones; name, description and values of a command and all
 * its options together at most 8,000 characters).
 */
import type { APIApplicationCommandOption } from 'discord.js';
import { WA_COMMAND } from '../../../../adapters/discord/commands';
import { INTERACTIVE_SUBCOMMANDS } from '../../../../adapters/discord/interactive-command';

type Node = { name?: string; description?: string; value?: unknown; options?: Node[]; choices?: Node[] };
const size = (o: Node): number =>
  (o.name?.length ?? 0) +
  (o.description?.length ?? 0) +
  (typeof o.value === 'string' ? o.value.length : 0) +
  [...(o.options ?? []), ...(o.choices ?? [])].reduce((n, c) => n + size(c), 0);

test('buttons and list are subcommands of /wa, with the form’s fields as options', () => {
  const subs = WA_COMMAND.options!.filter((o) => o.name === 'buttons' || o.name === 'list') as (APIApplicationCommandOption & { options: Node[] })[];
  expect(subs.map((s) => [s.name, s.options.map((o) => o.name)])).toEqual([
    ['buttons', ['body', 'options', 'header', 'footer', 'phone']],
    ['list', ['body', 'button', 'options', 'header', 'footer', 'phone']],
  ]);
});

test('within Discord’s limits: descriptions 1–100 characters, required options first, the whole /wa at most 8,000 characters', () => {
  for (const sub of INTERACTIVE_SUBCOMMANDS) {
    for (const o of [sub, ...(sub.options ?? [])]) expect(o.description.length).toBeGreaterThan(0);
    for (const o of [sub, ...(sub.options ?? [])]) expect(o.description.length).toBeLessThanOrEqual(100);
    const required = (sub.options ?? []).map((o) => ('required' in o && o.required) === true);
    expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
  }
  expect(size(WA_COMMAND as Node)).toBeLessThanOrEqual(8000);
});
