/** `POST /webhooks/:wid/:token`: a webhook's message, into its channel, a thread of it, or a new forum post (Discord's "Execute Webhook"). */
import { ChannelType, RESTJSONErrorCodes, type APIMessage } from 'discord.js';
import type { HttpReply } from './interactions';
import type { Ctx, RestDeps } from './rest-routes';
import { DiscordRestError } from './shapes';

export function executeWebhook(d: RestDeps, c: Ctx): HttpReply {
  const s = d.state;
  const hook = s.webhook(c.params.wid!, c.params.token);
  const threadId = c.query.get('thread_id');
  const parent = s.channel(hook.channel_id!);
  const author = s.webhookAuthor(hook, c.body.username, c.body.avatar_url);
  const input = {
    author,
    content: c.body.content as string | undefined,
    embeds: c.body.embeds as unknown[] | undefined,
    components: c.body.components as unknown[] | undefined,
    attachmentMeta: c.body.attachments as [] | undefined,
    files: c.files,
    tts: c.body.tts === true,
    flags: (c.body.flags as number | undefined) ?? 0,
    webhookId: hook.id,
    applicationId: hook.application_id ?? undefined,
  };
  let msg: APIMessage;
  if (threadId) {
    const thread = s.channel(threadId);
    if (!s.isThread(thread) || thread.parent_id !== parent.id) throw new DiscordRestError(400, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
    msg = s.createMessage(threadId, input);
  } else if (parent.type === ChannelType.GuildForum) {
    if (typeof c.body.thread_name !== 'string') {
      throw new DiscordRestError(
        400,
        RESTJSONErrorCodes.WebhooksPostedToForumChannelsMustHaveAThreadNameOrThreadId,
        'Webhooks posted to forum channels must have a thread_name or thread_id',
      );
    }
    const thread = s.createThread(parent.id, { name: c.body.thread_name, applied_tags: c.body.applied_tags }, author, { message: input });
    msg = thread.message!;
  } else {
    msg = s.createMessage(parent.id, input);
  }
  return c.query.get('wait') === 'true' ? { status: 200, body: msg } : { status: 204 };
}
