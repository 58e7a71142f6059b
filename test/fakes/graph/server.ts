/**
 * The HTTP side of the fake Graph API: one local port, the request pipeline (read → record → scripted fault →
 * token and version checks → route) and chunked writing for slow downloads. Faults (fail / hang / drop) share
 * one FIFO queue: each request consumes the first queued fault whose `path` matches it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { appSubscriptions, debugToken, describePhoneNumber, expiredTokenReply, listPhoneNumbers, listSubscribedApps } from './account';
import { failureReply, invalidTokenReply, metaError, unsupportedRequest } from './errors';
import { deleteMedia, describeMedia, downloadMedia, uploadMedia } from './media';
import { postMessage } from './messages';
import type { GraphState } from './state';
import { createTemplate, listTemplates } from './templates';
import type { Fault, Reply, RequestContext } from './types';
import { parseJsonBody, send } from './wire';

export class GraphServer {
  readonly faults: Fault[] = [];
  private readonly server = http.createServer();
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;

  constructor(private readonly state: GraphState) {
    this.server.on('request', (req, res) => void this.handle(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Base URL without trailing slash; the bridge appends `/{version}/...`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Keep-alive sockets (undici pools them) would otherwise hold server.close() open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const ctx = await this.readRequest(req);
      this.record(ctx);
      const fault = this.takeFault(ctx.path);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'hang') await this.sleep(fault.ms);
      this.state.lastWamid = undefined;
      const reply = fault?.kind === 'fail' ? failureReply(fault.spec) : this.route(ctx);
      const accepted = this.state.lastWamid;
      if (accepted && this.state.beforeSendResponse) await this.state.beforeSendResponse(accepted);
      if (reply.chunks && reply.bytes) return await this.sendChunked(res, reply);
      send(res, reply);
    } catch (err) {
      send(res, metaError(500, 1, `An unknown error occurred: ${(err as Error).message}`));
    }
  }

  private async readRequest(req: http.IncomingMessage): Promise<RequestContext> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    return {
      req,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawBody,
      json: parseJsonBody(req, rawBody),
    };
  }

  private record(ctx: RequestContext): void {
    this.state.calls.push({
      method: ctx.method,
      path: ctx.path,
      query: ctx.query,
      headers: ctx.req.headers,
      body: ctx.json !== undefined ? ctx.json : ctx.rawBody.toString('utf8'),
    });
  }

  private async sendChunked(res: http.ServerResponse, reply: Reply): Promise<void> {
    const { bytes: size, delayMs, done } = reply.chunks!;
    res.writeHead(reply.status, reply.headers);
    for (let offset = 0; offset < reply.bytes!.length && !res.destroyed; offset += size) {
      if (offset > 0) await this.sleep(delayMs);
      const more = res.write(reply.bytes!.subarray(offset, offset + size));
      if (!more && !res.destroyed) await new Promise((r) => res.once('drain', r));
    }
    res.end(() => done());
  }

  private takeFault(path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => !f.path || f.path.test(path));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
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

  private route(ctx: RequestContext): Reply {
    const [, appId, appEdge] = ctx.path.split('/').filter(Boolean);
    // The app access token (`app-id|app-secret`) is accepted on the app's own subscriptions edge only.
    if (ctx.method === 'GET' && appEdge === 'subscriptions' && ctx.req.headers.authorization === `Bearer ${this.state.app.id}|${this.state.app.secret}`)
      return appSubscriptions(this.state, appId ?? '');
    if (!this.isAuthorized(ctx.req)) return invalidTokenReply();
    if (this.state.tokenExpired) return expiredTokenReply();
    if (ctx.method === 'GET' && ctx.path === '/whatsapp_business/attachments/') {
      return downloadMedia(this.state, ctx.query.mid ?? '');
    }
    const segments = ctx.path.split('/').filter(Boolean);
    const [version, id, edge, ...rest] = segments;
    if (!version || !id || rest.length > 0 || !this.isKnownVersion(version)) {
      return unsupportedRequest(ctx.method, id ?? '');
    }
    return this.routeGraph(ctx, version, id, edge);
  }

  private routeGraph(ctx: RequestContext, version: string, id: string, edge: string | undefined): Reply {
    // Requests on the object itself (GET/DELETE /{mediaId}) have no edge.
    const key = `${ctx.method} ${edge ?? '(node)'}`;
    switch (key) {
      case 'POST messages':
        return postMessage(this.state, ctx.json);
      case 'POST media':
        return uploadMedia(this.state, ctx, id);
      case 'GET message_templates':
        return listTemplates(this.state, version, id, ctx.query);
      case 'POST message_templates':
        return createTemplate(this.state, id, ctx.json);
      case 'GET phone_numbers':
        return listPhoneNumbers(this.state, id);
      case 'GET subscribed_apps':
        return listSubscribedApps(this.state, id);
      case 'GET (node)':
        if (id === 'debug_token') return debugToken(this.state, ctx.query);
        return describePhoneNumber(this.state, id, ctx.query) ?? describeMedia(this.state, id);
      case 'DELETE (node)':
        return deleteMedia(this.state, id);
      default:
        return unsupportedRequest(ctx.method, id);
    }
  }

  private isAuthorized(req: http.IncomingMessage): boolean {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    return scheme === 'Bearer' && token !== undefined && this.state.validTokens.has(token);
  }

  private isKnownVersion(version: string): boolean {
    return this.state.requiredVersion ? version === this.state.requiredVersion : /^v\d+\.\d+$/.test(version);
  }
}
