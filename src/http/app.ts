/**
 * The one express server: health, readiness and metrics, and the routes each adapter hands over (`mount`: Meta's
 * webhook from adapters/whatsapp; Slack's Bolt receiver on `chatRoutes`), all before the final 404 and error
 * handlers. No global body parser: each adapter route's body is read by `limitedBody` under the limit the adapter
 * declared (enforced before anything is buffered), and reaches the route as the raw bytes (a signature is computed
 * over them; Bolt reads the bytes we buffered).
 */
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { AdapterRoutes } from '../domain/ports/http';
import type { Logger } from '../logger';
import { limitedBody } from './body-limit';
import { unlessDatabaseDown, withDeadline, type OutageGuard } from './deadline';
import { addErrorHandler } from './errors';
import type { Metrics } from './metrics';

export { addErrorHandler } from './errors';

export interface HttpTimings {
  /** A route waiting for the database asks it for a ping after this long without an answer… */
  probeAfterMs: number;
  /** …and gives up (the webhook is answered 503) when the ping is not answered within this (Meta redelivers; ingest is idempotent). */
  probeTimeoutMs: number;
  /** Longest a route waits for a database that does answer pings. */
  maxIngestMs: number;
  /** /readyz answers by then whatever the checks do. */
  readyMs: number;
}

/**
 * 250 + 600 ms: a webhook that arrives while the database is down is answered 503 within a second (issue 9),
 * while a database that is merely slow (it answers the ping) is waited for.
 */
export const DEFAULT_TIMINGS: HttpTimings = { probeAfterMs: 250, probeTimeoutMs: 600, maxIngestMs: 15_000, readyMs: 900 };

/** Slack's own payloads are small (events, commands, interactivity with a view: a few tens of KB); 1 MB is a wide margin. */
export const SLACK_MAX_BODY_BYTES = 1024 * 1024;

export interface HttpDeps {
  /** A cheap database round trip (a ping), used to tell a dead database from a slow one. */
  pingDatabase(): Promise<void>;
  /**
   * `ok` (the HTTP status: 200 or 503) says whether webhooks can be taken (the database answers); the rest of the body
   * says how each side is doing (src/http/readiness.ts), so a chat-side outage never takes the webhook out of rotation.
   */
  ready(): Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  metrics: Metrics;
  log: Logger;
  slackMaxBodyBytes?: number;
  timings?: Partial<HttpTimings>;
}

export interface HttpApp {
  app: Express;
  /** Mounts an adapter's routes behind the body limits it declared (before the final 404 and error handlers). */
  mount(routes: AdapterRoutes): void;
  /** Where chat adapters that mount late (Slack's Bolt receiver, once Slack answers) add their routes. */
  chatRoutes: Express;
  /**
   * Waits for `work` (an adapter route's writes) while the database answers pings; rejects (DeadlineExceeded) as
   * soon as a ping goes unanswered, or after `maxIngestMs`. The route then answers "retry later" (deadline.ts).
   */
  whileDatabaseAnswers<T>(work: Promise<T>): Promise<T>;
}

export function createHttpApp(deps: HttpDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  const log = deps.log;
  const t: HttpTimings = { ...DEFAULT_TIMINGS, ...deps.timings };
  const guard: OutageGuard = { probeAfterMs: t.probeAfterMs, probeTimeoutMs: t.probeTimeoutMs, maxMs: t.maxIngestMs, probe: () => deps.pingDatabase() };

  // Adapters' routes, each behind its body limits; `mount` adds to this router after start-up has built the app.
  const adapterRoutes = express.Router();
  app.use(adapterRoutes);
  // A route that receives events is timed from its first byte (before the body is read) to its answer: the ack latency
  // Meta measures (median ≤ 250 ms, < 1 % over 1 s).
  const timeAck =
    (route: string): RequestHandler =>
    (req, res, next) => {
      if (req.method !== 'POST') return next();
      const started = process.hrtime.bigint();
      res.once('finish', () => deps.metrics.webhookAck.observe({ route, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9));
      next();
    };
  const mount = (routes: AdapterRoutes) => {
    for (const limit of routes.bodyLimits) {
      adapterRoutes.all(limit.path, timeAck(limit.path));
      const read = limitedBody(limit.maxBytes);
      adapterRoutes.all(limit.path, (req, res, next) => (!limit.method || req.method === limit.method ? read(req, res, next) : next()));
    }
    adapterRoutes.use(routes.router);
  };

  // Slack: the body is read here, under the limit, before Bolt verifies its signature (see body-limit.ts).
  app.use('/slack/events', timeAck('/slack/events'), limitedBody(deps.slackMaxBodyBytes ?? SLACK_MAX_BODY_BYTES));
  const chatRoutes = express();
  chatRoutes.disable('x-powered-by');
  app.use(chatRoutes);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.get('/readyz', async (_req, res) => {
    const r = await withDeadline(deps.ready(), t.readyMs, 'the readiness checks').catch((err: Error) => {
      // Almost always the database (mongoose buffers commands while it is away).
      log.warn({ err }, 'readiness checks did not answer in time');
      return { ok: false, checks: { database: false }, error: 'readiness checks did not answer in time' };
    });
    res.status(r.ok ? 200 : 503).json(r);
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  app.use((_req: Request, res: Response, _next: NextFunction) => {
    res.status(404).json({ error: 'not found' });
  });
  addErrorHandler(app, log);
  return { app, mount, chatRoutes, whileDatabaseAnswers: (work) => unlessDatabaseDown(work, guard) };
}
