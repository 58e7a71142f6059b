/** `/wa add @person`: adds a participant, pinged for the customer's messages as participants are (issue 11 point 3). */
import { personOf, run, targetOf, type LifecycleCommandDeps } from './target';

export function registerAdd(d: LifecycleCommandDeps): void {
  d.commands.register('add', 'add [+number] @person', 'add someone to the conversation of this thread (they are pinged as participants)', async (args, req) => {
    const t = await targetOf(d, req, args);
    if ('error' in t) return { text: t.error };
    const who = personOf(t.rest[0]);
    if (!who) return { text: d.accounts.texts(t.conversation.accountId)('lifecycle.addWho') };
    return run(d, d.lifecycle.add(t.conversation, { platform: req.platform, ...who }));
  });
}
