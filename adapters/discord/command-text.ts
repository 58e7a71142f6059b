/**
 * The `/wa` command's descriptions in every language of the catalogue (src/i18n): English as `description`, the
 * others as `description_localizations` keyed by Discord's locale codes, so each agent's Discord client shows the
 * command in its own language (discord.com/developers/docs/interactions/application-commands#localization).
 * Registration is one definition for the whole guild, so it carries every language rather than an account's.
 */
import { Locale, type LocalizationMap } from 'discord.js';
import { t, type Language, type TextKey } from '../../src/i18n';

/** The catalogue's languages other than English, as Discord names their locales. */
export const DISCORD_LOCALES: Record<Exclude<Language, 'en'>, Locale> = { it: Locale.Italian, fr: Locale.French, vi: Locale.Vietnamese };

type DescriptionKey = Extract<TextKey, `delivery.discord.${string}` | 'commands.buttons' | 'commands.list'>;

/** Discord refuses a description longer than 100 characters (the whole registration fails): cut, never refused. */
const MAX = 100;

export function described(key: DescriptionKey): { description: string; description_localizations: LocalizationMap } {
  const localizations: LocalizationMap = {};
  for (const [lang, locale] of Object.entries(DISCORD_LOCALES) as [Exclude<Language, 'en'>, Locale][]) localizations[locale] = t(lang, key).slice(0, MAX);
  return { description: t('en', key).slice(0, MAX), description_localizations: localizations };
}
