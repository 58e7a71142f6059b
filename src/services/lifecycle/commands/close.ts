/** `/wa close [message]`: resolves the conversation, with an optional closing message to the customer (issue 11 point 3). */
import { caller, run, targetOf, type LifecycleCommandDeps } from './target';

export function registerClose(d: LifecycleCommandDeps): void {
  d.commands.register(
    'close',
    'close [+number] [message]',
    'close the conversation of this thread; the message, if any, goes to the customer while the 24-hour window is open',
    async (args, req) => {
      const t = await targetOf(d, req, args);
      if ('error' in t) return { text: t.error };
      return run(d, d.lifecycle.close(t.conversation, caller(req), t.rest.join(' ')));
    },
  );
}
