/** The fake guild's messages: created, edited, deleted, reacted to, with their attachments, announced on the gateway. */
import { randomBytes } from 'node:crypto';
import { ChannelType, MessageType, RESTJSONErrorCodes, type APIAttachment, type APIGuildMember, type APIMessage, type APIUser } from 'discord.js';
import { contentTypeFor, DiscordRestError, invalidForm, isoTimestamp, parseEmoji, type JsonObject, type UploadedFile } from './shapes';
import { ChannelState } from './channels';
import type { NewMessage } from './guild';

export abstract class MessageState extends ChannelState {
  // ---------------------------------------------------------------- messages
  findMessage(channelId: string, messageId: string): APIMessage {
    const msg = (this.messages.get(this.channel(channelId).id) ?? []).find((m) => m.id === messageId);
    if (!msg) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
    return msg;
  }

  createMessage(channelId: string, input: NewMessage, fixedId?: string): APIMessage {
    const ch = this.channel(channelId);
    if (ch.type === ChannelType.GuildForum && !input.isStarter) {
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel, 'Cannot send messages in a non-text channel');
    }
    const content = input.content ?? '';
    if (content.length > 2000) throw invalidForm('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
    const attachments = this.storeAttachments(channelId, input.files ?? [], input.attachmentMeta);
    if (!input.allowEmpty && !content && !input.embeds?.length && !attachments.length && !input.components?.length) {
      throw new DiscordRestError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
    }
    if (this.isThread(ch) && input.store !== false) {
      const meta = ch.thread_metadata!;
      if (meta.archived && meta.locked) {
        throw new DiscordRestError(403, RESTJSONErrorCodes.InvalidActionOnArchivedThread, 'Thread is archived');
      }
      if (meta.archived) this.setThreadState(ch.id, { archived: false }); // "Sending a message will automatically unarchive the thread"
    }
    const id = fixedId ?? this.ids.next();
    const msg = {
      id,
      channel_id: channelId,
      type: input.type ?? MessageType.Default,
      content,
      author: input.author,
      timestamp: isoTimestamp(),
      edited_timestamp: null,
      tts: input.tts ?? false,
      mention_everyone: /@(everyone|here)/.test(content),
      mentions: this.mentionsIn(content),
      mention_roles: [],
      attachments,
      embeds: input.embeds ?? [],
      pinned: false,
      flags: input.flags ?? 0,
      components: input.components ?? [],
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
      ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
      ...(input.applicationId ? { application_id: input.applicationId } : {}),
      ...(input.messageReference ? { message_reference: input.messageReference } : {}),
      ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
    } as APIMessage;
    if (input.store === false) return msg;
    if (this.isThread(ch)) {
      if (!input.isStarter) {
        ch.message_count = (ch.message_count ?? 0) + 1;
        ch.total_message_sent = (ch.total_message_sent ?? 0) + 1;
      }
      msg.position = (this.messages.get(channelId) ?? []).length;
    }
    ch.last_message_id = id;
    this.messages.get(channelId)!.push(msg);
    if (input.dispatch !== false) this.o.emit('MESSAGE_CREATE', this.gatewayMessage(msg));
    return msg;
  }

  editMessage(channelId: string, messageId: string, body: JsonObject, files: UploadedFile[] = []): APIMessage {
    const msg = this.applyEdit(this.findMessage(channelId, messageId), body, files);
    this.o.emit('MESSAGE_UPDATE', this.gatewayMessage(msg));
    return msg;
  }

