/**
 * Whether Meta sends this account's webhooks to the bridge: the app is subscribed to the WABA
 * (`GET /{waba-id}/subscribed_apps` → `{data:[{whatsapp_business_api_data:{id, name, link}}]}`, Meta's "Manage webhooks"
 * page for solution providers), and the app's webhook subscription names the callback and the fields the bridge reads
 * (`GET /{app-id}/subscriptions` with the app access token `{app-id}|{app-secret}` →
 * `{data:[{object, callback_url, active, fields:[{name, version}]}]}`, Graph API reference "/{app-id}/subscriptions").
 */
import { failed, passed, type DoctorCheck } from '../../../src/domain/doctor';
import type { GraphClient } from '../graph-client';
import { describeGraphError } from './graph-error';
import type { GraphAccountClient } from './number';

/** The webhook fields the bridge needs: customers' messages and statuses, and template approvals (services/templates/status.ts). */
export const REQUIRED_FIELDS = ['messages', 'message_template_status_update'] as const;
export const WEBHOOK_PATH = '/webhooks/whatsapp';

export async function checkSubscribedApp(graph: GraphAccountClient, wabaId: string, appId: string | undefined): Promise<DoctorCheck> {
  const fix = `subscribe the app to the account: curl -X POST -H "Authorization: Bearer $WHATSAPP_ACCESS_TOKEN" <Graph URL>/<version>/${wabaId}/subscribed_apps`;
  let res: { data?: Array<{ whatsapp_business_api_data?: { id?: string; name?: string } }> };
  try {
    res = (await graph.get(`${wabaId}/subscribed_apps`)) as typeof res;
  } catch (err) {
    const { detail, fix: errorFix } = describeGraphError(err);
    return failed('app subscribed to the account', detail, errorFix);
  }
  const apps = (res.data ?? []).map((d) => d.whatsapp_business_api_data ?? {});
  const mine = appId ? apps.find((a) => a.id === appId) : apps[0];
  if (mine) return passed('app subscribed to the account', `${mine.name ?? 'the app'} (${mine.id ?? '?'}) receives ${wabaId}’s webhooks`);
  const others = apps.map((a) => `${a.name ?? '?'} (${a.id ?? '?'})`).join(', ');
  return failed(
    'app subscribed to the account',
    `the app${appId ? ` ${appId}` : ''} is not subscribed to ${wabaId}${others ? ` (subscribed: ${others})` : ''}: Meta sends it no messages`,
    fix,
  );
}

interface AppSubscription {
  object?: string;
  callback_url?: string;
  active?: boolean;
  fields?: Array<{ name?: string } | string>;
}

export async function checkWebhookFields(graph: GraphClient, appId: string | undefined, appSecret: string): Promise<DoctorCheck> {
  const fix = `App Dashboard → WhatsApp → Configuration → Webhook: Edit (callback URL https://<your host>${WEBHOOK_PATH}, the verify token below), then Manage and subscribe to ${REQUIRED_FIELDS.join(', ')}`;
  if (!appId) return failed('webhook fields', 'the app id is unknown (debug_token did not say), so the webhook cannot be read', fix);
  let res: { data?: AppSubscription[] };
  try {
    // The app access token (`app-id|app-secret`, Meta's "Access Tokens" guide): this edge answers only to the app itself.
    res = (await graph.request({ phoneNumberId: '', accessToken: `${appId}|${appSecret}` }, 'GET', `${appId}/subscriptions`)) as typeof res;
  } catch (err) {
    const { detail } = describeGraphError(err);
    return failed('webhook fields', `${detail} (is WHATSAPP_APP_SECRET this app’s secret?)`, fix);
  }
  const sub = (res.data ?? []).find((s) => s.object === 'whatsapp_business_account');
  if (!sub || sub.active === false) return failed('webhook fields', 'no active WhatsApp webhook is configured for the app', fix);
  const names = (sub.fields ?? []).map((f) => (typeof f === 'string' ? f : (f.name ?? '')));
  const missing = REQUIRED_FIELDS.filter((f) => !names.includes(f));
  const callback = sub.callback_url ?? '';
  if (!callback.endsWith(WEBHOOK_PATH))
    return failed('webhook fields', `the callback URL is ${callback || 'not set'}, not the bridge’s https://<host>${WEBHOOK_PATH}`, fix);
  if (missing.length) return failed('webhook fields', `${callback} is not subscribed to ${missing.join(', ')}`, fix);
  return passed('webhook fields', `${callback}: ${REQUIRED_FIELDS.join(', ')}`);
}

/** What to paste into App Dashboard → WhatsApp → Configuration → Webhook (always a ✅: it is information). */
export function webhookToPaste(verifyToken: string): DoctorCheck {
  return passed('webhook to paste', `Callback URL https://<your public host>${WEBHOOK_PATH} · Verify token ${verifyToken}`);
}
