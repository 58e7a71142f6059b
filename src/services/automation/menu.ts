/**
 * The first-contact menu (issue 13 point 5): its message (reply buttons or a list, sent as an automatic message by
 * `whatsapp.send_auto`), its fallback timer, and the choice that routes the conversation.
 *
 * A route is written on the conversation (`route`, one `_id` update): the conversation keeps its `_id`
 * (`<phoneNumberId>:<customer>`), its number (sends always go from the number the customer wrote to) and every dedupe
 * key; only where its threads live changes (Accounts.chatAccountOf). The `chat.route` job of each platform then
 * moves the thread or says the choice there (outbox/handlers/chat-route.ts).
 * - A tap is the customer's `interactive` reply whose `context.id` is the menu's wamid, matched by the option id.
 * - The first route wins (a tap or the fallback): later taps are shown as messages and change nothing.
 */
import type { AutomaticAnswer } from '../../domain/automatic';
import type { ConversationRoute } from '../../domain/menu';
import type { ConversationRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { InboundCustomerMessage } from '../../domain/whatsapp';
import type { AccountConfig } from '../../config';
import type { Accounts } from '../accounts';
import { chatCardJobs, chatRouteJobs, menuFallbackJob } from '../routing';
import type { CountAutomatic } from './metrics';
import { menuOptions, routeAccount, type MenuConfig, type MenuRouteConfig } from './menu-schema';

const MINUTE_MS = 60_000;

/** The menu as an automatic message's answer (buttons or a list; the route of each option stays in the configuration). */
export function menuAnswer(menu: MenuConfig): AutomaticAnswer {
  const frame = { body: menu.body, ...(menu.header ? { header: menu.header } : {}), ...(menu.footer ? { footer: menu.footer } : {}) };
  if (menu.buttons) return { buttons: { ...frame, buttons: menu.buttons.map(({ id, title }) => ({ id, title })) } };
  const list = menu.list!;
  return {
    list: {
      ...frame,
      button: list.button,
      sections: list.sections.map((s) => ({
        ...(s.title ? { title: s.title } : {}),
        rows: s.rows.map(({ id, title, description }) => ({ id, title, ...(description ? { description } : {}) })),
      })),
    },
  };
}

export class Menus {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly count?: CountAutomatic,
  ) {}

  /** The durable timer of a menu just decided (its own lane: it must not hold the conversation's deliveries). */
  fallbackJob(account: AccountConfig, conversationId: string, menuMessageId: string, customerWroteAt: Date): NewJob {
    const due = new Date(customerWroteAt.getTime() + account.menu!.fallback.afterMinutes * MINUTE_MS);
    return menuFallbackJob({ conversationId, accountId: account.phoneNumberId, menuMessageId }, due);
  }

  /**
   * The customer's tap on our menu routes the conversation; undefined when `m` is not a tap on this conversation's
   * menu (any other message goes on as usual), [] when it is one but the conversation was routed already.
   */
  async tapped(account: AccountConfig, m: InboundCustomerMessage, conversation: ConversationRecord): Promise<NewJob[] | undefined> {
    const chosen = m.content.kind === 'interactive_reply' ? m.content.id : undefined;
    if (!account.menu || !chosen || !m.replyToWamid) return undefined;
    const menu = await this.store.findMessageByWamid(m.replyToWamid);
    if (menu?.automatic?.kind !== 'menu' || menu.conversationId !== conversation._id) return undefined;
    const option = menuOptions(account.menu).find((o) => o.id === chosen);
    if (!option || conversation.route) return [];
    this.count?.('menu', 'routed');
    return this.route(conversation, this.resolve(option.route, option.title, 'tap', m.sentAt));
  }

  /** The menu's timer ran: its default route, unless something was chosen (read now) or the menu is off. */
  async fallback(account: AccountConfig, conversation: ConversationRecord, at: Date): Promise<NewJob[]> {
    const menu = account.menu;
    if (!menu || conversation.route || account.autoReplies?.enabled === false) return [];
    this.count?.('menu', 'fallback');
    return this.route(
      conversation,
      this.resolve(menu.fallback.route, this.accounts.texts(account)('menu.noAnswer', { minutes: menu.fallback.afterMinutes }), 'fallback', at),
    );
  }

  private resolve(route: MenuRouteConfig | undefined, choice: string, by: ConversationRoute['by'], at: Date): ConversationRoute {
    if (route && 'label' in route) return { choice, label: route.label, by, at };
    // Checked at start-up (menu-schema.ts checkMenuRoutes): the account exists.
    const target = route && routeAccount(this.accounts.all, route.account);
    return { choice, ...(target ? { accountId: target.phoneNumberId } : {}), by, at };
  }

  private async route(conversation: ConversationRecord, route: ConversationRoute): Promise<NewJob[]> {
    await this.store.updateLifecycle(conversation._id, { route });
    const own = this.accounts.get(conversation.accountId);
    const platforms = own ? this.accounts.platformsOf(own) : [];
    const change = `route:${route.at.getTime()}`;
    return [...chatRouteJobs(platforms, conversation._id, change), ...(route.label ? chatCardJobs(platforms, conversation._id, change) : [])];
  }
}
