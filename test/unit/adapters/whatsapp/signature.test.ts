/** X-Hub-Signature-256 checks (notes §1): HMAC-SHA256 of the raw bytes, keyed with the app secret. */
import { createHmac } from 'node:crypto';
import { isValidMetaSignature } from '../../../../adapters/whatsapp/signature';
import { escapeLikeMeta, signMetaBody } from '../../../fakes/meta-signature';
import { loadWhatsAppFixtureText } from '../../../fixtures/whatsapp';

// Test vector from whatsapp-api-js test/index.test.js, re-computed in the notes.
const VECTOR_SECRET = 'YOUR_APP_SECRET';
const VECTOR_TEXT = "Let's pretend this body is equal to the message object and can handle unicode characters like みどりいろ and J'ai mangé des pâtes";
const VECTOR_SIGNATURE = 'sha256=0363007aabdf1ab579f35936651a460fb5fa1aaf40df98b1264446b72cc96688';
const VECTOR_BODY = Buffer.from(escapeLikeMeta(VECTOR_TEXT), 'utf8');

describe('isValidMetaSignature', () => {
  it('the escaped test-vector body is escaped as Meta does', () => {
    expect(VECTOR_BODY.toString('utf8')).toBe(
      "Let's pretend this body is equal to the message object and can handle unicode characters like \\u307f\\u3069\\u308a\\u3044\\u308d and J'ai mang\\u00e9 des p\\u00e2tes",
    );
    expect(signMetaBody(VECTOR_BODY, VECTOR_SECRET)).toBe(VECTOR_SIGNATURE);
  });

  it("verifies Meta's test vector over the escaped bytes", () => {
    expect(isValidMetaSignature(VECTOR_BODY, VECTOR_SIGNATURE, [VECTOR_SECRET])).toBe(true);
  });

  it('does not verify the unescaped (UTF-8) form of the same text', () => {
    expect(isValidMetaSignature(Buffer.from(VECTOR_TEXT, 'utf8'), VECTOR_SIGNATURE, [VECTOR_SECRET])).toBe(false);
  });

  it('a webhook body re-serialised by JSON.stringify(JSON.parse()) does not verify: raw bytes are what count', () => {
    // A fixture with non-ASCII (👍) and a "/" inside a string, as Meta would send it.
    const raw = escapeLikeMeta(JSON.stringify(JSON.parse(loadWhatsAppFixtureText('message-reaction'))));
    expect(raw).toContain('\\ud83d\\udc4d');
    const signature = signMetaBody(raw, 'app-secret-1');
    expect(isValidMetaSignature(Buffer.from(raw), signature, ['app-secret-1'])).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(isValidMetaSignature(Buffer.from(reserialised), signature, ['app-secret-1'])).toBe(false);
  });

  it('a "/" escaped as "\\/" is part of the signed bytes too', () => {
    const raw = escapeLikeMeta(JSON.stringify({ url: 'https://example.com/a' }));
    expect(raw).toBe('{"url":"https:\\/\\/example.com\\/a"}');
    const signature = signMetaBody(raw, 's3cret-s3cret');
    expect(isValidMetaSignature(Buffer.from(raw), signature, ['s3cret-s3cret'])).toBe(true);
    expect(isValidMetaSignature(Buffer.from(JSON.stringify(JSON.parse(raw))), signature, ['s3cret-s3cret'])).toBe(false);
  });

  it('wrong secret → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, VECTOR_SIGNATURE, ['NOT_THE_SECRET'])).toBe(false);
  });

  it('no secrets configured → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, VECTOR_SIGNATURE, [])).toBe(false);
  });

  it('one changed byte of the body → false', () => {
    const tampered = Buffer.from(VECTOR_BODY);
    tampered[0] = 'l'.charCodeAt(0);
    expect(isValidMetaSignature(tampered, VECTOR_SIGNATURE, [VECTOR_SECRET])).toBe(false);
  });

  it('missing or empty header → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, undefined, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, '', [VECTOR_SECRET])).toBe(false);
  });

  it('header without the sha256= prefix, or with another algorithm → false', () => {
    const hex = VECTOR_SIGNATURE.slice('sha256='.length);
    expect(isValidMetaSignature(VECTOR_BODY, hex, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, `sha1=${hex}`, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, `SHA256=${hex}`, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, `sha256:${hex}`, [VECTOR_SECRET])).toBe(false);
  });

  it('truncated hex → false (and does not throw)', () => {
    expect(isValidMetaSignature(VECTOR_BODY, VECTOR_SIGNATURE.slice(0, -2), [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, 'sha256=', [VECTOR_SECRET])).toBe(false);
  });

  it('uppercase hex → false (Meta sends lowercase; only the exact form is accepted)', () => {
    expect(isValidMetaSignature(VECTOR_BODY, `sha256=${VECTOR_SIGNATURE.slice(7).toUpperCase()}`, [VECTOR_SECRET])).toBe(false);
  });

  // Before the fix in signature.ts these returned true: Buffer.from(hex, 'hex') drops an odd last digit and
  // stops at the first non-hex character, so extra characters after a valid signature were ignored.
  it('odd-length hex (a valid signature plus one digit) → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, `${VECTOR_SIGNATURE}0`, [VECTOR_SECRET])).toBe(false);
  });

  it('a valid signature followed by junk, or surrounded by spaces → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, `${VECTOR_SIGNATURE}zz`, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, `${VECTOR_SIGNATURE},sha256=00`, [VECTOR_SECRET])).toBe(false);
    expect(isValidMetaSignature(VECTOR_BODY, ` ${VECTOR_SIGNATURE}`, [VECTOR_SECRET])).toBe(false);
  });

  it('non-hex characters of the right length → false', () => {
    expect(isValidMetaSignature(VECTOR_BODY, `sha256=${'g'.repeat(64)}`, [VECTOR_SECRET])).toBe(false);
  });

  it('several secrets: the body verifies if any of them signed it', () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const secrets = ['first-app-secret', 'second-app-secret', 'third-app-secret'];
    for (const secret of secrets) {
      const header = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      expect(isValidMetaSignature(body, header, secrets)).toBe(true);
      expect(
        isValidMetaSignature(
          body,
          header,
          secrets.filter((s) => s !== secret),
        ),
      ).toBe(false);
    }
  });
});
