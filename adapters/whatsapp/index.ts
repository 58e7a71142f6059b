/**
 * WhatsApp (Meta's Cloud API) as one adapter: the composition root (src/bridge.ts) builds it from its config and
 * takes what the core needs from it (the ports of src/domain/ports/whatsapp.ts) and the routes it mounts on the
 * HTTP server. Everything Meta-specific stays in this folder: the webhook's protocol, the Graph API, its errors.
 */
import type { Registry } from 'prom-client';
import type { AdapterRoutes } from '../../src/domain/ports/http';
import type { ApiCallObserver } from '../../src/domain/ports/telemetry';
import type {
  TemplateSource,
  WhatsAppAccountEvents,
  WhatsAppInbound,
  WhatsAppMedia,
  WhatsAppSender,
  WhatsAppTokenCheck,
  WhatsAppTokenWatch,
} from '../../src/domain/ports/whatsapp';
import type { Logger } from '../../src/logger';
import { NOTICE_FIELDS, templateEventInfo } from './account-events';
import { observed, type GraphObserver } from './api-metrics';
import { explainWhatsAppError } from './errors';
import { GraphClient } from './graph-client';
import { WhatsAppMediaClient } from './media-client';
import { webhookMetrics } from './metrics';
import { TemplatesApi } from './templates-api';
import { webhookRoutes } from './webhook';
import type { WhatsAppSettings } from './config';

/** The settings of adapters/whatsapp/config.ts, and what tests tune. */
export type WhatsAppConfig = WhatsAppSettings & {
  /** Templates asked for per page of the list (tests make it small to cover paging). */
  templatePageSize?: number;
  /** The webhook's body limit (default WHATSAPP_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
};

export interface WhatsAppAdapterDeps {
  /** Where a verified, decoded webhook goes; the webhook is acknowledged once it resolves. */
  inbound: WhatsAppInbound;
  /** Bounds the webhook's wait for `inbound` while the database is down (src/http/app.ts `whileDatabaseAnswers`). */
  whileDatabaseAnswers<T>(work: Promise<T>): Promise<T>;
  /** The bridge's Prometheus registry: the webhook's counters are added to it. */
  metrics: Registry;
  /** Each Graph call's duration and outcome (the upstream histogram, the platform's health). */
  apiCalls?: ApiCallObserver;
  /** Told when Meta refuses or takes an access token, on any call (the core's "token refused" incident). */
  tokens?: WhatsAppTokenWatch;
  log: Logger;
}

export interface WhatsAppAdapter {
  /** Meta's webhook: `GET /webhooks/whatsapp` (verification) and `POST /webhooks/whatsapp` (signed events). */
  routes: AdapterRoutes;
  /** Texts and templates. */
  sender: WhatsAppSender;
  /** Files both ways, and reactions. */
  media: WhatsAppMedia;
  /** The template list of a WhatsApp Business Account. */
  templates: TemplateSource;
  /** How to read the account events the webhook decodes. */
  accountEvents: WhatsAppAccountEvents;
  /** Whether Meta takes a number's token (a cheap read): the "token refused" incident's probe. */
  tokenCheck: WhatsAppTokenCheck;
}

export function createWhatsAppAdapter(config: WhatsAppConfig, deps: WhatsAppAdapterDeps): WhatsAppAdapter {
  const graphAt = { baseUrl: config.graphApiUrl, version: config.graphApiVersion };
  const graph = new GraphClient(graphAt);
  const templatesApi = new TemplatesApi(graph, { pageSize: config.templatePageSize });
  const mediaClient = new WhatsAppMediaClient(graph, graphAt);
  const o: GraphObserver = { apiCalls: deps.apiCalls, tokens: deps.tokens };
  return {
    routes: webhookRoutes(
      { verifyToken: config.verifyToken, appSecrets: [config.appSecret], maxBodyBytes: config.maxBodyBytes },
      { inbound: deps.inbound, whileDatabaseAnswers: deps.whileDatabaseAnswers, metrics: webhookMetrics(deps.metrics), log: deps.log },
    ),
    sender: {
      sendText: observed('send_text', o, (account, to, text, replyTo) => graph.sendText(account, to, text, replyTo)),
      sendButtons: observed('send_buttons', o, (account, to, message) => graph.sendButtons(account, to, message)),
      sendList: observed('send_list', o, (account, to, message) => graph.sendList(account, to, message)),
      sendTemplate: observed('send_template', o, (account, to, template) => templatesApi.send(account, to, template)),
      explain: explainWhatsAppError,
    },
    media: {
      download: observed('media_download', o, (account, id, hint) => mediaClient.download(account, id, hint)),
      upload: observed('media_upload', o, (account, file) => mediaClient.upload(account, file)),
      sendMedia: observed('send_media', o, (account, to, media) => mediaClient.sendMedia(account, to, media)),
      sendReaction: observed('send_reaction', o, (account, to, wamid, emoji) => mediaClient.sendReaction(account, to, wamid, emoji)),
    },
    templates: { list: observed('list_templates', o, (account, wabaId) => templatesApi.list(account, wabaId)) },
    accountEvents: { noticeFields: NOTICE_FIELDS, templateEventInfo },
    tokenCheck: { check: observed('check_token', o, (account) => graph.checkToken(account)) },
  };
}

/**
 * What the admin CLI's own processes use (src/cli/commands: composition roots like src/bridge.ts): the webhook
 * route's decoding, to replay stored webhooks, and the Graph client with the template submission.
 */
export { decodeWebhook } from './normalize';
export { GraphClient } from './graph-client';
export { createTemplate } from './template-create';
