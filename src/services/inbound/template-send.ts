/**
 * A checked template send (`/wa template`, the Slack form, Discord's command, one recipient of a bulk send): the
 * outbound message persisted in the customer's conversation (opened if needed), and the jobs it implies
 * (routing.ts): the filled-in template in the customer's thread on every platform, and the send. A bulk's recipients
 * get no thread post (the bulk's progress message reports them). The caller enqueues the jobs.
 */
import { randomUUID } from 'node:crypto';
import type { AccountConfig } from '../../config';
import type { ChatPlatform } from '../../domain/chat';
import type { MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { TemplateRecord } from '../../domain/templates';
import type { Accounts } from '../accounts';
import { chatPostJobs, whatsappTemplateJob } from '../routing';
import type { Built } from '../templates/variables';

export interface TemplateSendOrder {
  account: AccountConfig;
  template: TemplateRecord;
  built: Built;
  /** The customer's number, digits only. */
  digits: string;
  sender: { platform: ChatPlatform; userId: string; name?: string };
  bulk?: { bulkId: string };
}

/** The jobs of a template send; undefined when this very send was queued before (only a bulk's may be queued again). */
export async function templateSend(store: Store, accounts: Accounts, order: TemplateSendOrder, now: Date): Promise<NewJob[] | undefined> {
  const { account, template, built, digits, sender, bulk } = order;
  const conversation = await store.conversationForOutbound(account.phoneNumberId, { waId: digits }, now);
  const id = bulk ? `bulk:${bulk.bulkId}:${digits}` : `template:${randomUUID()}`;
  const record: MessageRecord = {
    _id: id,
    conversationId: conversation._id,
    direction: 'outbound',
    createdAt: now,
    text: built.text,
    state: 'queued',
    stateAt: now,
    mirrors: [],
    template: { name: template.name, language: template.language },
    sentBy: { platform: sender.platform, userId: sender.userId, name: sender.name },
  };
  const inserted = await store.insertMessage(record);
  if (!inserted && !bulk) return undefined;
  const who = sender.name ?? sender.userId;
  const body = `📨 Template *${template.name}* (${template.language}), sent by ${who} with \`/wa template ${template.name}\`:\n${built.text}`;
  const posts = bulk
    ? []
    : chatPostJobs(accounts.platformsOf(account), conversation._id, id, { author: { name: who, role: 'agent', detail: 'template' }, body }, false);
  return [
    ...posts,
    whatsappTemplateJob({
      conversationId: conversation._id,
      messageId: id,
      accountId: account.phoneNumberId,
      to: { waId: digits },
      template: built.message,
      ...(bulk ? { bulk: { bulkId: bulk.bulkId, phone: digits } } : {}),
    }),
  ];
}
