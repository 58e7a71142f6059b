/**
 * What `doctor` reads from the Graph API, shaped as Meta documents it:
 * - `GET /debug_token?input_token=…` → `{data:{app_id, type, application, expires_at, is_valid, issued_at, scopes,
 *   user_id}}` (Graph API reference "debug_token"; expires_at 0 = never, as a system user's permanent token);
 * - `GET /{phone-number-id}?fields=…` → the asked fields of the number (WhatsApp Business Phone Number reference:
 *   display_phone_number, verified_name, quality_rating, status, messaging_limit_tier, account_mode) and its `id`;
 * - `GET /{waba-id}/phone_numbers` → `{data:[{id, display_phone_number, verified_name, quality_rating}]}`;
 * - `GET /{waba-id}/subscribed_apps` → `{data:[{whatsapp_business_api_data:{id, link, name}}]}` (Meta's "Manage
 *   webhooks" page);
 * - `GET /{app-id}/subscriptions` (app access token `app-id|app-secret` only) → `{data:[{object, callback_url, active,
 *   fields:[{name, version}]}]}` (Graph API reference "/{app-id}/subscriptions").
 * An expired token answers every call with 190 / subcode 463, "Error validating access token: Session has expired"
 * (Meta's "Access token errors" table).
 */
import { metaError, unsupportedRequest } from './errors';
import type { GraphState } from './state';
import type { Reply } from './types';

/** A business number as the fake's Graph API describes it. */
export interface GraphPhoneNumber {
  wabaId: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: string;
  status: string;
  messaging_limit_tier: string;
  account_mode: string;
}

/** The Meta app behind the token: its id and secret, and its webhook subscription. */
export interface GraphApp {
  id: string;
  name: string;
  secret: string;
  webhook?: { callback_url: string; active: boolean; fields: string[] };
}

export interface GraphTokenInfo {
  is_valid: boolean;
  /** Unix seconds; 0 = never expires. */
  expires_at: number;
  scopes: string[];
}

const ok = (json: unknown): Reply => ({ status: 200, json });

export function expiredTokenReply(): Reply {
  const reply = metaError(
    401,
    190,
    'Error validating access token: Session has expired on Sunday, 29-Nov-26 10:00:00 PST. The current time is Monday, 30-Nov-26 10:00:00 PST.',
  );
  (reply.json as { error: Record<string, unknown> }).error.error_subcode = 463;
  return reply;
}

export function debugToken(s: GraphState, query: Record<string, string>): Reply {
  if (query.input_token !== s.accessToken) return metaError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  const t = s.tokenInfo;
  return ok({
    data: {
      app_id: s.app.id,
      type: 'SYSTEM_USER',
      application: s.app.name,
      data_access_expires_at: 0,
      expires_at: t.expires_at,
      is_valid: t.is_valid,
      issued_at: 1_764_000_000,
      scopes: t.scopes,
      granular_scopes: t.scopes.map((scope) => ({ scope })),
      user_id: '122100000000000001',
    },
  });
}

export function describePhoneNumber(s: GraphState, id: string, query: Record<string, string>): Reply | undefined {
  const n = s.phoneNumbers.get(id);
  if (!n) return undefined;
  const { wabaId: _waba, ...fields } = n;
  const asked = (query.fields ?? 'display_phone_number,verified_name,quality_rating').split(',');
  return ok({ ...Object.fromEntries(asked.filter((f) => f in fields).map((f) => [f, fields[f as keyof typeof fields]])), id });
}

export function listPhoneNumbers(s: GraphState, wabaId: string): Reply {
  if (!isWaba(s, wabaId)) return unsupportedRequest('GET', wabaId);
  const data = [...s.phoneNumbers.entries()]
    .filter(([, n]) => n.wabaId === wabaId)
    .map(([id, n]) => ({ verified_name: n.verified_name, display_phone_number: n.display_phone_number, id, quality_rating: n.quality_rating }));
  return ok({ data });
}

export function listSubscribedApps(s: GraphState, wabaId: string): Reply {
  if (!isWaba(s, wabaId)) return unsupportedRequest('GET', wabaId);
  const subscribed = s.subscribedWabas.has(wabaId)
    ? [{ whatsapp_business_api_data: { id: s.app.id, link: `https://www.facebook.com/games/?app_id=${s.app.id}`, name: s.app.name } }]
    : [];
  return ok({ data: subscribed });
}

export function appSubscriptions(s: GraphState, appId: string): Reply {
  if (appId !== s.app.id) return unsupportedRequest('GET', appId);
  const w = s.app.webhook;
  return ok({
    data: w
      ? [{ object: 'whatsapp_business_account', callback_url: w.callback_url, active: w.active, fields: w.fields.map((name) => ({ name, version: 'v23.0' })) }]
      : [],
  });
}

function isWaba(s: GraphState, id: string): boolean {
  return s.subscribedWabas.has(id) || [...s.phoneNumbers.values()].some((n) => n.wabaId === id) || s.templates.has(id);
}
