/** The lifecycle's `/wa` subcommands, one file each, one line each here. */
import { registerAdd } from './add';
import { registerAssign } from './assign';
import { registerClaim } from './claim';
import { registerClose } from './close';
import { registerReopen } from './reopen';
import type { LifecycleCommandDeps } from './target';

export type { LifecycleCommandDeps } from './target';

export function registerLifecycleCommands(d: LifecycleCommandDeps): void {
  registerClaim(d);
  registerAssign(d);
  registerAdd(d);
  registerClose(d);
  registerReopen(d);
}
