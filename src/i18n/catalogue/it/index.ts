/** The agents' texts in Italian (keys and variables: ../en). Product terms (WhatsApp, template, commands) stay as they are. */
import type { Catalogue } from '../shape';

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

export const it: Catalogue = {
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
};
