/**
 * Gateway side of the fake Discord (JSON encoding, no compression): HELLO, heartbeats, IDENTIFY → READY
 * + GUILD_CREATE, sessions with sequence numbers, RESUME with replay, intent filtering, and fault
 * injection (drop connections, refuse connections, op 7 / op 9).
 * Behaviour per developers/events/gateway.mdx, gateway-events.mdx and opcodes-and-status-codes.mdx.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayOpcodes, type APIGuildMember } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { JsonObject } from './shapes';
import { BUFFER_LIMIT, EVENT_INTENT, I, INVALIDATING, PRIVILEGED, trace, type Conn, type DispatchFrame, type Session } from './gateway-protocol';

export interface IdentifyRecord {
  token: string;
  intents: number;
  properties: JsonObject;
  shard?: [number, number];
  compress?: boolean;
  large_threshold?: number;
  presence?: unknown;
  at: number;
}

export interface ResumeRecord {
  session_id: string;
  seq: number;
  ok: boolean;
  replayed: number;
  at: number;
}

export interface GatewayDeps {
  token: () => string;
  url: () => string;
  botUserId: string;
  heartbeatIntervalMs: number;
  /** Privileged intents "enabled in the developer portal" (others → close 4014). */
  allowedPrivilegedIntents: number;
  /** READY `d` without session_id / resume_gateway_url. */
  readyPayload: () => JsonObject;
  guildCreate: () => JsonObject;
  members: () => APIGuildMember[];
  onDispatch?: (t: string, d: unknown) => void;
}

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  /** Every frame received from clients, parsed. */
  readonly received: JsonObject[] = [];
  /** Request URLs of accepted WebSocket connections (e.g. `/?v=10&encoding=json`). */
  readonly connections: string[] = [];
  /** Answer heartbeats with op 11 (false → the client detects a zombie connection and resumes). */
  ackHeartbeats = true;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly conns = new Set<Conn>();
  private downUntil = 0;
  private downMode: 'http503' | 'reset' = 'http503';

  constructor(private readonly d: GatewayDeps) {}

  /** Number of currently open gateway connections that have identified or resumed. */
  get liveSessions(): number {
    return [...this.conns].filter((c) => c.session && c.ws.readyState === WebSocket.OPEN).length;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (Date.now() < this.downUntil) {
      if (this.downMode === 'reset') socket.destroy();
      else socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 19\r\nConnection: close\r\n\r\nService Unavailable');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.url ?? '/'));
  }

  /** Sends a dispatch to every resumable session (buffered while disconnected, replayed on RESUME). */
  dispatch(t: string, d: unknown): number {
    let sessions = 0;
    for (const session of this.sessions.values()) {
      if (session.alive && this.send(session, t, d)) sessions++;
    }
    this.d.onDispatch?.(t, d);
    return sessions;
  }

  /** Drops every connection with `code` (4000 → discord.js resumes; 1006 = TCP reset without close frame). */
  disconnectAll(code = 4000, reason = 'Fake gateway disconnect'): number {
    const open = [...this.conns].filter((c) => c.ws.readyState === WebSocket.OPEN);
    for (const conn of open) {
      conn.serverCloseCode = code;
      if (code === 1006) conn.ws.terminate();
      else conn.ws.close(code, reason);
    }
    return open.length;
  }

  /** Outage: drop current connections and refuse new ones for `ms` (HTTP 503 on upgrade, or TCP reset). */
  gatewayDown(ms: number, opts: { mode?: 'http503' | 'reset'; dropExisting?: boolean; code?: number } = {}): void {
    this.downUntil = Date.now() + ms;
    this.downMode = opts.mode ?? 'http503';
    if (opts.dropExisting !== false) this.disconnectAll(opts.code ?? 4000, 'Fake gateway outage');
  }

  /** op 7 Reconnect: the client closes and resumes. */
  requestReconnect(): void {
    for (const conn of this.conns) this.sendRaw(conn.ws, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** op 9 Invalid Session; `resumable=false` also ends the sessions. */
  invalidateSessions(resumable = false): void {
    for (const conn of this.conns) {
      if (!resumable && conn.session) conn.session.alive = false;
      this.sendRaw(conn.ws, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  close(): void {
    for (const conn of this.conns) conn.ws.terminate();
    this.conns.clear();
    this.sessions.clear();
    this.wss.close();
  }

  reset(): void {
    this.identifies.length = 0;
    this.resumes.length = 0;
    this.received.length = 0;
    this.connections.length = 0;
    this.ackHeartbeats = true;
    this.downUntil = 0;
  }

  private onConnection(ws: WebSocket, url: string): void {
    const conn: Conn = { ws, url };
    this.conns.add(conn);
    this.connections.push(url);
    ws.on('message', (data) => this.onFrame(conn, data));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => undefined);
    this.sendRaw(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.d.heartbeatIntervalMs, _trace: trace('hello') }, s: null, t: null });
  }

  private onClose(conn: Conn, code: number): void {
    this.conns.delete(conn);
    const session = conn.session;
    if (!session || session.ws !== conn.ws) return;
    session.ws = null;
    const effective = conn.serverCloseCode ?? code;
    if (INVALIDATING.has(effective)) session.alive = false;
    if (!session.alive) this.sessions.delete(session.id);
  }

  private onFrame(conn: Conn, data: RawData): void {
    let payload: JsonObject;
    try {
      payload = JSON.parse(data.toString()) as JsonObject;
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    this.received.push(payload);
    const d = (payload.d ?? {}) as JsonObject;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.ackHeartbeats) this.sendRaw(conn.ws, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.identify(conn, d);
      case GatewayOpcodes.Resume:
        return this.resume(conn, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) return void conn.ws.close(4003, 'Not authenticated.');
        if (payload.op === GatewayOpcodes.RequestGuildMembers) this.membersChunk(conn.session, d);
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Conn, d: JsonObject): void {
    if (conn.session) return void conn.ws.close(4005, 'Already authenticated.');
    if (d.token !== this.d.token()) return void conn.ws.close(4004, 'Authentication failed.');
    const intents = d.intents;
    if (typeof intents !== 'number' || intents < 0) return void conn.ws.close(4013, 'Invalid intent(s).');
    if ((intents & PRIVILEGED & ~this.d.allowedPrivilegedIntents) !== 0) return void conn.ws.close(4014, 'Disallowed intent(s).');
    const shard = d.shard as [number, number] | undefined;
    if (shard && (shard[0] !== 0 || shard[1] !== 1)) return void conn.ws.close(4010, 'Invalid shard.');
    this.identifies.push({ ...(d as unknown as IdentifyRecord), token: d.token as string, intents, at: Date.now() });
    const session: Session = { id: randomBytes(16).toString('hex'), intents, seq: 0, buffer: [], ws: conn.ws, alive: true };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.send(
      session,
      'READY',
      {
        ...this.d.readyPayload(),
        session_id: session.id,
        resume_gateway_url: this.d.url(),
        shard: [0, 1],
        _trace: trace('ready'),
      },
      true,
    );
    this.send(session, 'GUILD_CREATE', this.d.guildCreate(), true);
  }

  private resume(conn: Conn, d: JsonObject): void {
    const session = this.sessions.get(d.session_id as string);
    const seq = Number(d.seq ?? 0);
    const firstBuffered = session?.buffer[0]?.s ?? 1;
    const ok = !!session && session.alive && d.token === this.d.token() && seq <= session.seq && seq + 1 >= firstBuffered;
    const missed = ok ? session.buffer.filter((f) => f.s > seq) : [];
    this.resumes.push({ session_id: String(d.session_id), seq, ok, replayed: missed.length, at: Date.now() });
    if (!ok) return void this.sendRaw(conn.ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
    const previous = session.ws;
    session.ws = conn.ws;
    conn.session = session;
    if (previous && previous !== conn.ws) previous.terminate();
    for (const frame of missed) this.sendRaw(conn.ws, frame);
    this.send(session, 'RESUMED', { _trace: trace('resumed') }, true);
  }

  private membersChunk(session: Session, d: JsonObject): void {
    const ids = d.user_ids ? ([] as string[]).concat(d.user_ids as string | string[]) : undefined;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const members = this.d.members().filter((m) => (ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query)));
    const limit = Number(d.limit ?? 0) || members.length;
    this.send(
      session,
      'GUILD_MEMBERS_CHUNK',
      {
        guild_id: d.guild_id,
        members: members.slice(0, limit),
        chunk_index: 0,
        chunk_count: 1,
        ...(ids ? { not_found: ids.filter((id) => !members.some((m) => m.user.id === id)) } : {}),
        ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
      },
      true,
    );
  }

  /** Assigns the next sequence number, buffers, and sends if the session is connected. */
  private send(session: Session, t: string, d: unknown, always = false): boolean {
    const needed = EVENT_INTENT[t];
    if (!always && needed !== undefined && (session.intents & needed) === 0) return false;
    const frame: DispatchFrame = { op: 0, t, s: ++session.seq, d: this.redact(session, t, d) };
    session.buffer.push(frame);
    if (session.buffer.length > BUFFER_LIMIT) session.buffer.shift();
    if (session.ws?.readyState === WebSocket.OPEN) this.sendRaw(session.ws, frame);
    return true;
  }

  /** Without MESSAGE_CONTENT, content/embeds/attachments/components arrive empty (message.mdx), except own messages and mentions. */
  private redact(session: Session, t: string, d: unknown): unknown {
    if ((t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') || session.intents & I.MessageContent) return d;
    const msg = d as JsonObject & { author?: { id: string }; mentions?: Array<{ id: string }> };
    if (msg.author?.id === this.d.botUserId || msg.mentions?.some((u) => u.id === this.d.botUserId)) return d;
    return { ...msg, content: '', embeds: [], attachments: [], components: [] };
  }

  private sendRaw(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }
}
