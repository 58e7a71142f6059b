/**
 * An agent's edit or deletion of their message in a bridged thread (issue 11, point 8). The WhatsApp Cloud API has no
 * call to edit or delete a message a business sent, so:
 * - before the send went out, the stored text is what the `whatsapp.send` handler sends (it reads the record, not the
 *   job), so an edit is sent as edited and a deletion is not sent at all;
 * - after it, the thread gets a short notice saying what the customer still has.
 * The send records the text WhatsApp accepted (`sentText`) before its wamid, and re-reads the record after sending:
 * whichever of the two (this stage, the send) sees the change second tells the thread, under one dedupe key, so an edit
 * racing the send is reported once and never missed (outbox/handlers/whatsapp-send.ts).
 * Messages in several parts (long texts, files) are not rewritten: the edit is reported as not sent.
 */
import type { AgentChange } from '../../domain/chat';
import type { MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Accounts } from '../accounts';
import { decideReply, replyRuleOf } from '../internal-notes';
import { WHATSAPP_TEXT_MAX } from '../message-parts';
import { agentChangeNoticeJob } from '../routing';
import type { Handled } from './agent-reply';

export type AgentChangeResult = 'not_ours' | 'unchanged' | 'applied' | 'noticed';

const quote = (text: string): string =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/** What the thread is told when a change came too late; `sent` is the text WhatsApp accepted. */
export function changeNotice(kind: 'edit' | 'delete', sent: string, lang: Language = DEFAULT_LANGUAGE): string {
  return t(lang, kind === 'edit' ? 'edits.editedHere' : 'edits.deletedHere', { quote: quote(sent) });
}

/** Whether the send of `m` went out (or was at least handed to Meta), and with which text. */
export function sentTextOf(m: MessageRecord): string | undefined {
  if (m.sentText !== undefined) return m.sentText;
  // A message sent before `sentText` was recorded: its wamid says it went out; its stored text is what was sent.
  return m.wamid ? (m.text ?? '') : undefined;
}

export class AgentChanges {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(change: AgentChange): Promise<Handled<AgentChangeResult>> {
    const jobs: NewJob[] = [];
    const done = (result: AgentChangeResult) => ({ result, jobs });
    const id = `${change.platform}:${change.channelId}:${change.messageId}`;
    const before = await this.store.getMessage(id);
    // Only an agent's message that was meant for the customer: internal notes, customers' posts and unknown ones are not.
    if (!before || before.direction !== 'outbound' || before.partOf) return done('not_ours');
    if (before.state === 'failed' && !before.wamid) return done('unchanged'); // never went out: nothing to tell
    const kind = change.text === undefined ? 'delete' : 'edit';
    let text: string | undefined;
    const conversation = await this.store.getConversation(before.conversationId);
    const lang = this.accounts.language(conversation?.accountId);
    if (kind === 'edit') {
      const rule = replyRuleOf(conversation ? this.accounts.get(conversation.accountId) : undefined);
      const decision = decideReply({ text: change.text!, leadingMention: change.leadingMention }, rule);
      text = decision.send ? decision.text.trim() : undefined;
      // Slack reports link unfurls and other updates as edits too: the same text is no edit.
      if (text === before.text) return done('unchanged');
    }
    const multipart = Boolean(before.parts?.length || before.file);
    const settable = kind === 'delete' || (text !== undefined && text.length > 0 && text.length <= WHATSAPP_TEXT_MAX && !multipart);
    if (settable) await this.store.updateMessage(id, kind === 'delete' ? { deletedAt: this.now() } : { text, editedAt: this.now() });
    const after = (await this.store.getMessage(id)) ?? before;
    const sent = sentTextOf(after);
    if (sent === undefined && settable) return done('applied'); // the send will use the new text, or skip a deleted message
    const shown = sent ?? before.text ?? '';
    const body =
      sent === undefined ? t(lang, multipart ? 'edits.notSentParts' : 'edits.notSentReply', { quote: quote(shown) }) : changeNotice(kind, shown, lang);
    jobs.push(
      agentChangeNoticeJob(change.platform, after.conversationId, { channelId: change.channelId, messageId: change.messageId, kind, text: text ?? '' }, body),
    );
    this.log.info({ messageId: id, kind }, 'an agent changed a message WhatsApp already has: the thread is told');
    return done('noticed');
  }
}
