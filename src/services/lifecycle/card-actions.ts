/**
 * A click on a conversation card's button (issue 11 point 2): the same lifecycle change, answer and card update as
 * the `/wa` subcommand of the same name (commands/*.ts), run as the person who clicked; "send a template" answers
 * with the template form to open for this customer (their number filled in, their name suggested).
 * The button names the conversation; the click must come from the channel of that conversation's number on the
 * platform it was made on, so a button copied elsewhere (or a forged value) changes nothing.
 */
import type { CardActionRequest, CardActionResult } from '../../domain/chat/inbound';
import type { ConversationRecord } from '../../domain/records';
import type { TemplateField } from '../../domain/templates';
import type { AccountConfig } from '../../config';
import { translator } from '../../i18n';
import { customerLabel } from '../render';
import type { TemplateSender } from '../templates/sender';
import { suggestCustomerName } from '../templates/variables/customer-name';
import { run, type LifecycleCommandDeps } from './commands/target';

export interface CardActionDeps extends LifecycleCommandDeps {
  templates: TemplateSender;
}

export class CardActionService {
  constructor(private readonly d: CardActionDeps) {}

  async cardAction(req: CardActionRequest): Promise<CardActionResult> {
    const found = await this.conversation(req);
    if ('text' in found) return found;
    const { conversation: c, account } = found;
    const by = { platform: req.platform, userId: req.userId, ...(req.userName ? { name: req.userName } : {}) };
    const people = (req.people ?? []).map((p) => ({ platform: req.platform, ...p }));
    const tr = this.d.accounts.texts(account);
    switch (req.action) {
      case 'template':
        return this.templateForm(req, c, account);
      case 'claim':
        return run(this.d, this.d.lifecycle.own(c, by, by));
      case 'assign':
        return people[0] ? run(this.d, this.d.lifecycle.own(c, people[0], by)) : { text: tr('cardActions.pickSomeone') };
      case 'add': {
        if (!people.length) return { text: tr('cardActions.pickSomeone') };
        const lines: string[] = [];
        // One at a time, each on the conversation as the previous left it (lifecycle.add skips a participant already there).
        for (const who of people) {
          const now = (await this.d.store.getConversation(c._id)) ?? c;
          lines.push((await run(this.d, this.d.lifecycle.add(now, who))).text);
        }
        return { text: lines.join('\n') };
      }
      case 'close':
        return run(this.d, this.d.lifecycle.close(c, by));
      case 'reopen':
        return run(this.d, this.d.lifecycle.reopen(c));
    }
  }

  /** The template's fields; opened from a card (`conversationId`), the customer's name suggested where a variable reads as it. */
  async templateFields(q: { platform: CardActionRequest['platform']; channelId: string; template: string; conversationId?: string }) {
    const fields = await this.d.templates.fields(q.platform, q.channelId, q.template);
    if (!q.conversationId || !('fields' in fields)) return fields;
    const c = await this.d.store.getConversation(q.conversationId);
    return { fields: suggestCustomerName(fields.fields, c?.customer.name) as TemplateField[] };
  }

  private async conversation(req: CardActionRequest): Promise<{ conversation: ConversationRecord; account: AccountConfig } | { text: string }> {
    const conversation = await this.d.store.getConversation(req.conversationId);
    const account = conversation && this.d.accounts.get(conversation.accountId);
    // Refused in the language of the channel clicked in (the conversation's account may be unknown or another one).
    const tr = translator(this.d.accounts.channelLanguage(req.platform, req.channelId));
    if (!conversation || !account) return { text: tr('cardActions.unknownConversation') };
    if (account[req.platform]?.channelId !== req.channelId) return { text: tr('cardActions.wrongChannel') };
    return { conversation, account };
  }

  /** The form for this customer, unless the clicker may send no template at all from this number (the form would only refuse). */
  private async templateForm(req: CardActionRequest, c: ConversationRecord, account: AccountConfig): Promise<CardActionResult> {
    const perTemplate = Object.values(account.templateSendersByTemplate ?? {}).some((list) => list.includes(req.userId));
    if (!perTemplate && !(await this.d.templates.mayUse(account, '', req.platform, req.userId))) return { text: this.d.templates.refusal(account, '') };
    const phone = c.customer.waId ? `+${c.customer.waId}` : '';
    const language = this.d.accounts.language(account);
    if (!phone) return { text: translator(language)('cardActions.unknownConversation') };
    return { form: { channelId: req.channelId, conversationId: c._id, phone, customer: customerLabel(c.customer), language } };
  }
}
