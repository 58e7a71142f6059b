/** The languages the bridge writes its texts for agents in (issue 11 point 9): one catalogue each, in ./catalogue. */
export const LANGUAGES = ['en', 'it', 'fr', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);
