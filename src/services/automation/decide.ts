/**
 * Which automatic messages a customer's message implies (issue 13), decided when it is ingested
 * (services/inbound/customer-message.ts): a greeting for a new or reopened conversation, the away message outside
 * business hours (once per closed period), the first keyword rule its words match. Each is stored as an outbound
 * message under a natural `_id` (routing.ts `automaticMessageId`) before its send job is returned: a second message
 * in the same night, a redelivered webhook or a re-run finds it stored and adds nothing.
 *
 * Nothing is decided for a message already stored (a re-run), so a crash between storing the customer's message and
 * enqueueing its jobs costs the automatic replies of that one message rather than ever sending one twice.
 * Only customers' messages reach this stage: the bridge's own sends come back as statuses, never as messages.
 */
import type { AutomaticAnswer, AutomaticKind } from '../../domain/automatic';
import type { ConversationRecord, MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { InboundCustomerMessage } from '../../domain/whatsapp';
import type { Logger } from '../../logger';
import type { AccountConfig } from '../../config';
import { automaticMessageId, automaticSendJob } from '../routing';
import { hoursAt } from './hours';
import { firstMatch, textOf } from './match';
import { menuAnswer, type Menus } from './menu';

const DAY_MS = 24 * 3600 * 1000;

/** What the conversation looked like before this message: `null` when it did not exist, `undefined` when not known. */
export type Before = ConversationRecord | null | undefined;

/** Customer messages that are a turn of the conversation; reactions, edits and deletions are not. */
const TURNS = new Set(['text', 'media', 'location', 'contacts', 'interactive_reply', 'button', 'order', 'unsupported']);

function active(account: AccountConfig): boolean {
  if (account.autoReplies?.enabled === false) return false;
  return Boolean(account.greeting || account.menu || (account.awayMessage && account.businessHours) || account.autoReplies?.rules.length);
}

export class AutomaticReplies {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    /** The first-contact menu and its routes (menu.ts); none when absent. */
    private readonly menus?: Menus,
  ) {}

  /**
   * The conversation as it was before the customer's message is applied (one read by `_id`), for accounts with
   * automatic messages on. The key is the one a conversation gets from its customer (src/domain/store/conversations.ts).
   */
  async before(account: AccountConfig, m: InboundCustomerMessage): Promise<Before> {
    if (!active(account) || !TURNS.has(m.content.kind)) return undefined;
    return this.store.getConversation(`${m.accountId}:${m.customer.waId ?? m.customer.userId ?? ''}`);
  }

  async decide(account: AccountConfig, m: InboundCustomerMessage, before: Before, conversation: ConversationRecord): Promise<NewJob[]> {
    if (!active(account) || !TURNS.has(m.content.kind)) return [];
    // A conversation found under another key (a customer known by both ids) was not read before: nothing is known of
    // its past, so it is neither greeted nor treated as reopened.
    // A tap on the menu routes the conversation, whoever answered it since (the customer's explicit choice).
    const tap = await this.menus?.tapped(account, m, conversation);
    if (tap) return tap;
    const known = before !== undefined && (before === null || before._id === conversation._id);
    const previousInbound = known && before ? before.lastInboundAt : undefined;
    const isNew = known && !previousInbound;
    const silentDays = account.greetingAfterDays;
    const reopened = Boolean(previousInbound && silentDays && m.sentAt.getTime() - previousInbound.getTime() >= silentDays * DAY_MS);
    // An agent who replied has the conversation: automatic messages stop until it is reopened after the silence above.
    // (No "closed" state exists on this branch; once conversations can be closed, this is "replied since it was opened".)
    if (conversation.lastAgentReplyAt && !reopened) {
      this.log.debug({ conversationId: conversation._id }, 'automatic messages off: an agent has replied in this conversation');
      return [];
    }
    const wanted: { kind: AutomaticKind; id: string; answer: AutomaticAnswer; rule?: string }[] = [];
    if (account.greeting && (isNew || reopened)) {
      const opening = isNew ? 'first' : String(m.sentAt.getTime());
      wanted.push({ kind: 'greeting', id: automaticMessageId({ kind: 'greeting', conversationId: conversation._id, opening }), answer: account.greeting });
    }
    if (account.awayMessage && account.businessHours) {
      const state = hoursAt(account.businessHours, m.sentAt);
      if (!state.open)
        wanted.push({
          kind: 'away',
          id: automaticMessageId({ kind: 'away', conversationId: conversation._id, closedSince: state.closedSince }),
          answer: account.awayMessage,
        });
    }
    // The menu goes once, to a new conversation, after the greeting (they read in that order).
    if (account.menu && this.menus && isNew)
      wanted.push({ kind: 'menu', id: automaticMessageId({ kind: 'menu', conversationId: conversation._id }), answer: menuAnswer(account.menu) });
    const text = textOf(m.content);
    const rule = text ? firstMatch(account.autoReplies?.rules ?? [], text) : undefined;
    if (rule)
      wanted.push({ kind: 'keyword', id: automaticMessageId({ kind: 'keyword', wamid: m.wamid, rule: rule.name }), answer: rule.answer, rule: rule.name });

    const jobs: NewJob[] = [];
    for (const w of wanted) {
      const record: MessageRecord = {
        _id: w.id,
        conversationId: conversation._id,
        direction: 'outbound',
        createdAt: m.sentAt,
        text: w.answer.text ?? w.answer.media?.caption ?? w.answer.buttons?.body ?? w.answer.list?.body,
        state: 'queued',
        stateAt: m.sentAt,
        mirrors: [],
        automatic: { kind: w.kind, ...(w.rule ? { rule: w.rule } : {}) },
      };
      if (!(await this.store.insertMessage(record))) continue; // sent for this period, opening or message already
      if (w.kind === 'menu' && this.menus) jobs.push(this.menus.fallbackJob(account, conversation._id, w.id, m.sentAt));
      jobs.push(
        automaticSendJob({
          conversationId: conversation._id,
          messageId: w.id,
          accountId: account.phoneNumberId,
          to: conversation.customer,
          kind: w.kind,
          ...(w.rule ? { rule: w.rule } : {}),
          answer: w.answer,
        }),
      );
    }
    return jobs;
  }
}
