/** zod fields several configuration fragments share (src/config.ts and each chat platform's adapters/<platform>/config.ts). */
import { z } from 'zod';
import { LANGUAGES } from './i18n/languages';

/** A comma-separated list (spaces and empty entries dropped), each entry checked; unset is an empty list. */
export const list = (re: RegExp, what: string) =>
  z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(re, `each entry must be ${what}`)));

export const url = z.url({ message: 'must be an http(s) URL' });

/** The language of the texts written for agents (src/i18n): one of the catalogue's languages. */
export const language = z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')} (the languages of src/i18n/catalogue)` });

/** `a, b or c` */
export function orList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** `a, b and c` */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
