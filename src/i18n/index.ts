/**
 * The agents' message catalogue (issue 11 point 9): `t(language, key, vars)` picks a text of ./catalogue in the
 * account's language (BRIDGE_LANGUAGE, or an account's `language` in BRIDGE_CONFIG). i18next does the lookup, the
 * `{{variable}}` interpolation, the plurals (`_one` / `_other` chosen by `count` through Intl.PluralRules) and the
 * fallback to English for a text a language lacks (i18next.com "Fallback"). One dedicated instance
 * (`createInstance`), initialised synchronously from the bundled resources: nothing is loaded at run time.
 */
import { createInstance, type i18n, type Resource } from 'i18next';
import type { Catalogue } from './catalogue/shape';
import { en } from './catalogue/en';
import { fr } from './catalogue/fr';
import { it } from './catalogue/it';
import { vi } from './catalogue/vi';
import { DEFAULT_LANGUAGE, type Language } from './languages';

export { LANGUAGES, DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export const CATALOGUES: Record<Language, Catalogue> = { en, it, fr, vi };

/** An i18next instance over `resources`, English as the fallback; exported so a test can build one over a partial catalogue. */
export function catalogueInstance(resources: Resource): i18n {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    // Synchronous: the resources are in memory, so `t` works as soon as this returns (i18next option `initAsync`).
    initAsync: false,
    // Chat texts, not HTML: escaping would turn a customer's `&` into `&amp;` (each adapter escapes for its platform).
    interpolation: { escapeValue: false },
    // Keys are ours and never contain `:`; a customer's text is only ever a variable (never parsed: skipOnVariables).
    nsSeparator: false,
    returnNull: false,
  });
  return instance;
}

const instance = catalogueInstance(Object.fromEntries(Object.entries(CATALOGUES).map(([lng, c]) => [lng, { translation: c }])));

/** `a.b.c` for every text of the catalogue, a plural's `_one` / `_other` named once without its suffix. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Unplural<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
export type TextKey = Unplural<Leaves<typeof en>>;

type At<T, K extends string> = K extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : K extends keyof T
    ? T[K]
    : `${K}_other` extends keyof T
      ? T[`${K}_other`]
      : never;
type VarNames<S> = S extends `${string}{{${infer V}}}${infer R}` ? V | VarNames<R> : never;
/** Whether a key is a plural (`key_one` / `key_other` in English): it needs a `count`, whether its texts show it or not. */
type IsPlural<T, K extends string> = K extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? IsPlural<T[H], R>
    : false
  : `${K}_other` extends keyof T
    ? true
    : false;
type Names<K extends TextKey> = VarNames<At<typeof en, K>> | (IsPlural<typeof en, K> extends true ? 'count' : never);
/** The variables a text needs, read from its English text (`count` is a number: it chooses the plural). */
export type TextVars<K extends TextKey> = { [V in Names<K>]: V extends 'count' ? number : string | number };
type VarsArg<K extends TextKey> = [Names<K>] extends [never] ? [] : [vars: TextVars<K>];

const lookup = instance.t.bind(instance) as unknown as (key: string, options: Record<string, unknown>) => string;

/** The text `key` in `language`, its variables filled in. */
export function t<K extends TextKey>(language: Language, key: K, ...vars: VarsArg<K>): string {
  return lookup(key, { ...vars[0], lng: language });
}

/** A text picked by a key known only at run time (a subcommand's name), or `fallback` when the catalogue has none. */
export function textOr(language: Language, key: string, fallback: string): string {
  return instance.exists(key, { lng: language }) ? lookup(key, { lng: language }) : fallback;
}

/** `t` bound to one language: what a service holding an account's language passes where texts are built. */
export type Translate = <K extends TextKey>(key: K, ...vars: VarsArg<K>) => string;

export const translator =
  (language: Language): Translate =>
  (key, ...vars) =>
    t(language, key, ...vars);

// eslint-disable-next-line no-control-regex -- SOH and STX mark a token: they cannot occur in a catalogue text.
const MARK = /\u0001([a-zA-Z]+)\u0002/;

/**
 * A text whose variables are platform tokens (a date, a mention) that must not go through the platform's escaping:
 * the text around them is passed to `text` piece by piece, each token is put in as it is.
 */
export function tokenText<K extends TextKey>(language: Language, key: K, tokens: TextVars<K>, text: (s: string) => string): string {
  const marks = Object.fromEntries(Object.keys(tokens).map((name) => [name, `\u0001${name}\u0002`]));
  const pieces = lookup(key, { ...marks, lng: language }).split(MARK);
  return pieces.map((p, i) => (i % 2 ? String((tokens as Record<string, string | number>)[p]) : p && text(p))).join('');
}

/**
 * A number (an amount, a quantity) as the language writes it (Intl.NumberFormat: `12,5` in Italian), every digit
 * kept and without grouping, so English reads as the texts always had it (`String(n)`).
 */
export function formatNumber(language: Language, n: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 20, useGrouping: false }).format(n);
}
