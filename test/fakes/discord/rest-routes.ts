/**
 * The REST routes of the fake Discord (`/api/v10/...`) and what each does to the guild (state.ts); rest.ts serves
 * them with auth, Discord's error bodies, rate-limit headers and fault injection.
 */
import { createHash } from 'node:crypto';
import { ChannelType, MessageType, RESTJSONErrorCodes } from 'discord.js';
import { DiscordRestError, type JsonObject, type UploadedFile } from './shapes';
import type { DiscordState } from './state';
import type { HttpReply, Interactions } from './interactions';
import type { CallRecord } from './rest';
import { executeWebhook } from './rest-webhook';

export interface Ctx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: JsonObject;
  files: UploadedFile[];
}

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  auth: boolean;
  handler: (ctx: Ctx) => HttpReply | undefined;
}

export interface RestDeps {
  applicationId: string;
  state: DiscordState;
  interactions: Interactions;
  token: () => string;
  gatewayUrl: () => string;
  identifyCount: () => number;
  onCall: (call: CallRecord) => void;
  /** The application's flags (`GET /applications/@me`), e.g. GATEWAY_MESSAGE_CONTENT when that intent is enabled. */
  applicationFlags: () => number;
}

export const json = (body: unknown, status = 200): HttpReply => ({ status, body });
export const NO_CONTENT: HttpReply = { status: 204 };

