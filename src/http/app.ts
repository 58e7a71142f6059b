/**
 * The one express server: Meta's webhook, health, metrics; adapters mount their own routes (Slack's
 * Bolt receiver) through `mount`. No global body parser: the WhatsApp route keeps the raw bytes for its
 * signature, and Bolt reads its own body.
 */
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from '../logger';
import type { WhatsAppEvent } from '../domain/whatsapp';
import type { Metrics } from './metrics';

export interface WebhookDecoder {
  verifySignature(rawBody: Buffer, signatureHeader: string | undefined): boolean;
  decode(rawBody: Buffer): { ok: true; events: WhatsAppEvent[]; warnings: string[] } | { ok: false; reason: string };
}

export interface HttpDeps {
  verifyToken: string;
  decoder: WebhookDecoder;
  /** Persists the events and their deliveries; the webhook is answered only after it resolves. */
  ingest(rawBody: string, events: WhatsAppEvent[]): Promise<void>;
  ready(): Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  metrics: Metrics;
  log: Logger;
  /** Meta sends up to 3 MB; a little headroom, and anything larger is refused with 413. */
  maxBodyBytes?: number;
}

export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  const log = deps.log;

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
    res.sendStatus(403);
  });

  app.post(
    '/webhooks/whatsapp',
    express.raw({ type: () => true, limit: deps.maxBodyBytes ?? 4 * 1024 * 1024 }),
    async (req: Request, res: Response) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!deps.decoder.verifySignature(raw, req.header('x-hub-signature-256'))) {
        deps.metrics.webhooks.inc({ result: 'bad_signature' });
        log.warn({ hasSignature: Boolean(req.header('x-hub-signature-256')) }, 'WhatsApp webhook refused: X-Hub-Signature-256 does not match WHATSAPP_APP_SECRET');
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
        await deps.ingest(raw.toString('utf8'), decoded.events);
      } catch (err) {
        // Not acknowledged: Meta delivers it again later, and nothing half-stored is lost (ingest is idempotent).
        deps.metrics.webhooks.inc({ result: 'error' });
        log.error({ err }, 'WhatsApp webhook could not be stored; Meta will retry');
        res.status(500).json({ error: 'could not store the events; retry later' });
        return;
      }
      for (const e of decoded.events) deps.metrics.events.inc({ type: e.type });
      deps.metrics.webhooks.inc({ result: 'ok' });
      res.sendStatus(200);
    },
  );

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.get('/readyz', async (_req, res) => {
    const r = await deps.ready();
    res.status(r.ok ? 200 : 503).json(r);
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  return app;
}

/** Body-parser errors (too large, aborted) as clear statuses instead of express's HTML page. */
export function addErrorHandler(app: Express, log: Logger): void {
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: unknown) => {
    const status = err.status && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) log.error({ err }, 'request failed');
    else log.warn({ status, type: err.type }, `request refused: ${err.message}`);
    res.status(status).json({ error: err.type === 'entity.too.large' ? 'payload too large' : (err.message ?? 'error') });
  });
}
