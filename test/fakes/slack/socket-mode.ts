/**
 * The fake Slack's Socket Mode (docs.slack.dev/apis/events-api/using-socket-mode): `apps.connections.open` (app-level
 * token in the Authorization header) hands out a one-time `ws://…/link/?ticket=…&app_id=…` URL; a client that
 * connects gets `hello`, then envelopes `{envelope_id, type, payload, accepts_response_payload[, retry_attempt,
 * retry_reason]}` and answers each with `{envelope_id[, payload]}`. `disconnect()` sends Slack's
 * `{type:"disconnect", reason}` and the client is expected to open a new connection itself.
 *
 * Shapes and their sources:
 * - apps.connections.open's answer: the method's "Typical success response" (docs.slack.dev/reference/methods/
 *   apps.connections.open), `{"ok": true, "url": "wss://wss-somethiing.slack.com/link/?ticket=12348&app_id=5678"}`;
 *   the page: the token must come in the Authorization header, "passing it as a POST parameter will result in an error".
 * - hello and the envelopes: slackapi/python-slack-sdk tests/slack_sdk/socket_mode/mock_socket_mode_server.py
 *   (commit 0554d462c9806b3b692adfdc3b2e182bf9801963): `socket_mode_hello_message` and `socket_mode_envelopes`
 *   (a slash command with `accepts_response_payload: true`; events with `accepts_response_payload: false,
 *   retry_attempt: 0, retry_reason: ""`; interactive payloads with `accepts_response_payload: false`).
 * - view_submission envelopes accept a response payload (`response_action`), as slash commands do: the Socket Mode
 *   page lists those as the payloads an ack may answer; @slack/socket-mode passes the flag through unchanged.
 * - disconnect: `{"type": "disconnect", "reason": "warning" | "refresh_requested" | "link_disabled", "debug_info":
 *   {"host": …}}`, the Socket Mode page's reasons, as quoted in public client code found with the code index.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SlackState } from './state';
import type { ApiResult } from './types';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sent back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  at: number;
}

export interface DeliverOptions {
  /** Events API redeliveries: `retry_attempt` (1–3) and `retry_reason`, as Slack sets them. */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack (Slack itself gives 3 s; tests on a loaded machine need longer). Default 20 s. */
  ackTimeoutMs?: number;
}

const HOST = 'applink-fake-1';
const DEFAULT_ACK_TIMEOUT_MS = 20_000;
/** Interactions whose ack may carry an answer (view_submission's response_action, block_suggestion's options). */
const ANSWERABLE_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

export class SocketModeServer {
  /** Every envelope sent (redeliveries included), in order. */
  readonly envelopes: SocketEnvelope[] = [];
  readonly acks: SocketAck[] = [];
  /** Messages from the app that are not an ack of a known envelope. */
  readonly stray: string[] = [];
  /** How many WebSocket connections were accepted so far. */
  connectionsOpened = 0;

  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly live: WebSocket[] = [];
  /** Envelopes sent while no connection was open: delivered on the next hello, as Slack queues them. */
  private readonly queued: SocketEnvelope[] = [];
  private readonly waiting = new Map<string, (ack: SocketAck | undefined) => void>();

  constructor(private readonly state: SlackState) {}

  /** apps.connections.open, once the caller's app-level token was accepted. */
  openConnection(): ApiResult {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    const base = this.state.baseUrl().replace(/^http/, 'ws');
    return { ok: true, url: `${base}/link/?ticket=${ticket}&app_id=${this.state.id.appId}` };
  }

  /** The HTTP server's `upgrade` event: only a path handed out by openConnection, once. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** Connections open now. */
  get openConnections(): number {
    return this.live.length;
  }

  /**
   * Sends `payload` in an envelope of `type` on the newest open connection (or as soon as one opens) and resolves
   * with the app's ack, or undefined when none came within the timeout.
   */
  deliver(type: EnvelopeType, payload: Record<string, unknown>, opts: DeliverOptions = {}): Promise<SocketAck | undefined> {
    const envelope = this.envelope(type, payload, opts);
    const acked = new Promise<SocketAck | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelope.envelope_id);
        resolve(undefined);
      }, opts.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS);
      this.waiting.set(envelope.envelope_id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    const ws = this.live.at(-1);
    if (ws) this.send(ws, envelope);
    else this.queued.push(envelope);
    return acked;
  }

  /** Slack's `disconnect` message on every open connection: the client must reconnect (apps.connections.open again). */
  disconnect(reason: DisconnectReason = 'refresh_requested'): void {
    for (const ws of this.live) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: HOST } }));
  }

  /** Drops every connection without a close handshake (a network failure). */
  dropConnections(): void {
    for (const ws of [...this.live]) ws.terminate();
  }

  close(): void {
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    for (const ws of [...this.live]) ws.terminate();
    this.wss.close();
  }

  private onConnection(ws: WebSocket): void {
    this.connectionsOpened += 1;
    this.live.push(ws);
    ws.on('message', (data: Buffer) => this.onMessage(data.toString('utf8')));
    ws.on('close', () => {
      const i = this.live.indexOf(ws);
      if (i >= 0) this.live.splice(i, 1);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.live.length,
        debug_info: { host: HOST, build_number: 10, approximate_connection_time: 18060 },
        connection_info: { app_id: this.state.id.appId },
      }),
    );
    for (const envelope of this.queued.splice(0)) this.send(ws, envelope);
  }

  private onMessage(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown } | undefined;
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      message = undefined;
    }
    const id = typeof message?.envelope_id === 'string' ? message.envelope_id : undefined;
    const resolve = id === undefined ? undefined : this.waiting.get(id);
    if (!id || !resolve) {
      this.stray.push(text);
      return;
    }
    const payload = message?.payload;
    const ack: SocketAck = { envelope_id: id, at: Date.now(), ...(isRecord(payload) ? { payload } : {}) };
    this.acks.push(ack);
    this.waiting.delete(id);
    resolve(ack);
  }

  private envelope(type: EnvelopeType, payload: Record<string, unknown>, opts: DeliverOptions): SocketEnvelope {
    const envelope: SocketEnvelope = { envelope_id: randomUUID(), type, payload, accepts_response_payload: acceptsResponse(type, payload) };
    if (type === 'events_api') Object.assign(envelope, { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? '' });
    return envelope;
  }

  private send(ws: WebSocket, envelope: SocketEnvelope): void {
    this.envelopes.push(envelope);
    ws.send(JSON.stringify(envelope));
  }
}

function acceptsResponse(type: EnvelopeType, payload: Record<string, unknown>): boolean {
  if (type === 'slash_commands') return true;
  return type === 'interactive' && ANSWERABLE_INTERACTIONS.has(String(payload.type));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