/** Every route, in the order they are matched. */
export function restRoutes(d: RestDeps): Route[] {
  const routes: Route[] = [];
  const on = (method: string, template: string, handler: Route['handler'], auth = true): void => {
    const pattern = new RegExp(`^${template.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    routes.push({ method, template, pattern, auth, handler });
  };
  const s = d.state;
  const guild = (gid: string | undefined) => {
    if (gid !== s.guildId) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  };
  const app = (appId: string | undefined) => {
    if (appId !== d.applicationId) throw new DiscordRestError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
  };
  const messageFrom = (c: Ctx) => ({
    content: c.body.content as string | undefined,
    embeds: c.body.embeds as unknown[] | undefined,
    components: c.body.components as unknown[] | undefined,
    attachmentMeta: c.body.attachments as [] | undefined,
    files: c.files,
    tts: c.body.tts === true,
    nonce: c.body.nonce as string | undefined,
    flags: (c.body.flags as number | undefined) ?? 0,
  });

  on('GET', '/gateway', () => json({ url: d.gatewayUrl() }), false);
  on('GET', '/gateway/bot', () =>
    json({
      url: d.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000 - d.identifyCount(), reset_after: 14400000, max_concurrency: 1 },
    }),
  );
  on('GET', '/users/@me', () =>
    json({
      ...s.bot,
      verified: true,
      mfa_enabled: false,
      locale: 'en-US',
      email: null,
      banner: null,
      accent_color: null,
      bio: '',
    }),
  );
  on('GET', '/applications/@me', () =>
    json({
      id: d.applicationId,
      name: s.bot.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot: s.bot,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: createHash('sha256').update(d.applicationId).digest('hex'),
      flags: d.applicationFlags(),
      team: null,
      owner: { id: '300000000000000000', username: 'owner', discriminator: '0', global_name: 'Owner', avatar: null },
      guild_id: s.guildId,
      approximate_guild_count: 1,
      integration_types_config: { '0': {} },
      hook: true,
      is_monetized: false,
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      tags: [],
    }),
  );

  // ---- guilds
  on('GET', '/guilds/:gid', ({ params }) => {
    guild(params.gid);
    const {
      joined_at,
      large,
      unavailable,
      member_count,
      lazy,
      voice_states,
      members,
      presences,
      stage_instances,
      guild_scheduled_events,
      soundboard_sounds,
      embedded_activities,
      activity_instances,
      channels,
      threads,
      ...rest
    } = s.guildPayload();
    return json(rest);
  });
  on('GET', '/guilds/:gid/channels', ({ params }) => (guild(params.gid), json([...s.channels.values()].filter((c) => !s.isThread(c)))));
  on('GET', '/guilds/:gid/threads/active', ({ params }) => (guild(params.gid), json({ threads: s.activeThreads(), members: [] })));
  on('GET', '/guilds/:gid/members/:uid', ({ params }) => {
    guild(params.gid);
    const member = s.members.get(params.uid!);
    if (!member) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
    return json(member);
  });

  // ---- channels & messages
  on('GET', '/channels/:cid', ({ params }) => json(s.channel(params.cid!)));
  on('PATCH', '/channels/:cid', ({ params, body }) => json(s.modifyChannel(params.cid!, body)));
  on('POST', '/channels/:cid/typing', ({ params }) => (s.channel(params.cid!), NO_CONTENT));
  on('GET', '/channels/:cid/messages', ({ params, query }) => {
    const all = [...(s.messages.get(s.channel(params.cid!).id) ?? [])].reverse(); // newest first
    const limit = Math.min(Number(query.get('limit') ?? 50), 100);
    const before = query.get('before');
    const after = query.get('after');
    const list = all.filter((m) => (!before || BigInt(m.id) < BigInt(before)) && (!after || BigInt(m.id) > BigInt(after)));
    return json(list.slice(0, limit));
  });
  on('GET', '/channels/:cid/messages/:mid', ({ params }) => json(s.findMessage(params.cid!, params.mid!)));
  on('POST', '/channels/:cid/messages', (c) => {
    const ref = c.body.message_reference as JsonObject | undefined;
    const referenced = ref?.message_id ? s.findMessage((ref.channel_id as string | undefined) ?? c.params.cid!, ref.message_id as string) : undefined;
    const msg = s.createMessage(c.params.cid!, {
      ...messageFrom(c),
      author: s.bot,
      ...(referenced
        ? { type: MessageType.Reply, messageReference: { type: 0, channel_id: referenced.channel_id, message_id: referenced.id, guild_id: s.guildId } }
        : {}),
    });
    return json(referenced ? { ...msg, referenced_message: referenced } : msg);
  });
  on('PATCH', '/channels/:cid/messages/:mid', ({ params, body, files }) => {
    if (s.findMessage(params.cid!, params.mid!).author.id !== s.bot.id) {
      throw new DiscordRestError(403, RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user');
    }
    return json(s.editMessage(params.cid!, params.mid!, body, files));
  });
  on('DELETE', '/channels/:cid/messages/:mid', ({ params }) => (s.deleteMessage(params.cid!, params.mid!), NO_CONTENT));
  on('PUT', '/channels/:cid/messages/:mid/reactions/:emoji/@me', ({ params }) => (s.react(params.cid!, params.mid!, params.emoji!, s.bot, true), NO_CONTENT));
  on(
    'DELETE',
    '/channels/:cid/messages/:mid/reactions/:emoji/@me',
    ({ params }) => (s.react(params.cid!, params.mid!, params.emoji!, s.bot, false), NO_CONTENT),
  );

  // ---- threads
  on('POST', '/channels/:cid/threads', (c) => {
    const starter = c.body.message as JsonObject | undefined;
    const parent = s.channel(c.params.cid!);
    const isForum = parent.type === ChannelType.GuildForum;
    return json(s.createThread(c.params.cid!, c.body, s.bot, isForum && starter ? { message: messageFrom({ ...c, body: starter }) } : undefined), 201);
  });
  on('POST', '/channels/:cid/messages/:mid/threads', ({ params, body }) => {
    s.findMessage(params.cid!, params.mid!);
    if (s.channels.has(params.mid!))
      throw new DiscordRestError(400, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage, 'A thread has already been created for this message');
    return json(s.createThread(params.cid!, body, s.bot, { fromMessageId: params.mid! }), 201);
  });
  on('GET', '/channels/:cid/threads/archived/public', ({ params, query }) => {
    const before = query.get('before');
    const limit = Number(query.get('limit') ?? 50);
    const archived = s
      .threadsOf(s.channel(params.cid!).id)
      .filter((t) => t.type === ChannelType.PublicThread && t.thread_metadata?.archived)
      .filter((t) => !before || Date.parse(t.thread_metadata!.archive_timestamp) < Date.parse(before))
      .sort((a, b) => Date.parse(b.thread_metadata!.archive_timestamp) - Date.parse(a.thread_metadata!.archive_timestamp));
    return json({ threads: archived.slice(0, limit), members: [], has_more: archived.length > limit });
  });

  // ---- webhooks
  on('POST', '/channels/:cid/webhooks', ({ params, body }) => json(s.createWebhook(params.cid!, body)));
  on('GET', '/channels/:cid/webhooks', ({ params }) => json([...s.webhooks.values()].filter((w) => w.channel_id === s.channel(params.cid!).id)));
  on(
    'GET',
    '/webhooks/:wid/:token',
    ({ params }) => {
      const { user: _u, ...hook } = s.webhook(params.wid!, params.token);
      return json(hook);
    },
    false,
  );
  on(
    'POST',
    '/webhooks/:wid/:token',
    (c) => d.interactions.webhook('POST', c.params.wid!, c.params.token!, undefined, c.body, c.files) ?? executeWebhook(d, c),
    false,
  );
  for (const method of ['GET', 'PATCH', 'DELETE']) {
    on(
      method,
      '/webhooks/:wid/:token/messages/:mid',
      ({ params, body, files }) => {
        const viaInteraction = d.interactions.webhook(method, params.wid!, params.token!, params.mid!, body, files);
        if (viaInteraction) return viaInteraction;
        const hook = s.webhook(params.wid!, params.token);
        const msg = [...s.messages.values()].flat().find((m) => m.id === params.mid && m.webhook_id === hook.id);
        if (!msg) throw new DiscordRestError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
        if (method === 'GET') return json(msg);
        if (method === 'DELETE') return (s.deleteMessage(msg.channel_id, msg.id), NO_CONTENT);
        return json(s.editMessage(msg.channel_id, msg.id, body, files));
      },
      false,
    );
  }

  // ---- application commands & interactions
  for (const [path, scope] of [
    ['/applications/:app/commands', () => 'global'],
    ['/applications/:app/guilds/:gid/commands', (p: Record<string, string>) => (guild(p.gid), p.gid!)],
  ] as const) {
    on('PUT', path, ({ params, body }) => (app(params.app), json(s.putCommands(scope(params), body))));
    on('GET', path, ({ params }) => (app(params.app), json(s.commands.get(scope(params)) ?? [])));
  }
  on(
    'POST',
    '/interactions/:iid/:token/callback',
    ({ params, body, files, query }) => d.interactions.callback(params.iid!, params.token!, body, files, query.get('with_response') === 'true'),
    false,
  );
  return routes;
}
