/**
 * `doctor` for one WhatsApp business number: Odoo's "Test Connection" and more, over the same GraphClient the bridge
 * sends with. In order: the token (debug_token), the number (status, quality, limit, Live), the account (WABA) and its
 * app subscription, the app's webhook, and what to paste into Meta's webhook settings. A refused token stops the
 * list there: every later call would only fail the same way.
 */
import type { DoctorCheck } from '../../../src/domain/doctor';
import { GraphClient } from '../graph-client';
import { checkSubscribedApp, checkWebhookFields, webhookToPaste } from './app';
import { bindAccount, checkNumber, checkWaba } from './number';
import { checkToken } from './token';

export { faqEntry } from './faq';

export interface WhatsAppDoctorConfig {
  graphApiUrl: string;
  graphApiVersion: string;
  appSecret: string;
  verifyToken: string;
}

export interface WhatsAppDoctorAccount {
  phoneNumberId: string;
  businessAccountId?: string;
  accessToken: string;
}

/** Each Graph call of a check gives up after this (the CLI must end; `/wa doctor` must answer). */
const TIMEOUT_MS = 10_000;

export async function whatsAppDoctor(config: WhatsAppDoctorConfig, account: WhatsAppDoctorAccount, now = Date.now()): Promise<DoctorCheck[]> {
  const graph = new GraphClient({ baseUrl: config.graphApiUrl, version: config.graphApiVersion, timeoutMs: TIMEOUT_MS });
  const bound = bindAccount(graph, { phoneNumberId: account.phoneNumberId, accessToken: account.accessToken });
  const token = await checkToken(bound, now);
  const paste = webhookToPaste(config.verifyToken);
  if (!token.usable) return [...token.checks, paste];
  const wabaId = account.businessAccountId;
  const [number, waba, subscribed, fields] = await Promise.all([
    checkNumber(bound),
    checkWaba(bound, wabaId),
    wabaId ? checkSubscribedApp(bound, wabaId, token.appId) : undefined,
    checkWebhookFields(graph, token.appId, config.appSecret),
  ]);
  return [...token.checks, ...number, waba, ...(subscribed ? [subscribed] : []), fields, paste];
}
