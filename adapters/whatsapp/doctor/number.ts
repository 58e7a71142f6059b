/**
 * The business number and its account. Fields of `GET /{phone-number-id}` as Meta's WhatsApp Business Phone Number
 * reference names them (developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status):
 * display_phone_number, verified_name, quality_rating (GREEN / YELLOW / RED / UNKNOWN), status (CONNECTED …),
 * messaging_limit_tier (TIER_250 … TIER_UNLIMITED) and account_mode (LIVE / SANDBOX: a SANDBOX number is a test number
 * of an app in development, which answers 131030 for every recipient outside the test list). The account's numbers:
 * `GET /{waba-id}/phone_numbers` (`{data:[{id, display_phone_number, …}]}`).
 */
import { failed, passed, type DoctorCheck } from '../../../src/domain/doctor';
import type { GraphAccount, GraphClient } from '../graph-client';
import { NOT_LIVE_FIX } from './faq';
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
  let n: PhoneNumber;
  try {
    n = (await graph.get(`${graph.account.phoneNumberId}?fields=${FIELDS}`)) as PhoneNumber;
  } catch (err) {
    const { detail, fix } = describeGraphError(err);
    return [failed('phone number', `${graph.account.phoneNumberId}: ${detail}`, fix)];
  }
  const checks = [passed('phone number', `${n.display_phone_number ?? '?'} “${n.verified_name ?? '?'}” (${graph.account.phoneNumberId})`)];
  const status = (n.status ?? 'UNKNOWN').toUpperCase();
  checks.push(
    status === 'CONNECTED'
      ? passed('number status', status)
      : failed(
          'number status',
          `${status}: the number cannot send until it is CONNECTED`,
          'open WhatsApp Manager → Phone numbers: finish the registration (two-step PIN) or resolve what Meta lists there',
        ),
  );
  const quality = (n.quality_rating ?? 'UNKNOWN').toUpperCase();
  checks.push(
    quality === 'RED'
      ? failed(
          'quality rating',
          'RED: Meta may lower the messaging limit or block the number',
          'see the number’s insights in WhatsApp Manager; send fewer marketing templates',
        )
      : passed('quality rating', quality),
  );
  checks.push(passed('messaging limit', n.messaging_limit_tier ?? 'not reported'));
  checks.push(liveCheck(n.account_mode));
  return checks;
}

function liveCheck(mode: string | undefined): DoctorCheck {
  const m = mode?.toUpperCase();
  if (m === 'LIVE') return passed('app Live', 'the number is in LIVE mode');
  if (m === 'SANDBOX') return failed('app Live', 'the number is a test number (SANDBOX): every customer outside the test list gets 131030', NOT_LIVE_FIX);
  // Meta did not say: the App Mode switch is only on the App Dashboard, not readable with the bridge's token.
  return passed('app Live', `not reported by Meta; check that App Dashboard → App Mode says Live (else: ${NOT_LIVE_FIX})`);
}

/** Whether the configured WABA lists this number: the id pair must belong together for templates to send. */
export async function checkWaba(graph: GraphAccountClient, wabaId: string | undefined): Promise<DoctorCheck> {
  if (!wabaId)
    return failed(
      'WhatsApp Business Account',
      'WHATSAPP_BUSINESS_ACCOUNT_ID is not set: templates cannot be read or sent',
      'copy the WhatsApp Business Account ID from App Dashboard → WhatsApp → API Setup into WHATSAPP_BUSINESS_ACCOUNT_ID (businessAccountId in BRIDGE_CONFIG)',
    );
  let res: { data?: PhoneNumber[] };
  try {
    res = (await graph.get(`${wabaId}/phone_numbers`)) as { data?: PhoneNumber[] };
  } catch (err) {
    const { detail, fix } = describeGraphError(err);
    return failed('WhatsApp Business Account', `${wabaId}: ${detail}`, fix);
  }
  const ids = (res.data ?? []).map((p) => p.id);
  return ids.includes(graph.account.phoneNumberId)
    ? passed('WhatsApp Business Account', `${wabaId} lists the number`)
    : failed(
        'WhatsApp Business Account',
        `${wabaId} does not list the number ${graph.account.phoneNumberId} (it lists ${ids.join(', ') || 'none'})`,
        'set WHATSAPP_BUSINESS_ACCOUNT_ID to the account the number belongs to (App Dashboard → WhatsApp → API Setup shows both ids together)',
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
