/**
 * A customer's reaction, edit or deletion shown on the post it concerns when it can be (nothing new is posted then),
 * otherwise as a line naming what the customer did, with a quote of the message when it is known.
 */
import { hasEdits, hasReactions, type ChatAdapter, type ChatPost, type Edits } from '../../../../domain/chat';
import { isStatusMark } from '../../../../domain/chat/status-marks';
import type { MessageContent } from '../../../../domain/content';
import type { MessageRecord } from '../../../../domain/records';
import type { Store } from '../../../../domain/store';
import { DEFAULT_LANGUAGE, t, type Language } from '../../../../i18n';
import { chatParts } from '../../../message-parts';
import { mediaPostBody, renderContent, snippet, struck } from '../../../render';
import { locate, threadOf } from './threads';

export type CustomerChange = Extract<MessageContent, { kind: 'reaction' | 'edit' | 'revoke' }>;

export const isCustomerChange = (c: MessageContent | undefined): c is CustomerChange => c?.kind === 'reaction' || c?.kind === 'edit' || c?.kind === 'revoke';

/** The text a message stands for in a quote: its content, or an agent's text. */
function textOf(m: MessageRecord, lang: Language): string {
  if (m.content) return renderContent(m.content, lang);
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
function bodyOf(c: MessageContent, lang: Language): string {
  return c.kind === 'media' && c.mediaId ? mediaPostBody('', c, lang) : renderContent(c, lang);
}

/** `'done'` when the change was shown on the post it concerns, otherwise the post to make instead. */
export async function showCustomerChange(
  store: Store,
  chat: ChatAdapter,
  c: CustomerChange,
  post: ChatPost,
  lang: Language = DEFAULT_LANGUAGE,
): Promise<'done' | ChatPost> {
  const target = await store.findMessageByWamid(c.targetWamid);
  const where = target && locate(target, chat.platform);
  const quote = target ? snippet(textOf(target, lang)) : undefined;
  const about = quote ? t(lang, 'changes.about', { quote }) : t(lang, 'changes.aMessage');

  if (c.kind === 'reaction') {
    const previous = target?.customerReaction?.[chat.platform] || undefined;
    if (target && where && hasReactions(chat)) {
      const thread = threadOf(where);
      // The same emoji may also be a status mark (👀 = read): taking the customer's off must leave the status on.
      if (previous && previous !== c.emoji && !isStatusMark(previous)) await chat.react(thread, where.messageId, previous, false);
      // A removal is shown by taking the reaction off; one that was never shown on the post becomes a line.
      const shown = c.emoji ? await chat.react(thread, where.messageId, c.emoji, true) : Boolean(previous);
      // A dotted $set: the Slack and Discord jobs run in parallel and each owns its key.
      await store.updateMessage(target._id, { [`customerReaction.${chat.platform}`]: shown && c.emoji ? c.emoji : '' } as Partial<MessageRecord>);
      if (shown) return 'done';
    }
    const body = c.emoji
      ? t(lang, 'changes.reacted', { emoji: c.emoji, about })
      : previous
        ? t(lang, 'changes.removedThe', { emoji: previous, about })
        : t(lang, 'changes.removedA', { about });
    return { ...post, body };
  }

  const editable = target?.direction === 'inbound' && target.content && where && hasEdits(chat);
  if (c.kind === 'edit') {
    const updated = target?.content && c.newText !== undefined ? withNewText(target.content, c.newText) : undefined;
    if (editable && updated) {
      const edited = await editEveryPart(
        chat,
        target,
        { ...post, body: `${bodyOf(updated, lang)}\n${t(lang, 'changes.editedByCustomer')}` },
        hasFile(updated),
        t(lang, 'changes.editedShorter'),
      );
      // Later quotes of this message show what it says now.
      await store.updateMessage(target._id, { content: updated });
      if (edited === true) return 'done';
      if (edited) return { ...post, body: t(lang, 'changes.editedContinued', { rest: edited.rest }) };
    }
    return { ...post, body: c.newText !== undefined ? t(lang, 'changes.editedSays', { about, text: c.newText }) : t(lang, 'changes.edited', { about }) };
  }

  if (editable) {
    const content = target.content!;
    const edited = await editEveryPart(
      chat,
      target,
      { ...post, body: `${struck(bodyOf(content, lang))}\n${t(lang, 'changes.deletedByCustomer')}` },
      hasFile(content),
      t(lang, 'changes.deletedByCustomer'),
    );
    if (edited === true) return 'done';
    if (edited) return { ...post, body: t(lang, 'changes.deletedContinued', { rest: edited.rest }) };
  }
  return { ...post, body: t(lang, 'changes.deleted', { about }) };
}

/**
 * Rewrites every post a customer's message became (a long text is several: message-parts.ts), split again the
 * same way. A post left over when the new text needs fewer says so (`emptied`); text that needs more posts than
 * there are is returned (`rest`) to be posted after them. False when a post cannot be edited.
 */
async function editEveryPart(
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
