import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs the exact bytes it sends (with non-ASCII escaped as \uXXXX), so the HMAC must be computed
 * over the raw body, never over a re-serialised JSON. Several app secrets are accepted for accounts in different apps.
 */
export function isValidMetaSignature(rawBody: Buffer, header: string | undefined, appSecrets: string[]): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  if (given.length !== 32) return false;
  return appSecrets.some((secret) => timingSafeEqual(createHmac('sha256', secret).update(rawBody).digest(), given));
}
