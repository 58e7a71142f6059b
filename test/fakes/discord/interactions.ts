/**
 * Interactions over the gateway (INTERACTION_CREATE) and their HTTP side: the callback endpoint and
 * the interaction webhook (`/webhooks/{application.id}/{token}` …). Shapes: receiving-and-responding.mdx.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
  type APIApplicationCommandInteractionDataOption,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import { BOT_ROLE_PERMISSIONS, DiscordRestError, EVERYONE_PERMISSIONS, invalidForm, type Emit, type JsonObject, type UploadedFile } from './shapes';
import type { DiscordState } from './state';

type OptionValue = string | number | boolean;

export interface InteractionInput {
  /** Command name, e.g. `wa`. */
  name: string;
  channelId: string;
  /** Raw option objects, or a `{name: value}` map (types from the registered command, else inferred). */
  options?: APIApplicationCommandInteractionDataOption[] | Record<string, OptionValue>;
  /** Wrap the options in this subcommand. */
  subcommand?: string;
  user?: { id?: string; username?: string; globalName?: string | null };
  locale?: string;
}

export interface AutocompleteInput extends InteractionInput {
  /** Name of the option being typed (gets `focused: true`; its value is sent as a string). */
  focused: string;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  user: APIUser;
  createdAt: number;
  payload: JsonObject;
  acknowledged: boolean;
  original?: APIMessage;
  followups: APIMessage[];
}

export interface InteractionResponseRecord {
  kind: 'callback' | 'getOriginal' | 'editOriginal' | 'deleteOriginal' | 'followup' | 'editFollowup';
  interactionId: string;
  token: string;
  /** Callback type (4 reply, 5 defer, 8 autocomplete result, 9 modal, …) for `kind: 'callback'`. */
  type?: number;
  data?: JsonObject;
  message?: APIMessage;
  at: number;
}

export interface HttpReply {
  status: number;
  body?: unknown;
}

export class Interactions {
  readonly byToken = new Map<string, InteractionRecord>();
  readonly responses: InteractionResponseRecord[] = [];

  constructor(
    private readonly state: DiscordState,
    private readonly emit: Emit,
    private readonly applicationId: string,
    /** Initial response deadline (Discord: 3 s); 0 disables. */
    private readonly deadlineMs: number,
    private readonly onResponse: (r: InteractionResponseRecord) => void,
  ) {}

