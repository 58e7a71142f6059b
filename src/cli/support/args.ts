/**
 * Options of an admin command: Node's own parser (`util.parseArgs`, strict), so an unknown option, a missing value or
 * a stray argument is a UsageError naming it, never silently ignored.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../command';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseOptions<T extends OptionSpec>(
  args: string[],
  options: T,
  positionals = 0,
): { values: { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean }; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (err) {
    // Node's messages name the option ("Unknown option '--x'"); its hint about `--` does not apply here.
    throw new UsageError(
      String((err as Error).message)
        .split('. To specify')[0]!
        .replace(/\.$/, ''),
    );
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument '${parsed.positionals[positionals]}'`);
  return parsed as never;
}

/** A string option that must be present. */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
