import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs the exact bytes it sends (with non-ASCII escaped as \uXXXX), so the HMAC must be computed
 * over the raw body, never over a re-serialised JSON. Several app secrets are accepted for accounts in different apps.
 */
export function isValidMetaSignature(rawBody: Buffer, header: string | undefined, appSecrets: string[]): boolean {
  // Exactly 64 lowercase hex digits, as Meta sends: Buffer.from(…, 'hex') silently stops at the first
  // non-hex character and drops an odd last digit, so `sha256=<valid hex>junk` used to verify.
  const m = header ? /^sha256=([0-9a-f]{64})$/.exec(header) : null;
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'hex');
  return appSecrets.some((secret) => timingSafeEqual(createHmac('sha256', secret).update(rawBody).digest(), given));
}
