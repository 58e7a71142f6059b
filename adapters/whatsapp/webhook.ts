/**
 * Meta's webhook on our HTTP server: the verification handshake (GET) and the signed events (POST). Meta's
 * "Webhooks: Getting Started" page describes both: the GET echoes `hub.challenge` when `hub.verify_token` is ours,
 * and every POST carries `X-Hub-Signature-256`, an HMAC-SHA256 of the exact bytes sent (signature.ts). A POST is
 * acknowledged only once its events are durable (WhatsAppInbound); Meta redelivers anything not answered 200.
 */
import { Router, type Request, type Response } from 'express';
import type { AdapterRoutes } from '../../src/domain/ports/http';
import type { WhatsAppInbound } from '../../src/domain/ports/whatsapp';
import type { Logger } from '../../src/logger';
import { quarantineRecord } from './bounds';
import type { WebhookMetrics } from './metrics';
import { decodeWebhook } from './normalize';
import { isValidMetaSignature } from './signature';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
/** Meta sends up to 3 MB; a little headroom, and anything larger is refused with 413. */
export const WHATSAPP_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** What Meta is told to wait before redelivering (it follows its own schedule anyway). */
const RETRY_AFTER_SECONDS = '10';
const SIGNATURE_HEADER = 'x-hub-signature-256';

export interface WebhookOptions {
  /** WHATSAPP_VERIFY_TOKEN: what Meta's verification request must carry. */
  verifyToken: string;
  /** WHATSAPP_APP_SECRET (several are accepted: accounts in different Meta apps). */
  appSecrets: string[];
  maxBodyBytes?: number;
}

export interface WebhookDeps {
  inbound: WhatsAppInbound;
  /**
   * Waits for the inbound writes while the database answers; rejects as soon as it is known to be down, so the
   * webhook is answered 503 within a second instead of waiting for mongoose's buffer (src/http/deadline.ts).
   */
  whileDatabaseAnswers<T>(work: Promise<T>): Promise<T>;
  metrics: WebhookMetrics;
  log: Logger;
}

/** The bytes the server's body limit buffered (src/domain/ports/http.ts): the signature is computed over them. */
const rawBodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

export function webhookRoutes(opts: WebhookOptions, deps: WebhookDeps): AdapterRoutes {
  const { inbound, metrics, log } = deps;
  const router = Router();

  router.get(WEBHOOK_PATH, (req: Request, res: Response) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && token === opts.verifyToken && typeof challenge === 'string') {
      log.info('Meta webhook verification succeeded');
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    log.warn({ mode }, 'Meta webhook verification refused: hub.verify_token does not match WHATSAPP_VERIFY_TOKEN');
    res.status(403).json({ error: 'verification refused' });
  });

  router.post(WEBHOOK_PATH, async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    const signature = req.header(SIGNATURE_HEADER);
    if (!isValidMetaSignature(raw, signature, opts.appSecrets)) {
      metrics.webhooks.inc({ result: 'bad_signature' });
      log.warn({ hasSignature: Boolean(signature) }, 'WhatsApp webhook refused: X-Hub-Signature-256 does not match WHATSAPP_APP_SECRET');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const decoded = decodeWebhook(raw);
    if (!decoded.ok) {
      metrics.webhooks.inc({ result: 'bad_request' });
      log.warn({ reason: decoded.reason }, 'WhatsApp webhook refused');
      res.status(400).json({ error: decoded.reason });
      return;
    }
    const { events, warnings, quarantined } = decoded.normalized;
    for (const w of warnings) log.warn(w);
    try {
      // The good events and the quarantined ones are both durable before the 200: nothing acknowledged is lost.
      const stored = Promise.all([
        inbound.events(raw.toString('utf8'), events),
        quarantined.length ? inbound.quarantine(quarantined.map(quarantineRecord)) : undefined,
      ]);
      await deps.whileDatabaseAnswers(stored);
    } catch (err) {
      // Not acknowledged: Meta delivers it again later, and nothing half-stored is lost (ingest is idempotent;
      // a write that lands after this answer makes the redelivery a no-op).
      metrics.webhooks.inc({ result: 'error' });
      log.error({ err }, 'WhatsApp webhook could not be stored; answered 503, Meta will retry');
      res.status(503).set('Retry-After', RETRY_AFTER_SECONDS).json({ error: 'could not store the events; retry later' });
      return;
    }
    for (const q of quarantined) {
      metrics.quarantined.inc({ reason: q.code });
      log.warn({ code: q.code }, `WhatsApp webhook event quarantined (its siblings were stored): ${q.reason}`);
    }
    for (const e of events) metrics.events.inc({ type: e.type });
    metrics.webhooks.inc({ result: 'ok' });
    // What `res.sendStatus(200)` answers, without express's ETag and send() work: this is every webhook's hot path.
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('OK');
  });

  return { bodyLimits: [{ method: 'POST', path: WEBHOOK_PATH, maxBytes: opts.maxBodyBytes ?? WHATSAPP_MAX_BODY_BYTES }], router };
}
