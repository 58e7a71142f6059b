/** `/wa claim`: the person who types it owns the conversation (issue 11 point 3). */
import { caller, run, targetOf, type LifecycleCommandDeps } from './target';

export function registerClaim(d: LifecycleCommandDeps): void {
  d.commands.register('claim', 'claim [+number]', 'take the conversation of this thread: you are pinged for its customer’s messages', async (args, req) => {
    const t = await targetOf(d, req, args);
    if ('error' in t) return { text: t.error };
    return run(d, d.lifecycle.own(t.conversation, caller(req), caller(req)));
  });
}
