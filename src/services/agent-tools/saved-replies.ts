/**
 * Saved replies (issue 11, point 6): a number's team keeps canned answers in the store (`/wa replies add|list|remove`),
 * and an agent picks one in a customer's thread (Slack: a message shortcut's form; Discord: `/wa reply` with the names
 * autocompleted; either: `/wa reply <name> <phone>`). The picked reply is posted in the thread under the agent's name,
 * then handed to the same stage as a typed reply (inbound/agent-reply.ts: window rule, outbox, statuses on that post).
 */
import type { ChatAdapter, ChatPlatform, SavedReplyForms } from '../../domain/chat';
import type { NewJob } from '../../domain/records';
import { savedReplyId, type SavedReplyRecord, type Store } from '../../domain/store';
import type { Logger } from '../../logger';
import type { AgentReplies } from '../inbound/agent-reply';
import { fillPlaceholders, placeholderList, unknownPlaceholders } from './placeholders';
import type { AgentPlaces, Place } from './where';

/** Names as agents type them in a command: one word. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** What a saved reply may be: one WhatsApp text (Meta's limit is 4,096 characters; placeholders add a little). */
export const SAVED_REPLY_MAX = 3500;

export interface Author {
  platform: ChatPlatform;
  userId: string;
  userName?: string;
}

export class SavedReplies {
  constructor(
    private readonly store: Store,
    private readonly places: AgentPlaces,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly replies: Pick<AgentReplies, 'handle'>,
    private readonly enqueue: (jobs: NewJob[]) => Promise<void>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(place: Place, author: Author, rawName: string, text: string): Promise<string> {
    const account = this.places.account(place);
    if (!account.ok) return account.text;
    const t = this.places.texts(place);
    const name = rawName.toLowerCase();
    if (!NAME.test(name)) return t('replies.badName', { name: rawName });
    if (!text.trim()) return t('replies.addUsage');
    if (text.length > SAVED_REPLY_MAX) return t('replies.tooLong', { length: text.length, max: SAVED_REPLY_MAX });
    const unknown = unknownPlaceholders(text);
    if (unknown.length) {
      return t('replies.unknownPlaceholder', { count: unknown.length, unknown: unknown.map((u) => `\`{${u}}\``).join(', '), list: placeholderList() });
    }
    const scope = account.value.phoneNumberId;
    const record: SavedReplyRecord = {
      _id: savedReplyId(scope, name),
      scope,
      name,
      text,
      savedBy: { platform: author.platform, userId: author.userId, name: author.userName },
      savedAt: this.now(),
    };
    const outcome = await this.store.saveReply(record);
    // How to send it depends on the platform: Slack also has a message shortcut for it.
    const how = t(`replies.how.${place.platform}`, { name });
    return t(outcome === 'created' ? 'replies.added' : 'replies.replaced', { name, account: account.value.name, how });
  }

  async list(place: Place): Promise<string> {
    const account = this.places.account(place);
    if (!account.ok) return account.text;
    const t = this.places.texts(place);
    const all = await this.store.listReplies(account.value.phoneNumberId);
    if (!all.length) return t('replies.none', { account: account.value.name, list: placeholderList() });
    const lines = all.map((r) => `• \`${r.name}\` — ${r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text}`);
    return [t('replies.listHead', { account: account.value.name }), ...lines].join('\n');
  }

  async remove(place: Place, rawName: string): Promise<string> {
    const account = this.places.account(place);
    if (!account.ok) return account.text;
    const name = rawName.toLowerCase();
    const removed = await this.store.deleteReply(savedReplyId(account.value.phoneNumberId, name));
    const t = this.places.texts(place);
    return removed ? t('replies.removed', { name }) : t('replies.noSuch', { account: account.value.name, name });
  }

  /** For a picker: this channel's replies, by name prefix. */
  async choices(place: Place, prefix = ''): Promise<{ name: string; text: string }[]> {
    const account = this.places.account(place);
    if (!account.ok) return [];
    const p = prefix.toLowerCase();
    return (await this.store.listReplies(account.value.phoneNumberId)).filter((r) => r.name.startsWith(p)).map((r) => ({ name: r.name, text: r.text }));
  }

  /** Sends a saved reply into the conversation of the thread it was picked in (or of `phone`). */
  async send(place: Place, author: Author, rawName: string, phone?: string): Promise<{ ok: boolean; text: string }> {
    const name = rawName.toLowerCase();
    const t = this.places.texts(place);
    const found = await this.places.conversation(place, phone);
    if (!found.ok) return { ok: false, text: found.text };
    const conversation = found.value;
    const reply = await this.store.getReply(savedReplyId(conversation.accountId, name));
    if (!reply) return { ok: false, text: t('replies.noSuchHere', { name }) };
    const link = await this.store.findThreadLink(conversation._id, place.platform);
    const chat = this.chats[place.platform];
    if (!link || !chat) return { ok: false, text: t('replies.noThread') };
    const account = this.places.account({ platform: place.platform, channelId: link.channelId });
    const text = fillPlaceholders(reply.text, {
      customer: conversation.customer,
      agentName: author.userName,
      accountName: account.ok ? account.value.name : conversation.accountId,
    });
    const thread = { platform: place.platform, channelId: link.channelId, threadId: link.threadId };
    // Posted first, as the agent's: that post is the reply's chat message (statuses are shown on it, a failure explained
    // under it), as a typed reply's own message is. Its echo is the bot's own post, which the adapters drop.
    const posted = await chat.postInThread(thread, {
      author: { name: author.userName ?? author.userId, role: 'agent', detail: t('replies.detail', { name }) },
      body: text,
    });
    const { result, jobs } = await this.replies.handle({
      platform: place.platform,
      channelId: link.channelId,
      threadId: link.threadId,
      messageId: posted.messageId,
      author: { id: author.userId, name: author.userName },
      text,
      sentAt: this.now(),
      picked: true,
    });
    await this.enqueue(jobs);
    this.log.info({ conversationId: conversation._id, reply: name, result }, 'saved reply picked');
    return { ok: result === 'queued', text: t('replies.result', { mark: result === 'queued' ? '✅' : '⚠️', name, result: t(`replies.${result}`) }) };
  }

  /** The forms a platform's picker uses (ChatInbound). */
  forms(): SavedReplyForms {
    return {
      savedReplies: (q) => this.choices({ platform: q.platform, channelId: q.channelId }, q.prefix),
      sendSavedReply: (r) =>
        this.send(
          { platform: r.platform, channelId: r.channelId, threadId: r.threadId },
          { platform: r.platform, userId: r.userId, userName: r.userName },
          r.name,
        ),
    };
  }
}
