/**
 * Every text the bridge writes for agents in Slack and Discord, in English: the catalogue's reference (its keys are
 * the keys every other language must have, ./shape.ts). i18next syntax: `{{name}}` is a variable, a key ending in
 * `_one` / `_other` is a plural chosen by `count` (i18next "Plurals", Intl.PluralRules categories). WhatsApp markup
 * (`*bold*`, `_italic_`, `` `code` ``) is converted by each platform's adapter. Texts for customers (what goes to
 * WhatsApp) and log lines are not here: they are not written for agents.
 */
import { card } from './card';
import { notices } from './notices';
import { commands } from './commands';
import { actions } from './actions';
import { interactive } from './interactive';
import { errors } from './errors';
import { delivery } from './delivery';
import { templates } from './templates';
import { media } from './media';
import { account } from './account';
import { doctor } from './doctor';

export const en = {
  ...card,
  ...notices,
  ...commands,
  ...actions,
  ...interactive,
  ...errors,
  ...delivery,
  ...templates,
  ...media,
  ...account,
  ...doctor,
} as const;
