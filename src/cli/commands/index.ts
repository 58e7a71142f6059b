/** The admin commands, in the order `npm run admin -- --help` lists them. Adding a command: its file, and one line here. */
import type { AdminCommand } from '../command';
import { doctorCommand } from './doctor';
import { exportCommand } from './export';
import { replayCommand } from './replay';
import { requeueCommand } from './requeue';
import { templatesCommand } from './templates';

export const ADMIN_COMMANDS: readonly AdminCommand[] = [doctorCommand, requeueCommand, replayCommand, exportCommand, templatesCommand];
