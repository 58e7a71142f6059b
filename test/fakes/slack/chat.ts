/**
 * Messages in channels: chat.postMessage, chat.update, chat.postEphemeral, chat.getPermalink, reactions.add / reactions.remove
 * and conversations.info, with the response shapes and error codes of Slack's method reference.
 */
import type { SlackState } from './state';
import { TS_BASE_SECONDS, type ApiResult, type Args, type MethodHandler, type StoredMessage } from './types';
import { fail } from './wire';

export function chatMethods(s: SlackState): Record<string, MethodHandler> {
  return {
    'chat.postMessage': (a) => chatPostMessage(s, a),
    'chat.update': (a) => chatUpdate(s, a),
    'chat.postEphemeral': (a) => chatPostEphemeral(s, a),
    'reactions.add': (a) => reactionsAdd(s, a),
    'reactions.remove': (a) => reactionsRemove(s, a),
    'conversations.info': (a) => conversationsInfo(s, a),
    'chat.getPermalink': (a) => chatGetPermalink(s, a),
  };
}

function chatPostMessage(s: SlackState, a: Args): ApiResult {
  const channelError = s.channelError(a.channel) ?? s.membershipError(a.channel);
  if (channelError) return fail(channelError);
  if (!hasContent(a)) return fail('no_text');
  const message = storeBotMessage(s, a);
  s.postedArgs.push(a);
  return { ok: true, channel: a.channel, ts: message.ts, message: withoutChannel(message) };
}

/** Builds the stored message the way Slack echoes it: custom username => bot_message subtype. */
function storeBotMessage(s: SlackState, a: Args): StoredMessage {
  const parent = a.thread_ts ? s.findMessage(a.channel, String(a.thread_ts)) : undefined;
  const message: StoredMessage = {
    type: 'message',
    channel: a.channel,
    ts: s.nextTs(),
    text: a.text ?? '',
    bot_id: s.id.botId,
    app_id: s.id.appId,
    team: s.id.teamId,
    ...(a.username ? { subtype: 'bot_message', username: a.username, icons: iconsOf(a) } : { user: s.id.botUserId }),
    ...(a.blocks ? { blocks: a.blocks } : {}),
    ...(a.attachments ? { attachments: a.attachments } : {}),
    ...(a.metadata ? { metadata: a.metadata } : {}),
    ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
    ...(parent?.user ? { parent_user_id: parent.user } : {}),
    ...(a.reply_broadcast === 'true' || a.reply_broadcast === true ? { reply_broadcast: true } : {}),
  };
  s.channelMessages(a.channel).push(message);
  return message;
}

function chatUpdate(s: SlackState, a: Args): ApiResult {
  const channelError = s.channelError(a.channel) ?? s.membershipError(a.channel);
  if (channelError) return fail(channelError);
  const message = s.findMessage(a.channel, String(a.ts ?? ''));
  if (!message) return fail('message_not_found');
  if (message.bot_id !== s.id.botId) return fail('cant_update_message');
  if (!hasContent(a)) return fail('no_text');
  if (a.text !== undefined) message.text = a.text;
  if (a.blocks !== undefined) message.blocks = a.blocks;
  if (a.attachments !== undefined) message.attachments = a.attachments;
  message.edited = { user: s.id.botUserId, ts: s.nextTs() };
  return { ok: true, channel: a.channel, ts: message.ts, text: message.text, message: withoutChannel(message) };
}

/**
 * chat.getPermalink (https://docs.slack.dev/reference/methods/chat.getPermalink): `{ok, channel, permalink}`, the
 * permalink being `https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>` as in the method's example;
 * `channel_not_found` / `message_not_found` otherwise.
 */
function chatGetPermalink(s: SlackState, a: Args): ApiResult {
  const channelError = s.channelError(a.channel);
  if (channelError) return fail(channelError);
  const ts = String(a.message_ts ?? '');
  if (!s.findMessage(a.channel, ts)) return fail('message_not_found');
  return { ok: true, channel: a.channel, permalink: `https://fake-workspace.slack.com/archives/${a.channel}/p${ts.replace('.', '')}` };
}

function chatPostEphemeral(s: SlackState, a: Args): ApiResult {
  const channelError = s.channelError(a.channel);
  if (channelError) return fail(channelError);
  if (!a.user) return fail('user_not_in_channel');
  if (!hasContent(a)) return fail('no_text');
  const messageTs = s.nextTs();
  s.ephemerals.push({ channel: a.channel, user: a.user, text: a.text, blocks: a.blocks, thread_ts: a.thread_ts, message_ts: messageTs });
  return { ok: true, message_ts: messageTs };
}

function reactionsAdd(s: SlackState, a: Args): ApiResult {
  if (!a.name) return fail('invalid_name');
  const message = s.findMessage(a.channel, String(a.timestamp ?? ''));
  if (!message) return fail('message_not_found');
  const reactions = (message.reactions ??= []);
  const existing = reactions.find((r) => r.name === a.name);
  if (existing?.users.includes(s.id.botUserId)) return fail('already_reacted');
  if (existing) {
    existing.users.push(s.id.botUserId);
    existing.count += 1;
  } else {
    reactions.push({ name: a.name, users: [s.id.botUserId], count: 1 });
  }
  return { ok: true };
}

function reactionsRemove(s: SlackState, a: Args): ApiResult {
  const message = s.findMessage(a.channel, String(a.timestamp ?? ''));
  if (!message) return fail('message_not_found');
  const reaction = message.reactions?.find((r) => r.name === a.name && r.users.includes(s.id.botUserId));
  if (!reaction) return fail('no_reaction');
  reaction.users = reaction.users.filter((u) => u !== s.id.botUserId);
  reaction.count -= 1;
  message.reactions = message.reactions?.filter((r) => r.count > 0);
  return { ok: true };
}

function conversationsInfo(s: SlackState, a: Args): ApiResult {
  const channelError = s.channelError(a.channel);
  if (channelError) return fail(channelError);
  const name = s.channels.get(a.channel)?.name ?? String(a.channel).toLowerCase();
  return {
    ok: true,
    channel: {
      id: a.channel,
      name,
      name_normalized: name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_private: false,
      is_archived: false,
      is_general: false,
      is_member: !s.botOutside.has(a.channel),
      is_ext_shared: false,
      created: TS_BASE_SECONDS,
      creator: 'U0CREATOR',
      context_team_id: s.id.teamId,
    },
  };
}

// ------------------------------------------------------------------ small helpers

function hasContent(a: Args): boolean {
  return Boolean(a.text) || nonEmpty(a.blocks) || nonEmpty(a.attachments);
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function iconsOf(a: Args): Record<string, string> | undefined {
  if (a.icon_url) return { image_48: a.icon_url };
  if (a.icon_emoji) return { emoji: String(a.icon_emoji).replace(/:/g, '') };
  return undefined;
}

function withoutChannel(message: StoredMessage): Omit<StoredMessage, 'channel'> {
  const { channel: _channel, ...rest } = message;
  return rest;
}
