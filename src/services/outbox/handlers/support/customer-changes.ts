/**
 * A customer's reaction, edit or deletion shown on the post it concerns when it can be (nothing new is posted then),
 * otherwise as a line naming what the customer did, with a quote of the message when it is known.
 */
import { hasEdits, hasReactions, type ChatAdapter, type ChatPost, type Edits } from '../../../../domain/chat';
import { isStatusMark } from '../../../../domain/chat/status-marks';
import type { MessageContent } from '../../../../domain/content';
import type { MessageRecord } from '../../../../domain/records';
import type { Store } from '../../../../domain/store';
import { chatParts } from '../../../message-parts';
import { mediaPostBody, renderContent, snippet, struck } from '../../../render';
import { locate, threadOf } from './threads';

export type CustomerChange = Extract<MessageContent, { kind: 'reaction' | 'edit' | 'revoke' }>;

export const isCustomerChange = (c: MessageContent | undefined): c is CustomerChange => c?.kind === 'reaction' || c?.kind === 'edit' || c?.kind === 'revoke';

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

/** `'done'` when the change was shown on the post it concerns, otherwise the post to make instead. */
export async function showCustomerChange(store: Store, chat: ChatAdapter, c: CustomerChange, post: ChatPost): Promise<'done' | ChatPost> {
  const target = await store.findMessageByWamid(c.targetWamid);
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
      await store.updateMessage(target._id, { [`customerReaction.${chat.platform}`]: shown && c.emoji ? c.emoji : '' } as Partial<MessageRecord>);
      if (shown) return 'done';
    }
    const body = c.emoji ? `Reacted ${c.emoji} to${about}` : `Removed ${previous ? `the reaction ${previous}` : 'a reaction'} from${about}`;
    return { ...post, body };
  }

  const editable = target?.direction === 'inbound' && target.content && where && hasEdits(chat);
  if (c.kind === 'edit') {
    const updated = target?.content && c.newText !== undefined ? withNewText(target.content, c.newText) : undefined;
    if (editable && updated) {
      const edited = await editEveryPart(
        chat,
        target,
        { ...post, body: `${bodyOf(updated)}\n_✏️ Edited by the customer_` },
        hasFile(updated),
        '_✏️ Edited by the customer: the message is shorter now_',
      );
      // Later quotes of this message show what it says now.
      await store.updateMessage(target._id, { content: updated });
      if (edited === true) return 'done';
      if (edited) return { ...post, body: `✏️ The customer’s edited message, continued:\n${edited.rest}` };
    }
    return { ...post, body: `✏️ Edited${about}${c.newText !== undefined ? `; it now says: ${c.newText}` : ''}` };
  }

  if (editable) {
    const content = target.content!;
    const edited = await editEveryPart(
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
