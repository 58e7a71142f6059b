/**
 * The access token, read by Graph's `GET /debug_token?input_token=…` (developers.facebook.com/docs/graph-api/reference/
 * debug_token): `data.is_valid`, `data.expires_at` (Unix seconds; 0 = never expires, as a system user's permanent
 * token) and `data.scopes` (the permissions granted). The token inspects itself: Meta accepts the token of the app's
 * own system user as the access token of this call.
 */
import { failed, passed, type DoctorCheck } from '../../../src/domain/doctor';
import { describeGraphError } from './graph-error';
import { PERMANENT_TOKEN_FIX } from './faq';
import type { GraphAccountClient } from './number';

/** The permissions the bridge uses: sending (messages, media) and managing (templates, phone numbers, subscriptions). */
export const REQUIRED_SCOPES = ['whatsapp_business_messaging', 'whatsapp_business_management'] as const;
/** A token expiring within this is reported as failing: renew it before it stops every send. */
export const EXPIRY_WARNING_MS = 7 * 24 * 3600_000;

interface DebugToken {
  data?: { app_id?: string; application?: string; is_valid?: boolean; expires_at?: number; scopes?: string[]; error?: { message?: string } };
}

export interface TokenFacts {
  checks: DoctorCheck[];
  /** The app the token belongs to (debug_token's app_id), when Meta said. */
  appId?: string;
  /** False when Meta refused the token outright: the checks after it would only repeat that. */
  usable: boolean;
}

export async function checkToken(graph: GraphAccountClient, now: number): Promise<TokenFacts> {
  let res: DebugToken;
  try {
    res = (await graph.get(`debug_token?input_token=${encodeURIComponent(graph.account.accessToken)}`)) as DebugToken;
  } catch (err) {
    const { detail, fix, code } = describeGraphError(err);
    return { checks: [failed('access token valid', detail, fix)], usable: code !== 190 };
  }
  const data = res.data ?? {};
  if (data.is_valid !== true) {
    const why = data.error?.message ? ` (${data.error.message})` : '';
    return { checks: [failed('access token valid', `Meta says the token is not valid${why}`, PERMANENT_TOKEN_FIX)], usable: false };
  }
  const app = data.application ? ` of the app ${data.application}` : '';
  const checks = [passed('access token valid', `a valid token${app}${data.app_id ? ` (app id ${data.app_id})` : ''}`)];
  checks.push(expiry(data.expires_at, now));
  const granted = data.scopes ?? [];
  const missing = REQUIRED_SCOPES.filter((s) => !granted.includes(s));
  checks.push(
    missing.length
      ? failed('token permissions', `missing ${missing.join(', ')} (granted: ${granted.join(', ') || 'none'})`, PERMANENT_TOKEN_FIX)
      : passed('token permissions', REQUIRED_SCOPES.join(', ')),
  );
  return { checks, appId: data.app_id, usable: true };
}

function expiry(expiresAt: number | undefined, now: number): DoctorCheck {
  if (!expiresAt) return passed('token expiry', 'never expires');
  const left = expiresAt * 1000 - now;
  const when = new Date(expiresAt * 1000).toISOString().replace('.000Z', 'Z');
  if (left <= 0) return failed('token expiry', `expired at ${when}`, PERMANENT_TOKEN_FIX);
  if (left < EXPIRY_WARNING_MS) {
    const hours = Math.floor(left / 3600_000);
    return failed('token expiry', `expires at ${when} (in ${hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`})`, PERMANENT_TOKEN_FIX);
  }
  return passed('token expiry', `expires at ${when}; a system user's token that never expires avoids renewing it`);
}
