/**
 * `requeue --all | --conversation <id>`: re-runs failed and paused (parked) deliveries, printing what it requeued
 * (src/services/outbox/requeue.ts, shared with `/wa requeue`). The running bridge picks them up at its next poll;
 * they keep their place in their conversation's order.
 */
import { requeue } from '../../services/outbox/requeue';
import { EXIT, UsageError, type AdminCommand } from '../command';
import { parseOptions } from '../support/args';
import { withStore } from '../support/session';

const ID_EXAMPLE = '106540352242922:4915112345678';
const usage = (invokedAs: string) => `usage: ${invokedAs} --all | --conversation <conversation id, e.g. ${ID_EXAMPLE}>`;

export const requeueCommand: AdminCommand = {
  name: 'requeue',
  summary: 'send failed or paused deliveries again (one conversation, or all)',
  help: (invokedAs) =>
    [
      usage(invokedAs),
      '',
      'Failed deliveries (refusals the bridge does not retry) and paused ones (waiting for a person, e.g. the bot',
      'was removed from the channel) become due now; the running bridge sends them at its next poll.',
      '  --all                  every conversation',
      `  --conversation <id>    one conversation: <phone number id>:<customer wa_id>, as in the logs (${ID_EXAMPLE})`,
      'Without MONGODB_URI the embedded database in DATA_DIR is opened: stop the bridge first, or use /wa requeue in the chat.',
    ].join('\n'),
  async run(args, ctx) {
    const wrong = (why?: string) => new UsageError([why, usage(ctx.invokedAs ?? 'npm run admin -- requeue')].filter(Boolean).join('\n'));
    let values;
    try {
      values = parseOptions(args, { all: { type: 'boolean' }, conversation: { type: 'string' } }).values;
    } catch (err) {
      throw wrong((err as Error).message);
    }
    // Exactly one of the two: requeueing everything must be asked for, never the result of a forgotten id.
    if (Boolean(values.all) === (values.conversation !== undefined) || values.conversation === '') throw wrong();
    return withStore(ctx, async (store) => {
      ctx.io.out((await requeue(store, { conversationId: values.conversation }, 'en')).report);
      return EXIT.ok;
    });
  },
};
