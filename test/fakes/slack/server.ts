/**
 * The HTTP side of the fake Slack Web API: one local port, the router for its endpoints, the Web API call
 * pipeline (record → scripted fault → token check → method handler), and the response_url endpoint.
 * Method handlers come from chat.ts, users.ts, views.ts and files.ts; Socket Mode (apps.connections.open and the
 * WebSocket upgrade on the same port) from socket-mode.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatMethods } from './chat';
import { fileMethods, onFileDownload, onUpload } from './files';
import { SocketModeServer } from './socket-mode';
import type { SlackState } from './state';
import type { Args, FaultSpec, MethodHandler, RecordedCall, RecordedResponse, UploadTiming } from './types';
import { userMethods } from './users';
import { viewMethods } from './views';
import { parseArgs, readBody, sendFaultStatus, sendHtml, sendJson, sendText, tryParseJson } from './wire';

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Slack</title></head><body><h1>Sign in to Slack</h1></body></html>';

interface PendingFault extends FaultSpec {
  remaining: number;
}

export class SlackServer {
  /** Every Web API call received, faulted ones included, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Bodies POSTed to response_urls (what Bolt's respond() sends). */
  readonly responses: RecordedResponse[] = [];
  /** Uploads to the upload URL, with when their first and last bytes arrived. */
  readonly uploadTimings: UploadTiming[] = [];
  faults: PendingFault[] = [];
  readonly socketMode: SocketModeServer;

  private readonly server: http.Server;
  private port = 0;
  private readonly handlers: Record<string, MethodHandler>;
  private readonly responseUrlIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly state: SlackState) {
    this.socketMode = new SocketModeServer(state);
    this.handlers = {
      ...userMethods(state),
      ...chatMethods(state),
      ...viewMethods(state),
      ...fileMethods(state),
      'apps.connections.open': () => this.socketMode.openConnection(),
    };
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => sendText(res, 500, `fake slack error: ${String(err)}`));
    });
    this.server.on('upgrade', (req, socket, head) => this.socketMode.handleUpgrade(req, socket, head));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Base URL of this fake, without trailing slash. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socketMode.close();
    // Hanging requests would otherwise keep close() waiting forever.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A URL on this fake that records JSON POSTed to it, like Slack's response_url. */
  newResponseUrl(): string {
    const id = String(this.state.nextSeq());
    this.responseUrlIds.add(id);
    return `${this.baseUrl}/response/${id}`;
  }

  // ---------------------------------------------------------------- HTTP routing

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname;
    const timing = req.method === 'POST' && path.startsWith('/upload/v1/') ? this.timeUpload(req, path.slice('/upload/v1/'.length)) : undefined;
    const body = await readBody(req);
    if (timing) timing.lastByteAt = Date.now();
    if (req.method === 'POST' && path.startsWith('/api/')) return this.onApiCall(path.slice('/api/'.length), req, body, res);
    if (req.method === 'POST' && path.startsWith('/upload/v1/')) return onUpload(this.state, path.slice('/upload/v1/'.length), req, body, res);
    if (req.method === 'POST' && path.startsWith('/response/')) return this.onResponseUrl(url, req, body, res);
    if (req.method === 'GET' && path.startsWith('/files-pri/')) return onFileDownload(this.state, url, req, res);
    if (req.method === 'GET' && path === '/signin') return sendHtml(res, 200, LOGIN_PAGE);
    sendText(res, 404, 'Not Found');
  }

  private async onApiCall(method: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const args = parseArgs(req.headers['content-type'], body);
    this.calls.push({ method, args: args ?? {}, headers: req.headers, at: Date.now() });
    const fault = this.takeFault(method);
    if (fault?.hangMs) await this.sleep(fault.hangMs);
    if (fault?.hangUntil) await fault.hangUntil;
    if (res.destroyed) return; // the client gave up (timeout simulation)
    if (fault?.status) return sendFaultStatus(res, fault);
    if (fault?.error) return sendJson(res, 200, { ok: false, error: fault.error });
    if (args === undefined) return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    const authError = this.authError(method, req, args);
    if (authError) return sendJson(res, 200, { ok: false, error: authError });
    const handler = this.handlers[method];
    // Slack names the token's scopes in the `x-oauth-scopes` header of Web API responses; @slack/web-api reads it into
    // response_metadata.scopes (WebClient.ts buildResult; docs.slack.dev …/web-api/interfaces/WebAPICallResult).
    sendJson(res, 200, handler ? handler(args) : { ok: false, error: 'unknown_method' }, { 'x-oauth-scopes': this.state.scopes.join(',') });
  }

  private onResponseUrl(url: URL, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const id = url.pathname.slice('/response/'.length);
    if (!this.responseUrlIds.has(id)) return sendText(res, 404, 'Not Found');
    const text = body.toString('utf8');
    this.responses.push({ url: url.toString(), body: tryParseJson(text) ?? text, headers: req.headers, at: Date.now() });
    sendJson(res, 200, { ok: true });
  }

  private timeUpload(req: http.IncomingMessage, fileId: string): UploadTiming {
    const timing: UploadTiming = { fileId, firstByteAt: 0, lastByteAt: 0, bytes: 0 };
    req.on('data', (chunk: Buffer) => {
      if (!timing.firstByteAt) timing.firstByteAt = Date.now();
      timing.bytes += chunk.length;
    });
    this.uploadTimings.push(timing);
    return timing;
  }

  /** FIFO: the oldest fault that matches this method is consumed first. */
  private takeFault(method: string): PendingFault | undefined {
    const fault = this.faults.find((f) => f.method === undefined || f.method === method);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /**
   * Slack accepts the token as a Bearer header or as a `token` argument. apps.connections.open takes the app-level
   * token, in the header only (its reference page); the other methods take the bot token, and refuse an app-level
   * one with Slack's common error `not_allowed_token_type`.
   */
  private authError(method: string, req: http.IncomingMessage, args: Args): string | undefined {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    const token = bearer ?? args.token;
    if (!token) return 'not_authed';
    const { botToken, appToken } = this.state.id;
    if (method === 'apps.connections.open') {
      if (!bearer) return 'not_authed';
      if (bearer === botToken) return 'not_allowed_token_type';
      return bearer === appToken ? undefined : 'invalid_auth';
    }
    if (token === appToken) return 'not_allowed_token_type';
    return token === botToken ? undefined : 'invalid_auth';
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
