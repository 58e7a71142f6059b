/** `/wa assign @person`: gives the conversation to someone (issue 11 point 3). */
import { caller, personOf, run, targetOf, type LifecycleCommandDeps } from './target';

export function registerAssign(d: LifecycleCommandDeps): void {
  d.commands.register('assign', 'assign [+number] @person', 'give the conversation of this thread to someone', async (args, req) => {
    const t = await targetOf(d, req, args);
    if ('error' in t) return { text: t.error };
    const who = personOf(t.rest[0]);
    if (!who) return { text: d.accounts.texts(t.conversation.accountId)('lifecycle.assignWho') };
    return run(d, d.lifecycle.own(t.conversation, { platform: req.platform, ...who }, caller(req)));
  });
}
