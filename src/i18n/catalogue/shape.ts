/**
 * The shape every language's catalogue has: English's (./en/index.ts defines the keys), each text a string. A language
 * missing a key, or with one English does not have, does not compile; test/unit/src/i18n/catalogue.test.ts also
 * checks that each text uses the same `{{variables}}` as English's.
 */
import type { en } from './en';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export type Catalogue = Shape<typeof en>;
