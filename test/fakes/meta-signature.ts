/**
 * Helpers to produce webhook bodies and signatures the way Meta does (notes §1).
 *
 * Meta computes `X-Hub-Signature-256` over the bytes it sends, and what it sends is JSON with
 * non-ASCII characters escaped as lowercase `\uXXXX` and `/` escaped as `\/`. A receiver that
 * re-serialises the parsed body gets different bytes and a different HMAC, so fixtures should be
 * delivered as `escapeLikeMeta(JSON.stringify(payload))` and signed over exactly that string.
 */
import { createHmac } from 'node:crypto';

/** `sha256=<hex>` HMAC-SHA256 of the raw body keyed with the app secret. */
export function signMetaBody(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Escapes JSON text the way Meta's serialiser does: every UTF-16 code unit above 0x7F becomes
 * `\uXXXX` (so astral characters become a surrogate pair, as in JSON), and `/` becomes `\/`.
 * Existing escape sequences are copied untouched so `\/` or `\\` in the input are not doubled.
 */
export function escapeLikeMeta(json: string): string {
  return json.replace(/\\[\s\S]|[/\u0080-\uffff]/g, (match) => {
    if (match.length === 2) return match;
    if (match === '/') return '\\/';
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
