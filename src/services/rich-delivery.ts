/**
 * The deliveries that carry more than text: customers' files posted as files in the thread, customers' reactions,
 * edits and deletions shown on the post they concern, agents' files sent to WhatsApp as media, and agents'
 * reactions sent as WhatsApp reactions. Files are streamed from one side to the other, never held whole.
 * Like every outbox handler, each step is safe to run twice.
 */
import { Readable } from 'node:stream';
import { hasEdits, hasFiles, hasReactions, type ChatAdapter, type ChatPost, type Edits, type ThreadRef } from '../domain/chat/adapter';
import { isStatusMark } from '../domain/chat/status-marks';
import type { ChatPlatform } from '../domain/platform';
import type { MessageContent } from '../domain/content';
import { DeliveryError, type FailureExplanation } from '../domain/errors';
import type { FileStream } from '../domain/media';
import type { WhatsAppMedia } from '../domain/ports/whatsapp';
import type { ChatLocation, JobPayloads, MessageRecord } from '../domain/records';
import type { Store } from '../domain/store';
import type { Logger } from '../logger';
import type { Accounts } from './accounts';
import { lane, type Ingest } from './ingest';
import { classifyForWhatsApp, formatBytes, inboundFileName, isAnimatedWebp, normalizeMime, STICKER_STATIC_MAX } from './media-rules';
import { chatParts } from './message-parts';
import { mediaPostBody, renderContent, snippet, struck } from './render';

const PLATFORM_NAME: Record<ChatPlatform, string> = { slack: 'Slack', discord: 'Discord' };

type Media = Extract<MessageContent, { kind: 'media' }>;

/** Where a message shows on a platform: the agent's own message, or the bridge's post of it. */
export function locate(m: MessageRecord, platform: ChatPlatform): ChatLocation | undefined {
  return m.origin?.platform === platform ? m.origin : m.mirrors.find((x) => x.platform === platform);
}

export const threadOf = (l: ChatLocation): ThreadRef => ({ platform: l.platform, channelId: l.channelId, threadId: l.threadId });

export function fileNotice(e: FailureExplanation): string {
  return `⚠️ *The file could not be shown here:* ${e.meaning} (code ${e.code}).\n*What to do:* ${e.action}`;
}

/** The text a message stands for in a quote: its content, or an agent's text. */
function textOf(m: MessageRecord): string {
  if (m.content) return renderContent(m.content);
  if (m.file) return `📎 ${m.file.name}${m.text ? ` ${m.text}` : ''}`;
  return m.text ?? '';
}

/** A customer's content with its text replaced (an edit): the text of a text, the caption of a file. */
function withNewText(c: MessageContent, text: string): MessageContent | undefined {
  if (c.kind === 'text') return { ...c, text };
  if (c.kind === 'media') return { ...c, caption: text };
  return undefined;
}

const hasFile = (c: MessageContent) => c.kind === 'media' && Boolean(c.mediaId);

/** The body a customer's message is shown with (a file's post shows its caption, the file is beside it). */
function bodyOf(c: MessageContent): string {
  return c.kind === 'media' && c.mediaId ? mediaPostBody('', c) : renderContent(c);
}

/**
 * Reads the first `n` bytes without losing them: the returned file streams everything from the start again.
 * Destroying it destroys the source.
 */
async function peekHead(file: FileStream, n: number): Promise<{ head: Buffer; file: FileStream }> {
  const it = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    seen.push(r.value);
    length += r.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      while (!done) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, n), file: { ...file, stream: Readable.from(replay(), { objectMode: false }) } };
}

