/**
 * `whatsapp.send`: one text (or text part) of an agent's reply sent to the customer; its wamid recorded (inbound/status.ts).
 * The text is read from the message record, not the job, so an agent's edit made before the send went out is sent as
 * edited and a message deleted in the thread by then is not sent (inbound/agent-edit.ts). After the send, a change
 * that landed while it was in flight is told in the thread (the edit stage may have seen the message still unsent).
 */
import { changeNotice } from '../../inbound/agent-edit';
import { agentChangeNoticeJob } from '../../routing';
import type { HandlerContext, JobHandler } from './support/context';
import { sendFailed } from './support/send-failed';

export function whatsappSendHandler(ctx: HandlerContext): JobHandler<'whatsapp.send'> {
  return {
    run: async (p) => {
      const message = await ctx.store.getMessage(p.messageId);
      if (!message || message.wamid) return; // already sent before a crash
      if (message.deletedAt) {
        ctx.log.info({ messageId: p.messageId }, 'not sent: the agent deleted the message before it went out');
        return;
      }
      // A part of a longer message keeps the text it was cut to; a whole message is sent as it reads now.
      const text = message.partOf || message.parts?.length ? p.text : (message.text ?? p.text);
      const account = ctx.account(p.accountId);
      const wamid = await ctx.whatsapp.sendText(account, p.to, text, p.replyToWamid);
      // Recorded before the wamid: the edit stage reads a message with a wamid as sent, and needs the text that went.
      await ctx.store.updateMessage(p.messageId, { sentText: text });
      await ctx.enqueue(await ctx.inbound.statuses.accepted(p.messageId, wamid, ctx.now()));
      const now = await ctx.store.getMessage(p.messageId);
      const origin = now?.origin;
      if (!now || !origin) return;
      const kind = now.deletedAt ? 'delete' : now.text !== undefined && now.text !== text ? 'edit' : undefined;
      if (!kind) return;
      const about = { channelId: origin.channelId, messageId: origin.messageId, kind, text: kind === 'edit' ? now.text! : '' } as const;
      await ctx.enqueue([agentChangeNoticeJob(origin.platform, now.conversationId, about, changeNotice(kind, text, ctx.accounts.language(account)))]);
    },
    failed: (p, e) => sendFailed(ctx, p.messageId, e),
  };
}
