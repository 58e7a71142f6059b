/** zod fields several configuration fragments share (src/config.ts and each chat platform's adapters/<platform>/config.ts). */
import { z } from 'zod';

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