export class RichDelivery {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly media: WhatsAppMedia,
    private readonly chat: (platform: ChatPlatform) => ChatAdapter,
    private readonly ingest: Ingest,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private account(accountId: string) {
    const account = this.accounts.get(accountId);
    if (!account)
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_account',
        meaning: `number ${accountId} is no longer configured`,
        action: 'add it back to the configuration',
      });
    return account;
  }

  // ------------------------------------------------------------------ customer → thread

  /**
   * A customer's reaction, edit or deletion shown on the post it concerns: `'done'` when it was, otherwise the post
   * to make instead (a line naming what the customer did, with a quote of the message when it is known).
   */
  async applyToEarlier(chat: ChatAdapter, message: MessageRecord, post: ChatPost): Promise<'done' | ChatPost> {
    const c = message.content;
    if (!c || (c.kind !== 'reaction' && c.kind !== 'edit' && c.kind !== 'revoke')) return post;
    const target = await this.store.findMessageByWamid(c.targetWamid);
    const where = target && locate(target, chat.platform);
    const quote = target ? snippet(textOf(target)) : undefined;
    const about = quote ? ` “${quote}”` : ' a message';

    if (c.kind === 'reaction') {
      const previous = target?.customerReaction?.[chat.platform] || undefined;
      if (target && where && hasReactions(chat)) {
        const thread = threadOf(where);
        // The same emoji may also be a status mark (👀 = read): taking the customer's off must leave the status on.
        if (previous && previous !== c.emoji && !isStatusMark(previous)) await chat.react(thread, where.messageId, previous, false);
        // A removal is shown by taking the reaction off; one that was never shown on the post becomes a line.
        const shown = c.emoji ? await chat.react(thread, where.messageId, c.emoji, true) : Boolean(previous);
        // A dotted $set: the Slack and Discord jobs run in parallel and each owns its key.
        await this.store.updateMessage(target._id, { [`customerReaction.${chat.platform}`]: shown && c.emoji ? c.emoji : '' } as Partial<MessageRecord>);
        if (shown) return 'done';
      }
      const body = c.emoji ? `Reacted ${c.emoji} to${about}` : `Removed ${previous ? `the reaction ${previous}` : 'a reaction'} from${about}`;
      return { ...post, body };
    }

    const editable = target?.direction === 'inbound' && target.content && where && hasEdits(chat);
    if (c.kind === 'edit') {
      const updated = target?.content && c.newText !== undefined ? withNewText(target.content, c.newText) : undefined;
      if (editable && updated) {
        const edited = await this.editEveryPart(
          chat,
          target,
          { ...post, body: `${bodyOf(updated)}\n_✏️ Edited by the customer_` },
          hasFile(updated),
          '_✏️ Edited by the customer: the message is shorter now_',
        );
        // Later quotes of this message show what it says now.
        await this.store.updateMessage(target._id, { content: updated });
        if (edited === true) return 'done';
        if (edited) return { ...post, body: `✏️ The customer’s edited message, continued:\n${edited.rest}` };
      }
      return { ...post, body: `✏️ Edited${about}${c.newText !== undefined ? `; it now says: ${c.newText}` : ''}` };
    }

    if (editable) {
      const content = target.content!;
      const edited = await this.editEveryPart(
        chat,
        target,
        { ...post, body: `${struck(bodyOf(content))}\n_🗑️ Deleted by the customer_` },
        hasFile(content),
        '_🗑️ Deleted by the customer_',
      );
      if (edited === true) return 'done';
      if (edited) return { ...post, body: `🗑️ The customer’s deleted message, continued:\n${edited.rest}` };
    }
    return { ...post, body: `🗑️ Deleted${about}` };
  }

  /**
   * Rewrites every post a customer's message became (a long text is several: message-parts.ts), split again the
   * same way. A post left over when the new text needs fewer says so (`emptied`); text that needs more posts than
   * there are is returned (`rest`) to be posted after them. False when a post cannot be edited.
   */
  private async editEveryPart(
    chat: ChatAdapter & Edits,
    target: MessageRecord,
    post: ChatPost,
    withFile: boolean,
    emptied: string,
  ): Promise<boolean | { rest: string }> {
    const posts = target.mirrors.filter((m) => m.platform === chat.platform);
    // A file's post is one post (its caption is short); it keeps the whole body, as before.
    const bodies = withFile ? [post.body] : chatParts(chat, post);
    for (const [i, where] of posts.entries()) {
      const body = bodies[i] ?? emptied;
      if (!(await chat.editPost(threadOf(where), where.messageId, { ...post, body }, { withFile: withFile && i === 0 }))) return false;
    }
    return bodies.length > posts.length ? { rest: bodies.slice(posts.length).join('\n') } : true;
  }

  /**
   * A customer's file: fetched from WhatsApp and streamed into the thread with its caption. A file the platform
   * cannot take, or WhatsApp no longer has, is posted as the message's text with a notice saying why.
   */
  async postMedia(chat: ChatAdapter, thread: ThreadRef, message: MessageRecord, post: ChatPost): Promise<{ messageId: string }> {
    const c = message.content as Media;
    if (!c.mediaId || !hasFiles(chat)) return chat.postInThread(thread, post);
    const withNotice = (notice: string) => chat.postInThread(thread, { ...post, body: `${post.body}\n${notice}` });
    const conversation = await this.store.getConversation(message.conversationId);
    const account = this.account(conversation?.accountId ?? message.conversationId.split(':')[0]!);

    let file: FileStream;
    try {
      file = await this.media.download(account, c.mediaId, { mimeType: c.mimeType, filename: c.filename });
    } catch (err) {
      if (err instanceof DeliveryError && err.kind === 'permanent') return withNotice(fileNotice(err.explanation)); // needs_person: parked, the file kept
      throw err;
    }
    file = { ...file, name: inboundFileName(c, file.mimeType || c.mimeType || '', message.createdAt) };
    const limit = chat.maxFileBytes;
    if (limit !== undefined && file.size !== undefined && file.size > limit) {
      file.stream.destroy();
      const name = PLATFORM_NAME[chat.platform];
      return withNotice(
        fileNotice({
          code: 'too_large',
          meaning: `the file is ${formatBytes(file.size)} and ${name} takes files up to ${formatBytes(limit)} from the bridge`,
          action: 'ask the customer for a smaller file, or to share it another way',
        }),
      );
    }
    try {
      return await chat.postFile(thread, { ...post, body: mediaPostBody(post.body, c) }, file);
    } catch (err) {
      file.stream.destroy();
      if (err instanceof DeliveryError && err.kind === 'permanent') return withNotice(fileNotice(err.explanation)); // needs_person: parked, the file kept
      throw err;
    }
  }

  // ------------------------------------------------------------------ thread → customer

  /** One file an agent shared: fetched from the chat platform, checked, streamed to Meta, sent as its WhatsApp kind. */
  async sendFile(p: JobPayloads['whatsapp.send_media']): Promise<void> {
    const message = await this.store.getMessage(p.messageId);
    if (!message || message.wamid) return; // sent before a crash
    const account = this.account(p.accountId);
    let mediaId = message.file?.mediaId;
    if (!mediaId) {
      const chat = this.chat(p.platform);
      if (!hasFiles(chat))
        throw DeliveryError.permanent(p.platform, {
          code: 'no_files',
          meaning: `the ${PLATFORM_NAME[p.platform]} side cannot fetch files`,
          action: 'report this to the bridge’s maintainers',
        });
      const file = await this.checkedForWhatsApp(await chat.openFile(p.file), p);
      mediaId = await this.media.upload(account, file);
      // A retry of the send (rate limit) reuses the upload: Meta keeps uploaded media 30 days.
      await this.store.updateMessage(p.messageId, {
        file: { name: p.file.name, mimeType: file.mimeType, size: file.size ?? p.file.size, kind: p.kind, mediaId },
      });
    }
    const wamid = await this.media.sendMedia(account, p.to, {
      kind: p.kind,
      mediaId,
      caption: p.caption,
      filename: p.kind === 'document' ? p.file.name : undefined,
    });
    await this.ingest.recordAccepted(p.messageId, wamid, this.now());
  }

  /**
   * The checks that need the file itself, still before any call to Meta: its real size (the platform may have
   * said less), and whether a WebP over 100 KB is animated (only animated stickers may be that large).
   */
  private async checkedForWhatsApp(opened: FileStream, p: JobPayloads['whatsapp.send_media']): Promise<FileStream> {
    let file: FileStream = { ...opened, name: p.file.name, mimeType: normalizeMime(p.file.mimeType, p.file.name) };
    // The download's Content-Length when there is one (the upload's length must be exact), else what the platform said.
    const size = file.size ?? p.file.size;
    const refuse = (reason: string): never => {
      file.stream.destroy();
      throw DeliveryError.permanent('whatsapp', {
        code: 'not_accepted',
        meaning: `“${p.file.name}” was not sent: ${reason}`,
        action: 'share a smaller or supported file, or a link to it',
      });
    };
    const c = classifyForWhatsApp({ name: p.file.name, mimeType: file.mimeType, size });
    if (!c.ok) refuse(c.reason);
    if (p.kind === 'sticker' && size > STICKER_STATIC_MAX) {
      const peeked = await peekHead(file, 32);
      file = peeked.file;
      if (!isAnimatedWebp(peeked.head))
        refuse(`it is a static sticker of ${formatBytes(size)}, and WhatsApp takes static stickers up to ${formatBytes(STICKER_STATIC_MAX)}`);
    }
    return file;
  }

  /** An agent's reaction (or its removal: empty emoji) on a customer's message. */
  async sendReaction(p: JobPayloads['whatsapp.react']): Promise<void> {
    await this.media.sendReaction(this.account(p.accountId), p.to, p.targetWamid, p.emoji);
  }

  /** A reaction WhatsApp refused: the agent is told in the thread. */
  async reactionFailed(p: JobPayloads['whatsapp.react'], e: FailureExplanation): Promise<void> {
    await this.store.enqueue([
      {
        kind: 'chat.notice',
        lane: lane(p.platform, p.conversationId),
        dedupeKey: `${p.platform}:reaction-failed:${p.targetWamid}:${p.emoji || 'removed'}:${this.now().getTime()}`,
        payload: {
          platform: p.platform,
          conversationId: p.conversationId,
          body: `⚠️ *The reaction ${p.emoji || '(removal)'} did not reach the customer:* ${e.meaning} (code ${e.code}).\n*What to do:* ${e.action}`,
        },
      },
    ]);
    this.log.info({ conversationId: p.conversationId, code: e.code }, 'agent reaction refused by WhatsApp');
  }
}