  create(
    type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete,
    input: InteractionInput,
    focused?: string,
  ): InteractionRecord {
    const command = this.state.commandByName(input.name);
    let options = this.options(input, command?.options as JsonObject[] | undefined, focused);
    if (input.subcommand) {
      options = [{ type: ApplicationCommandOptionType.Subcommand, name: input.subcommand, options } as APIApplicationCommandInteractionDataOption];
    }
    return this.deliver(type, input, {
      id: command?.id ?? this.state.ids.next(),
      name: input.name,
      type: 1,
      ...(options.length ? { options } : {}),
      ...(command && 'guild_id' in command && command.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  /**
   * A MESSAGE_COMPONENT (3) or MODAL_SUBMIT (5) interaction (receiving-and-responding.mdx: "Message Component Data
   * Structure" `{custom_id, component_type, values?, resolved?}`, "Modal Submit Data Structure" `{custom_id,
   * components}`); a component's carries the `message` it is on.
   */
  createFromData(
    type: InteractionType.MessageComponent | InteractionType.ModalSubmit,
    input: Pick<InteractionInput, 'channelId' | 'user' | 'locale'>,
    data: JsonObject,
    message?: APIMessage,
  ): InteractionRecord {
    return this.deliver(type, input, data, message ? { message: message as unknown as JsonObject } : {});
  }

  private deliver(
    type: InteractionType,
    input: Pick<InteractionInput, 'channelId' | 'user' | 'locale'>,
    data: JsonObject,
    extra: JsonObject = {},
  ): InteractionRecord {
    const user = this.state.human(input.user);
    const channel = this.state.channel(input.channelId);
    const guildId = this.state.guildId;
    const id = this.state.ids.next();
    const token = `aW50ZXJhY3Rpb246${Buffer.from(`${id}:${randomBytes(48).toString('base64url')}`).toString('base64url')}`;
    const member = this.state.members.get(user.id)!;
    const payload: JsonObject = {
      app_permissions: BOT_ROLE_PERMISSIONS,
      application_id: this.applicationId,
      attachment_size_limit: 10485760,
      authorizing_integration_owners: { '0': guildId },
      channel: { ...channel, permissions: EVERYONE_PERMISSIONS },
      channel_id: channel.id,
      context: 0,
      data,
      entitlement_sku_ids: [],
      entitlements: [],
      guild: { id: guildId, locale: 'en-US', features: [] },
      guild_id: guildId,
      guild_locale: 'en-US',
      id,
      locale: input.locale ?? 'en-US',
      member: { ...member, permissions: EVERYONE_PERMISSIONS },
      token,
      type,
      version: 1,
      ...extra,
    };
    const record: InteractionRecord = { id, token, type, channelId: channel.id, user, createdAt: Date.now(), payload, acknowledged: false, followups: [] };
    this.byToken.set(token, record);
    this.emit('INTERACTION_CREATE', payload);
    return record;
  }

  private options(input: InteractionInput, registered: JsonObject[] | undefined, focused?: string): APIApplicationCommandInteractionDataOption[] {
    if (Array.isArray(input.options)) return input.options;
    const sub = input.subcommand ? (registered?.find((o) => o.name === input.subcommand)?.options as JsonObject[] | undefined) : registered;
    return Object.entries(input.options ?? {}).map(([name, value]) => {
      const declared = sub?.find((o) => o.name === name)?.type as number | undefined;
      const type =
        declared ??
        (typeof value === 'boolean'
          ? ApplicationCommandOptionType.Boolean
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? ApplicationCommandOptionType.Integer
              : ApplicationCommandOptionType.Number
            : ApplicationCommandOptionType.String);
      return (name === focused ? { type, name, value: String(value), focused: true } : { type, name, value }) as APIApplicationCommandInteractionDataOption;
    });
  }

  private record(token: string, id?: string): InteractionRecord {
    const rec = this.byToken.get(token);
    if (!rec || (id !== undefined && rec.id !== id)) {
      throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
    }
    return rec;
  }

  private push(r: Omit<InteractionResponseRecord, 'at'>): void {
    const full = { ...r, at: Date.now() };
    this.responses.push(full);
    this.onResponse(full);
  }

  private botMessage(rec: InteractionRecord, data: JsonObject, files: UploadedFile[], extra: { loading?: boolean; followup?: boolean } = {}): APIMessage {
    const flags = ((data.flags as number | undefined) ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications);
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    return this.state.createMessage(rec.channelId, {
      author: this.state.bot,
      content: data.content as string | undefined,
      embeds: data.embeds as unknown[] | undefined,
      components: data.components as unknown[] | undefined,
      attachmentMeta: data.attachments as [] | undefined,
      files,
      tts: data.tts === true,
      flags: flags | (extra.loading ? MessageFlags.Loading : 0),
      type: MessageType.ChatInputCommand,
      webhookId: this.applicationId,
      applicationId: this.applicationId,
      allowEmpty: extra.loading,
      interactionMetadata: {
        id: rec.id,
        type: rec.type,
        user: rec.user,
        authorizing_integration_owners: { '0': this.state.guildId },
        ...(extra.followup && rec.original ? { original_response_message_id: rec.original.id } : {}),
      },
      store: !ephemeral,
      dispatch: !ephemeral,
    });
  }

  /** POST /interactions/{id}/{token}/callback */
  callback(id: string, token: string, body: JsonObject, files: UploadedFile[], withResponse: boolean): HttpReply {
    const rec = this.record(token, id);
    if (rec.acknowledged) {
      throw new DiscordRestError(400, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');
    }
    if (this.deadlineMs > 0 && Date.now() - rec.createdAt > this.deadlineMs) {
      throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
    }
    const type = body.type as number;
    const data = (body.data as JsonObject | undefined) ?? {};
    // Which callback types each interaction type takes (receiving-and-responding.mdx, "Interaction Callback Type").
    const message = [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource];
    const update = [InteractionResponseType.DeferredMessageUpdate, InteractionResponseType.UpdateMessage];
    const allowed =
      rec.type === InteractionType.ApplicationCommandAutocomplete
        ? [InteractionResponseType.ApplicationCommandAutocompleteResult]
        : rec.type === InteractionType.MessageComponent
          ? [...message, ...update, InteractionResponseType.Modal]
          : rec.type === InteractionType.ModalSubmit
            ? [...message, ...update]
            : [...message, InteractionResponseType.Modal];
    if (!allowed.includes(type)) throw invalidForm('type', 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
    if (type === InteractionResponseType.ChannelMessageWithSource) rec.original = this.botMessage(rec, data, files);
    if (type === InteractionResponseType.DeferredChannelMessageWithSource) rec.original = this.botMessage(rec, data, files, { loading: true });
    rec.acknowledged = true;
    this.push({ kind: 'callback', interactionId: rec.id, token, type, data, ...(rec.original ? { message: rec.original } : {}) });
    if (!withResponse) return { status: 204 };
    const msg = rec.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: rec.id,
          type: rec.type,
          activity_instance_id: null,
          ...(msg
            ? {
                response_message_id: msg.id,
                response_message_loading: type === 5,
                response_message_ephemeral: ((msg.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: { type, ...(msg ? { message: msg } : {}) },
      },
    };
  }

  /** Routes under /webhooks/{application.id}/{interaction token}; undefined if `token` is not an interaction token. */
  webhook(method: string, appId: string, token: string, messageId: string | undefined, body: JsonObject, files: UploadedFile[]): HttpReply | undefined {
    const rec = this.byToken.get(token);
    if (!rec) return undefined;
    if (appId !== this.applicationId) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
    if (!rec.acknowledged) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
    if (messageId === undefined) {
      if (method !== 'POST') throw new DiscordRestError(405, 0, '405: Method Not Allowed');
      const message = this.botMessage(rec, body, files, { followup: true });
      rec.followups.push(message);
      this.push({ kind: 'followup', interactionId: rec.id, token, data: body, message });
      return { status: 200, body: message };
    }
    const target =
      messageId === '@original' ? rec.original : (rec.followups.find((m) => m.id === messageId) ?? (rec.original?.id === messageId ? rec.original : undefined));
    if (!target) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
    const ephemeral = ((target.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const kindOf = (original: string, other: string) => (target === rec.original ? original : other) as InteractionResponseRecord['kind'];
    if (method === 'GET') {
      this.push({ kind: 'getOriginal', interactionId: rec.id, token, message: target });
      return { status: 200, body: target };
    }
    if (method === 'DELETE') {
      if (!ephemeral) this.state.deleteMessage(target.channel_id, target.id);
      if (target === rec.original) delete rec.original;
      this.push({ kind: 'deleteOriginal', interactionId: rec.id, token });
      return { status: 204 };
    }
    target.flags = (target.flags ?? 0) & ~MessageFlags.Loading;
    const edited = ephemeral ? this.state.applyEdit(target, body, files) : this.state.editMessage(target.channel_id, target.id, body, files);
    this.push({ kind: kindOf('editOriginal', 'editFollowup'), interactionId: rec.id, token, data: body, message: edited });
    return { status: 200, body: edited };
  }
}
