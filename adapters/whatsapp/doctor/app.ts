/**
 * Whether Meta sends this account's webhooks to the bridge: the app is subscribed to the WABA
 * (`GET /{waba-id}/subscribed_apps` → `{data:[{whatsapp_business_api_data:{id, name, link}}]}`, Meta's "Manage webhooks"
 * page for solution providers), and the app's webhook subscription names the callback and the fields the bridge reads
 * (`GET /{app-id}/subscriptions` with the app access token `{app-id}|{app-secret}` →
 * `{data:[{object, callback_url, active, fields:[{name, version}]}]}`, Graph API reference "/{app-id}/subscriptions").
 */
import type { DoctorCheck } from '../../../src/domain/doctor';
import { checkFailed, checkPassed, doctorText as tx } from '../../../src/doctor/text';
import type { GraphClient } from '../graph-client';
import { describeGraphError } from './graph-error';
import type { GraphAccountClient } from './number';

/** The webhook fields the bridge needs: customers' messages and statuses, and template approvals (services/templates/status.ts). */
export const REQUIRED_FIELDS = ['messages', 'message_template_status_update'] as const;
export const WEBHOOK_PATH = '/webhooks/whatsapp';

export async function checkSubscribedApp(graph: GraphAccountClient, wabaId: string, appId: string | undefined): Promise<DoctorCheck> {
  const name = tx('doctor.app.subscribed');
  const fix = tx('doctor.app.subscribeFix', { waba: wabaId });
  let res: { data?: Array<{ whatsapp_business_api_data?: { id?: string; name?: string } }> };
  try {
    res = (await graph.get(`${wabaId}/subscribed_apps`)) as typeof res;
  } catch (err) {
    const { detail, fix: errorFix } = describeGraphError(err);
    return checkFailed(name, detail, errorFix);
  }
  const apps = (res.data ?? []).map((d) => d.whatsapp_business_api_data ?? {});
  const mine = appId ? apps.find((a) => a.id === appId) : apps[0];
  if (mine) return checkPassed(name, tx('doctor.app.receives', { app: mine.name ?? tx('doctor.app.theApp'), id: mine.id ?? '?', waba: wabaId }));
  const others = apps.map((a) => `${a.name ?? '?'} (${a.id ?? '?'})`).join(', ');
  const vars = { waba: wabaId, ...(appId ? { app: appId } : {}), ...(others ? { others } : {}) };
  const detail = appId
    ? tx(others ? 'doctor.app.notSubscribedIdOthers' : 'doctor.app.notSubscribedId', vars)
    : tx(others ? 'doctor.app.notSubscribedOthers' : 'doctor.app.notSubscribed', vars);
  return checkFailed(name, detail, fix);
}

interface AppSubscription {
  object?: string;
  callback_url?: string;
  active?: boolean;
  fields?: Array<{ name?: string } | string>;
}

export async function checkWebhookFields(graph: GraphClient, appId: string | undefined, appSecret: string): Promise<DoctorCheck> {
  const name = tx('doctor.app.fields');
  const fix = tx('doctor.app.fieldsFix', { path: WEBHOOK_PATH, fields: REQUIRED_FIELDS.join(', ') });
  if (!appId) return checkFailed(name, tx('doctor.app.noAppId'), fix);
  let res: { data?: AppSubscription[] };
  try {
    // The app access token (`app-id|app-secret`, Meta's "Access Tokens" guide): this edge answers only to the app itself.
    res = (await graph.request({ phoneNumberId: '', accessToken: `${appId}|${appSecret}` }, 'GET', `${appId}/subscriptions`)) as typeof res;
  } catch (err) {
    const { detail } = describeGraphError(err);
    return checkFailed(name, tx('doctor.app.secret', { detail }), fix);
  }
  const sub = (res.data ?? []).find((s) => s.object === 'whatsapp_business_account');
  if (!sub || sub.active === false) return checkFailed(name, tx('doctor.app.noWebhook'), fix);
  const names = (sub.fields ?? []).map((f) => (typeof f === 'string' ? f : (f.name ?? '')));
  const missing = REQUIRED_FIELDS.filter((f) => !names.includes(f));
  const callback = sub.callback_url ?? '';
  if (!callback.endsWith(WEBHOOK_PATH))
    return checkFailed(
      name,
      callback ? tx('doctor.app.callbackWrong', { callback, path: WEBHOOK_PATH }) : tx('doctor.app.callbackUnset', { path: WEBHOOK_PATH }),
      fix,
    );
  if (missing.length) return checkFailed(name, tx('doctor.app.fieldsMissing', { callback, missing: missing.join(', ') }), fix);
  return checkPassed(name, tx('doctor.app.fieldsOk', { callback, fields: REQUIRED_FIELDS.join(', ') }));
}

/** What to paste into App Dashboard → WhatsApp → Configuration → Webhook (always a ✅: it is information). */
export function webhookToPaste(verifyToken: string): DoctorCheck {
  return checkPassed(tx('doctor.app.paste'), tx('doctor.app.pasteDetail', { path: WEBHOOK_PATH, token: verifyToken }));
}
