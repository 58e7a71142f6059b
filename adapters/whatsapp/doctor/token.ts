/**
 * The access token, read by Graph's `GET /debug_token?input_token=…` (developers.facebook.com/docs/graph-api/reference/
 * debug_token): `data.is_valid`, `data.expires_at` (Unix seconds; 0 = never expires, as a system user's permanent
 * token) and `data.scopes` (the permissions granted). The token inspects itself: Meta accepts the token of the app's
 * own system user as the access token of this call.
 */
import type { DoctorCheck } from '../../../src/domain/doctor';
import { checkFailed, checkPassed, doctorText as tx } from '../../../src/doctor/text';
import { describeGraphError } from './graph-error';
import { PERMANENT_TOKEN_FIX_TEXT as RENEW } from './faq';
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
  const valid = tx('doctor.token.valid');
  let res: DebugToken;
  try {
    res = (await graph.get(`debug_token?input_token=${encodeURIComponent(graph.account.accessToken)}`)) as DebugToken;
  } catch (err) {
    const { detail, fix, code } = describeGraphError(err);
    return { checks: [checkFailed(valid, detail, fix)], usable: code !== 190 };
  }
  const data = res.data ?? {};
  if (data.is_valid !== true) {
    const why = data.error?.message;
    return { checks: [checkFailed(valid, why ? tx('doctor.token.notValidWhy', { why }) : tx('doctor.token.notValid'), RENEW)], usable: false };
  }
  const app = data.application;
  const id = data.app_id;
  const found = app
    ? id
      ? tx('doctor.token.validOfAppWithId', { app, id })
      : tx('doctor.token.validOfApp', { app })
    : id
      ? tx('doctor.token.validWithId', { id })
      : tx('doctor.token.validToken');
  const checks = [checkPassed(valid, found)];
  checks.push(expiry(data.expires_at, now));
  const granted = data.scopes ?? [];
  const missing = REQUIRED_SCOPES.filter((s) => !granted.includes(s));
  const permissions = tx('doctor.token.permissions');
  checks.push(
    missing.length
      ? checkFailed(
          permissions,
          tx('doctor.token.missingScopes', { missing: missing.join(', '), granted: granted.join(', ') || tx('doctor.token.noScopes') }),
          RENEW,
        )
      : checkPassed(permissions, tx('doctor.raw', { text: REQUIRED_SCOPES.join(', ') })),
  );
  return { checks, appId: data.app_id, usable: true };
}

function expiry(expiresAt: number | undefined, now: number): DoctorCheck {
  const name = tx('doctor.token.expiry');
  if (!expiresAt) return checkPassed(name, tx('doctor.token.neverExpires'));
  const left = expiresAt * 1000 - now;
  const when = new Date(expiresAt * 1000).toISOString().replace('.000Z', 'Z');
  if (left <= 0) return checkFailed(name, tx('doctor.token.expired', { when }), RENEW);
  if (left < EXPIRY_WARNING_MS) {
    const hours = Math.floor(left / 3600_000);
    const detail = hours < 48 ? tx('doctor.token.expiresInHours', { when, hours }) : tx('doctor.token.expiresInDays', { when, days: Math.floor(hours / 24) });
    return checkFailed(name, detail, RENEW);
  }
  return checkPassed(name, tx('doctor.token.expiresAt', { when }));
}
