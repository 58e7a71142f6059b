/** `/wa reopen`: a closed conversation is open again (owned by its owner, if it had one) (issue 11 point 3). */
import { run, targetOf, type LifecycleCommandDeps } from './target';

export function registerReopen(d: LifecycleCommandDeps): void {
  d.commands.register('reopen', 'reopen [+number]', 'reopen the closed conversation of this thread', async (args, req) => {
    const t = await targetOf(d, req, args);
    if ('error' in t) return { text: t.error };
    return run(d, d.lifecycle.reopen(t.conversation));
  });
}