  /** Applies a PATCH body (content, embeds, components, flags, attachments to keep + new files). */
  applyEdit(msg: APIMessage, body: JsonObject, files: UploadedFile[] = []): APIMessage {
    if (typeof body.content === 'string' || body.content === null) {
      const content = (body.content as string | null) ?? '';
      if (content.length > 2000) throw invalidForm('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
      msg.content = content;
    }
    if (Array.isArray(body.embeds)) msg.embeds = body.embeds as APIMessage['embeds'];
    if (Array.isArray(body.components)) msg.components = body.components as APIMessage['components'];
    if (typeof body.flags === 'number') msg.flags = body.flags;
    if (Array.isArray(body.attachments) || files.length) {
      const meta = (body.attachments as NewMessage['attachmentMeta']) ?? [];
      const keepIds = new Set(meta.map((a) => String(a.id)));
      const kept = Array.isArray(body.attachments) ? msg.attachments.filter((a) => keepIds.has(a.id)) : msg.attachments;
      msg.attachments = [...kept, ...this.storeAttachments(msg.channel_id, files, meta)];
    }
    msg.edited_timestamp = isoTimestamp();
    return msg;
  }

  deleteMessage(channelId: string, messageId: string): void {
    this.findMessage(channelId, messageId);
    const list = this.messages.get(channelId)!;
    list.splice(
      list.findIndex((m) => m.id === messageId),
      1,
    );
    this.o.emit('MESSAGE_DELETE', { id: messageId, channel_id: channelId, guild_id: this.o.guildId });
  }

  react(channelId: string, messageId: string, rawEmoji: string, user: APIUser, add: boolean): void {
    const msg = this.findMessage(channelId, messageId);
    const emoji = parseEmoji(rawEmoji);
    const same = (r: { emoji: { id: string | null; name: string | null } }) => r.emoji.id === emoji.id && r.emoji.name === emoji.name;
    const reactions = (msg.reactions ??= []);
    let reaction = reactions.find(same);
    if (add) {
      if (!reaction) {
        reaction = { count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, burst_colors: [], emoji } as NonNullable<
          APIMessage['reactions']
        >[number];
        reactions.push(reaction);
      }
      reaction.count += 1;
      reaction.count_details.normal += 1;
      if (user.id === this.bot.id) reaction.me = true;
    } else if (reaction) {
      reaction.count -= 1;
      reaction.count_details.normal -= 1;
      if (user.id === this.bot.id) reaction.me = false;
      if (reaction.count <= 0) reactions.splice(reactions.indexOf(reaction), 1);
    }
    const base = { user_id: user.id, channel_id: channelId, message_id: messageId, guild_id: this.o.guildId, emoji, burst: false, type: 0 };
    this.o.emit(
      add ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE',
      add ? { ...base, member: this.members.get(user.id), message_author_id: msg.author.id } : base,
    );
  }

  /** MESSAGE_CREATE / MESSAGE_UPDATE body: message + guild_id + partial member for guild users. */
  gatewayMessage(msg: APIMessage): JsonObject {
    const member = msg.webhook_id ? undefined : this.members.get(msg.author.id);
    const { user: _user, ...partialMember } = member ?? ({} as APIGuildMember);
    return { ...msg, guild_id: this.o.guildId, ...(member ? { member: partialMember } : {}) };
  }

  protected mentionsIn(content: string): APIUser[] {
    const ids = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
    return ids.map((id) => this.members.get(id)?.user).filter((u): u is APIUser => !!u);
  }

  protected storeAttachments(channelId: string, files: UploadedFile[], meta: NewMessage['attachmentMeta'] = []): APIAttachment[] {
    return files.map((file, index) => {
      const n = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(index);
      const m = meta.find((a) => String(a.id) === n);
      const id = this.ids.next();
      const filename = (m?.filename ?? file.filename).replace(/[^\w.-]+/g, '_');
      const contentType = contentTypeFor(filename, file.contentType);
      this.files.set(id, { filename, contentType, bytes: file.bytes });
      const url = this.attachmentUrl(channelId, id, filename);
      return {
        id,
        filename,
        size: file.bytes.length,
        url,
        proxy_url: url.replace('/attachments/', '/media/attachments/'),
        content_type: contentType,
        ...(m?.description ? { description: m.description } : {}),
      } as APIAttachment;
    });
  }

  /** Like cdn.discordapp.com: `/attachments/{channel}/{attachment}/{filename}?ex=&is=&hm=`. */
  attachmentUrl(channelId: string, attachmentId: string, filename: string): string {
    const ex = Math.floor(Date.now() / 1000 + 86400).toString(16);
    const is = Math.floor(Date.now() / 1000).toString(16);
    return `${this.o.baseUrl()}/attachments/${channelId}/${attachmentId}/${filename}?ex=${ex}&is=${is}&hm=${randomBytes(32).toString('hex')}&`;
  }
}
