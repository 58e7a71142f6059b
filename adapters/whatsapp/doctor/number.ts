/**
 * The business number and its account. Fields of `GET /{phone-number-id}` as Meta's WhatsApp Business Phone Number
 * reference names them (developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status):
 * display_phone_number, verified_name, quality_rating (GREEN / YELLOW / RED / UNKNOWN), status (CONNECTED …),
 * messaging_limit_tier (TIER_250 … TIER_UNLIMITED) and account_mode (LIVE / SANDBOX: a SANDBOX number is a test number
 * of an app in development, which answers 131030 for every recipient outside the test list). The account's numbers:
 * `GET /{waba-id}/phone_numbers` (`{data:[{id, display_phone_number, …}]}`).
 */
import type { DoctorCheck } from '../../../src/domain/doctor';
import { checkFailed, checkPassed, doctorText as tx, rawText } from '../../../src/doctor/text';
import type { GraphAccount, GraphClient } from '../graph-client';
import { NOT_LIVE_FIX_TEXT } from './faq';
import { describeGraphError } from './graph-error';

const FIELDS = 'display_phone_number,verified_name,quality_rating,status,messaging_limit_tier,account_mode';

interface PhoneNumber {
  id?: string;
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: string;
  status?: string;
  messaging_limit_tier?: string;
  account_mode?: string;
}

export async function checkNumber(graph: GraphAccountClient): Promise<DoctorCheck[]> {
  const id = graph.account.phoneNumberId;
  const name = tx('doctor.number.name');
  let n: PhoneNumber;
  try {
    n = (await graph.get(`${id}?fields=${FIELDS}`)) as PhoneNumber;
  } catch (err) {
    const { detail, fix } = describeGraphError(err);
    return [checkFailed(name, tx('doctor.graph.on', { id, detail }), fix)];
  }
  const checks = [checkPassed(name, tx('doctor.number.found', { display: n.display_phone_number ?? '?', verified: n.verified_name ?? '?', id }))];
  const status = (n.status ?? 'UNKNOWN').toUpperCase();
  const statusName = tx('doctor.number.status');
  checks.push(
    status === 'CONNECTED'
      ? checkPassed(statusName, rawText(status))
      : checkFailed(statusName, tx('doctor.number.notConnected', { status }), tx('doctor.number.notConnectedFix')),
  );
  const quality = (n.quality_rating ?? 'UNKNOWN').toUpperCase();
  const qualityName = tx('doctor.number.quality');
  checks.push(quality === 'RED' ? checkFailed(qualityName, tx('doctor.number.red'), tx('doctor.number.redFix')) : checkPassed(qualityName, rawText(quality)));
  checks.push(checkPassed(tx('doctor.number.limit'), n.messaging_limit_tier ? rawText(n.messaging_limit_tier) : tx('doctor.number.notReported')));
  checks.push(liveCheck(n.account_mode));
  return checks;
}

function liveCheck(mode: string | undefined): DoctorCheck {
  const m = mode?.toUpperCase();
  const name = tx('doctor.number.live');
  if (m === 'LIVE') return checkPassed(name, tx('doctor.number.isLive'));
  if (m === 'SANDBOX') return checkFailed(name, tx('doctor.number.sandbox'), NOT_LIVE_FIX_TEXT);
  // Meta did not say: the App Mode switch is only on the App Dashboard, not readable with the bridge's token.
  return checkPassed(name, tx('doctor.number.liveUnknown', { fix: NOT_LIVE_FIX_TEXT }));
}

/** Whether the configured WABA lists this number: the id pair must belong together for templates to send. */
export async function checkWaba(graph: GraphAccountClient, wabaId: string | undefined): Promise<DoctorCheck> {
  const name = tx('doctor.number.waba');
  if (!wabaId) return checkFailed(name, tx('doctor.number.wabaUnset'), tx('doctor.number.wabaUnsetFix'));
  let res: { data?: PhoneNumber[] };
  try {
    res = (await graph.get(`${wabaId}/phone_numbers`)) as { data?: PhoneNumber[] };
  } catch (err) {
    const { detail, fix } = describeGraphError(err);
    return checkFailed(name, tx('doctor.graph.on', { id: wabaId, detail }), fix);
  }
  const ids = (res.data ?? []).map((p) => p.id);
  return ids.includes(graph.account.phoneNumberId)
    ? checkPassed(name, tx('doctor.number.wabaLists', { waba: wabaId }))
    : checkFailed(
        name,
        tx('doctor.number.wabaLacks', { waba: wabaId, id: graph.account.phoneNumberId, ids: ids.join(', ') || tx('doctor.number.noNumbers') }),
        tx('doctor.number.wabaLacksFix'),
      );
}

/** A GraphClient bound to one account, for GETs. */
export interface GraphAccountClient {
  account: GraphAccount;
  get(path: string): Promise<unknown>;
}

export const bindAccount = (graph: GraphClient, account: GraphAccount): GraphAccountClient => ({
  account,
  get: (path) => graph.request(account, 'GET', path),
});
