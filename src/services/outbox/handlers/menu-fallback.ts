/**
 * `automation.menu_fallback`: a first-contact menu's timer (a delayed job, durable like every job: it survives a
 * restart). When it runs, the conversation is read again: a route chosen meanwhile, the account's automatic messages
 * switched off, or an agent who answered in the thread leaves it as it is; otherwise the menu's default route applies
 * (services/automation/menu.ts). It runs once: its key is the menu message's.
 */
import { Menus } from '../../automation/menu';
import type { HandlerContext, JobHandler } from './support/context';

export function menuFallbackHandler(ctx: HandlerContext): JobHandler<'automation.menu_fallback'> {
  const menus = new Menus(ctx.store, ctx.accounts, ctx.countAutomatic);
  return {
    run: async (p) => {
      const account = ctx.accounts.get(p.accountId);
      const conversation = await ctx.store.getConversation(p.conversationId);
      if (!account || !conversation) return;
      // An agent has the conversation in its thread: moving it away now would take it from them.
      if (conversation.lastAgentReplyAt) return;
      await ctx.enqueue(await menus.fallback(account, conversation, ctx.now()));
    },
  };
}
