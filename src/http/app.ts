/**
 * The one express server: Meta's webhook, health, metrics; chat adapters mount their own routes (Slack's Bolt
 * receiver) on `chatRoutes`, which sits before the final 404 and error handlers. No global body parser: each
 * route reads its body through `limitedBody` (a limit enforced before anything is buffered), the WhatsApp route
 * keeps the raw bytes for its signature, and Bolt reads the bytes we buffered.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logger';
import type { WhatsAppEvent } from '../domain/whatsapp';
import { limitedBody, rawBodyOf } from './body-limit';
import { unlessDatabaseDown, withDeadline, type OutageGuard } from './deadline';
import { addErrorHandler } from './errors';
import type { Metrics } from './metrics';

export { addErrorHandler } from './errors';

/** An event of a webhook that could not be decoded: kept raw, counted, logged; its siblings go on. */
export interface QuarantinedEvent {
  /** A short code (the metric's label). */
  code: string;
  /** A line for the log; never the event's text. */
  reason: string;
  /** The event as it came. */
  event: unknown;
}

export interface WebhookDecoder {
  verifySignature(rawBody: Buffer, signatureHeader: string | undefined): boolean;
  decode(rawBody: Buffer): { ok: true; events: WhatsAppEvent[]; warnings: string[]; quarantined: QuarantinedEvent[] } | { ok: false; reason: string };
}

export interface HttpTimings {
  /** The webhook route asks the database for a ping after this long without an answer… */
  probeAfterMs: number;
  /** …and answers 503 when the ping is not answered within this (Meta redelivers; ingest is idempotent). */
  probeTimeoutMs: number;
  /** Longest a webhook waits for a database that does answer pings. */
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
/** Meta sends up to 3 MB; a little headroom, and anything larger is refused with 413. */
export const WHATSAPP_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** What Meta is told to wait before redelivering (it follows its own schedule anyway). */
const RETRY_AFTER_SECONDS = '10';

export interface HttpDeps {
  verifyToken: string;
  decoder: WebhookDecoder;
  /** Persists the events and their deliveries; the webhook is answered only after it resolves. */
  ingest(rawBody: string, events: WhatsAppEvent[]): Promise<void>;
  /** Keeps the events that could not be decoded (their raw form); the webhook is answered only after it resolves. */
  quarantine(items: QuarantinedEvent[]): Promise<void>;
  /** A cheap database round trip (a ping), used to tell a dead database from a slow one. */
  pingDatabase(): Promise<void>;
  ready(): Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  metrics: Metrics;
  log: Logger;
  maxBodyBytes?: number;
  slackMaxBodyBytes?: number;
  timings?: Partial<HttpTimings>;
}

export interface HttpApp {
  app: Express;
  /** Where chat adapters mount their routes (before the final 404 and error handlers). */
  chatRoutes: Express;
}

export function createHttpApp(deps: HttpDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  const log = deps.log;
  const t: HttpTimings = { ...DEFAULT_TIMINGS, ...deps.timings };
  const guard: OutageGuard = { probeAfterMs: t.probeAfterMs, probeTimeoutMs: t.probeTimeoutMs, maxMs: t.maxIngestMs, probe: () => deps.pingDatabase() };

  app.get('/webhooks/whatsapp', (req: Request, res: Response) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && token === deps.verifyToken && typeof challenge === 'string') {
      log.info('Meta webhook verification succeeded');
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    log.warn({ mode }, 'Meta webhook verification refused: hub.verify_token does not match WHATSAPP_VERIFY_TOKEN');
    res.status(403).json({ error: 'verification refused' });
  });

  app.post('/webhooks/whatsapp', limitedBody(deps.maxBodyBytes ?? WHATSAPP_MAX_BODY_BYTES), async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    if (!deps.decoder.verifySignature(raw, req.header('x-hub-signature-256'))) {
      deps.metrics.webhooks.inc({ result: 'bad_signature' });
      log.warn(
        { hasSignature: Boolean(req.header('x-hub-signature-256')) },
        'WhatsApp webhook refused: X-Hub-Signature-256 does not match WHATSAPP_APP_SECRET',
      );
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const decoded = deps.decoder.decode(raw);
    if (!decoded.ok) {
      deps.metrics.webhooks.inc({ result: 'bad_request' });
      log.warn({ reason: decoded.reason }, 'WhatsApp webhook refused');
      res.status(400).json({ error: decoded.reason });
      return;
    }
    for (const w of decoded.warnings) log.warn(w);
    try {
      // The good events and the quarantined ones are both durable before the 200: nothing acknowledged is lost.
      const stored = Promise.all([
        deps.ingest(raw.toString('utf8'), decoded.events),
        decoded.quarantined.length ? deps.quarantine(decoded.quarantined) : undefined,
      ]);
      await unlessDatabaseDown(stored, guard);
    } catch (err) {
      // Not acknowledged: Meta delivers it again later, and nothing half-stored is lost (ingest is idempotent;
      // a write that lands after this answer makes the redelivery a no-op).
      deps.metrics.webhooks.inc({ result: 'error' });
      log.error({ err }, 'WhatsApp webhook could not be stored; answered 503, Meta will retry');
      res.status(503).set('Retry-After', RETRY_AFTER_SECONDS).json({ error: 'could not store the events; retry later' });
      return;
    }
    for (const q of decoded.quarantined) {
      deps.metrics.quarantined.inc({ reason: q.code });
      log.warn({ code: q.code }, `WhatsApp webhook event quarantined (its siblings were stored): ${q.reason}`);
    }
    for (const e of decoded.events) deps.metrics.events.inc({ type: e.type });
    deps.metrics.webhooks.inc({ result: 'ok' });
    res.sendStatus(200);
  });

  // Slack: the body is read here, under the limit, before Bolt verifies its signature (see body-limit.ts).
  app.use('/slack/events', limitedBody(deps.slackMaxBodyBytes ?? SLACK_MAX_BODY_BYTES));
  const chatRoutes = express();
  chatRoutes.disable('x-powered-by');
  app.use(chatRoutes);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.get('/readyz', async (_req, res) => {
    const r = await withDeadline(deps.ready(), t.readyMs, 'the readiness checks').catch((err: Error) => {
      // Almost always the database (mongoose buffers commands while it is away).
      log.warn({ err: err.message }, 'readiness checks did not answer in time');
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
  return { app, chatRoutes };
}
