/**
 * `chat.post`: a message posted into its conversation's thread (opened by the first post that needs it): a customer's
 * text (split where the platform needs it), file, or reaction/edit/deletion shown on the post it concerns; an agent's
 * message mirrored from the other platform; a template's text. A refusal is announced in the account's channel.
 */
import type { ChatPost } from '../../../domain/chat';
import type { ChatLocation, JobPayloads, MessageRecord } from '../../../domain/records';
import { chatParts } from '../../message-parts';
import { t } from '../../../i18n';
import { explanationIn, requeueHint } from '../../present/notices';
import { customerLabel } from '../../render';
import { channelNoticeJobs, chatStatusJob } from '../../routing';
import type { Explanation, HandlerContext, JobHandler } from './support/context';
import { postCustomerFile } from './support/customer-file';
import { isCustomerChange, showCustomerChange } from './support/customer-changes';
import { mentionsNow, threadFor } from './support/threads';

type Payload = JobPayloads['chat.post'];

export function chatPostHandler(ctx: HandlerContext): JobHandler<'chat.post'> {
  return { run: (p) => post(ctx, p), failed: (p, e) => announceLostPost(ctx, p, e) };
}

async function post(ctx: HandlerContext, p: Payload): Promise<void> {
  const message = await ctx.store.getMessage(p.messageId);
  const chat = ctx.chat(p.platform);
  // A text longer than the platform takes is several posts, each recorded as a mirror once posted; a run after a
  // crash resumes after the last one recorded (the split is made the same way every time: message-parts.ts).
  const posted = message?.mirrors.filter((m) => m.platform === p.platform) ?? [];
  if (posted.length) {
    await mirrorParts(ctx, message!, posted[0]!);
    const derived = message!.content && ['reaction', 'edit', 'revoke', 'media'].includes(message!.content.kind);
    if (derived || posted.length >= chatParts(chat, p.post).length) return; // posted before a crash: done.
  }
  const { thread, isNew } = await threadFor(ctx, p.conversationId, p.platform);
  // A reaction, edit or deletion is shown on the post it concerns when it can be (nothing new is posted then).
  const change = message?.content && isCustomerChange(message.content) && !posted.length ? message.content : undefined;
  const shown: ChatPost | 'done' = change
    ? await showCustomerChange(ctx.store, chat, change, p.post, ctx.accounts.language(p.conversationId.split(':')[0]))
    : p.post;
  if (shown === 'done') return;
  const mentions = isNew || !p.notify || posted.length ? [] : await mentionsNow(ctx, p.conversationId, p.platform);
  if (message?.content?.kind === 'media') {
    const { messageId } = await postCustomerFile(ctx, chat, thread, message, { ...shown, mentionUserIds: mentions });
    await ctx.store.addMirror(p.messageId, { ...thread, messageId });
  } else {
    for (const [i, body] of chatParts(chat, shown).entries()) {
      if (i < posted.length) continue;
      const { messageId } = await chat.postInThread(thread, { ...shown, body, mentionUserIds: i === 0 ? mentions : [] });
      // Each part is a mirror of the message: a reaction, an edit or a status finds it (the first part stands for it).
      await ctx.store.addMirror(p.messageId, { ...thread, messageId });
      if (i === 0 && message) await mirrorParts(ctx, message, { ...thread, messageId });
    }
  }
  if (message?.template) await afterTemplatePost(ctx, p, message);
}

/**
 * An agent's reply sent to WhatsApp in several parts, mirrored on another platform: each part records where the
 * mirror is, so its statuses are shown there too (combined on the one post). Not by `addMirror`: the post is the
 * first part's, and a reaction on it must keep finding that one.
 */
async function mirrorParts(ctx: HandlerContext, message: MessageRecord, where: ChatLocation): Promise<void> {
  for (const id of message.parts ?? []) {
    const part = await ctx.store.getMessage(id);
    if (part && !part.mirrors.some((m) => m.platform === where.platform)) await ctx.store.updateMessage(id, { mirrors: [...part.mirrors, where] });
  }
}

/**
 * A template's post in the customer's thread: its sender becomes a participant (pinged when the customer answers),
 * and a status that arrived before the post existed (the send runs in parallel) is shown on it now.
 */
async function afterTemplatePost(ctx: HandlerContext, p: Payload, message: MessageRecord): Promise<void> {
  const fresh = (await ctx.store.getMessage(p.messageId)) ?? message;
  if (fresh.sentBy?.platform === p.platform) {
    await ctx.store.recordAgentReply(p.conversationId, {
      platform: p.platform,
      userId: fresh.sentBy.userId,
      name: fresh.sentBy.name,
      lastReplyAt: ctx.now(),
    });
  }
  const state = fresh.state;
  if (state && state !== 'queued' && state !== 'accepted') {
    // The error of a `failed` webhook is kept with the wamid (linking again is a no-op that returns it).
    const error = fresh.wamid && !fresh.failure ? (await ctx.store.linkWamid(fresh.wamid, p.messageId)).error : undefined;
    await ctx.enqueue([chatStatusJob(p.conversationId, { platform: p.platform, messageId: p.messageId, status: state, error })]);
  }
}

/** A message that could not reach its thread is announced in the account's channel: nobody may miss it silently. */
async function announceLostPost(ctx: HandlerContext, p: Payload, e: Explanation): Promise<void> {
  const conversation = await ctx.store.getConversation(p.conversationId);
  const account = conversation && ctx.accounts.get(conversation.accountId);
  const channelId = account?.[p.platform]?.channelId;
  if (!conversation || !channelId) return;
  const lang = ctx.accounts.language(account);
  await ctx.enqueue(
    channelNoticeJobs(
      [{ platform: p.platform, channelId }],
      { why: 'lost-post', messageId: p.messageId },
      t(lang, 'notices.notPosted', {
        customer: customerLabel(conversation.customer),
        meaning: explanationIn(e, lang).meaning,
        code: e.code,
        action: explanationIn(e, lang).action,
        hint: requeueHint(lang),
        quote: p.post.body.split('\n').join('\n> '),
      }),
    ),
  );
}
