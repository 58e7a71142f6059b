/** Failure classification of WhatsApp (Graph) codes and HTTP answers. */
import { explainWhatsAppError, graphHttpError } from '../../../../adapters/whatsapp/errors';
import { t } from '../../../../src/i18n';
import { en } from '../../../../src/i18n/catalogue/en';
import { failureNotice } from '../../../../src/services/present/notices';
import { DeliveryError } from '../../../../src/domain/errors';

const graphBody = (code: number, message = `(#${code}) something`, details?: string) => ({
  error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam' },
});

describe('explainWhatsAppError', () => {
  it('131047: the 24-hour window, and the action names `/wa template`', () => {
    const e = explainWhatsAppError({ code: 131047, title: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed' });
    expect(e).toEqual({
      code: '131047',
      meaning:
        'more than 24 hours have passed since the customer last wrote, so free-form replies are not allowed (Message failed to send because more than 24 hours have passed)',
      action: 'send an approved template with `/wa template <phone> <template>`',
      retryable: false,
      key: 'whatsapp.e131047',
      detail: 'Message failed to send because more than 24 hours have passed',
    });
    expect(e.action).toContain('/wa template');
  });

  it('every code the agents’ catalogue words reads there, in English, as the adapter words it (keyed, so the core can translate it)', () => {
    for (const [name, text] of Object.entries(en.errors.whatsapp)) {
      const e = explainWhatsAppError({ code: Number(name.slice(1)), title: 'x' });
      expect({ key: e.key, meaning: e.meaning, action: e.action }).toEqual({ key: `whatsapp.${name}`, ...text });
    }
  });

  it('shown in Italian or French in a failure notice, Meta’s detail kept; a code the catalogue lacks stays English', () => {
    const e = explainWhatsAppError({ code: 131047, title: 'Re-engagement message', details: 'More than 24 hours' });
    const it = failureNotice(e, 'it');
    expect(it).toContain(`${t('it', 'errors.whatsapp.e131047.meaning')} (More than 24 hours)`);
    expect(it).toContain(t('it', 'errors.whatsapp.e131047.action'));
    expect(failureNotice(e, 'fr')).toContain(t('fr', 'errors.whatsapp.e131047.meaning'));
    expect(failureNotice(e, 'en')).toContain(e.meaning);
    // Every code is keyed now (catalogue-coverage.test.ts); a key some catalogue lacked would show the adapter's English.
    const unlisted = { ...explainWhatsAppError({ code: 131042, title: 'Business eligibility payment issue' }), key: 'whatsapp.e1310420' };
    expect(failureNotice(unlisted, 'it')).toContain(unlisted.meaning);
  });

  it('190: expired token, the action names WHATSAPP_ACCESS_TOKEN', () => {
    const e = explainWhatsAppError({ code: 190, title: 'Error validating access token' });
    expect(e.code).toBe('190');
    expect(e.meaning).toBe('the WhatsApp access token has expired or was revoked');
    expect(e.action).toContain('WHATSAPP_ACCESS_TOKEN');
    expect(e.retryable).toBe(false);
  });

  it('an unknown code: Meta’s title and details, not retryable, pointing to the reference', () => {
    expect(explainWhatsAppError({ code: 999999, title: 'Brand new failure', details: 'more words' })).toEqual({
      code: '999999',
      meaning: 'Brand new failure (more words)',
      action: 'see Meta’s error code reference for this code',
      retryable: false,
      key: 'whatsappOther.unknown',
      detail: 'Brand new failure (more words)',
    });
  });

  it.each([
    [130429, true],
    [131056, true],
    [131000, true],
    [131016, true],
    [131057, true],
    [131026, false],
    [131049, false],
    [131050, false],
    [100, false],
    [0, false],
  ])('code %i retryable: %s', (code, retryable) => {
    expect(explainWhatsAppError({ code, title: 't' }).retryable).toBe(retryable);
  });
});

describe('graphHttpError', () => {
  it('HTTP 429 is retryable, with the Retry-After carried', () => {
    const e = graphHttpError(429, graphBody(130429, '(#130429) Rate limit hit'), 30_000);
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.platform).toBe('whatsapp');
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBe(30_000);
    expect(e.explanation.code).toBe('130429');
  });

  it('HTTP 429 without a JSON body is retryable too', () => {
    const e = graphHttpError(429, undefined);
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBeUndefined();
    expect(e.explanation).toEqual({
      code: 'HTTP 429',
      meaning: 'the Graph API answered HTTP 429',
      action: 'nothing: the bridge retries',
      key: 'whatsappOther.httpPassing',
      detail: '429',
    });
  });

  it.each([500, 502, 503, 504])('HTTP %i is retryable even with a permanent-looking code', (status) => {
    expect(graphHttpError(status, graphBody(1, 'An unknown error occurred')).retryable).toBe(true);
    expect(graphHttpError(status, 'Bad Gateway').retryable).toBe(true);
  });

  it.each([130429, 131056, 131000])('HTTP 400 with %i is retryable', (code) => {
    const e = graphHttpError(400, graphBody(code));
    expect(e.retryable).toBe(true);
    expect(e.explanation.code).toBe(String(code));
  });

  it.each([131047, 131026, 100])('HTTP 400 with %i is permanent', (code) => {
    const e = graphHttpError(400, graphBody(code));
    expect(e.retryable).toBe(false);
    expect(e.explanation.code).toBe(String(code));
  });

  it('401 with 190 is permanent and says to renew WHATSAPP_ACCESS_TOKEN', () => {
    const e = graphHttpError(401, graphBody(190, 'Error validating access token: Session has expired'));
    expect(e.retryable).toBe(false);
    expect(e.explanation.action).toContain('WHATSAPP_ACCESS_TOKEN');
    expect(e.message).toBe('whatsapp 190: the WhatsApp access token has expired or was revoked');
  });

  it('details from error_data end up in the meaning', () => {
    const e = graphHttpError(400, graphBody(131047, '(#131047) Re-engagement message', 'More than 24 hours have passed'));
    expect(e.explanation.meaning).toBe(
      'more than 24 hours have passed since the customer last wrote, so free-form replies are not allowed (More than 24 hours have passed)',
    );
    expect(e.explanation.action).toContain('/wa template');
  });

  it('an unknown code on HTTP 400: permanent, with the Graph message as the meaning', () => {
    const e = graphHttpError(400, graphBody(424242, '(#424242) Something new'));
    expect(e.retryable).toBe(false);
    expect(e.explanation).toEqual({
      code: '424242',
      meaning: '(#424242) Something new',
      action: 'see Meta’s error code reference for this code',
      key: 'whatsappOther.unknown',
      detail: '(#424242) Something new',
    });
  });

  it('the explanation object carries no "retryable" key', () => {
    expect(Object.keys(graphHttpError(400, graphBody(100)).explanation).sort()).toEqual(['action', 'code', 'key', 'meaning']);
  });
});

describe('graphHttpError without a Graph error body', () => {
  test.each([
    [404, false],
    [401, false],
    [400, false],
    [408, true],
    [429, true],
    [502, true],
  ])('HTTP %i → retryable %s', (status, retryable) => {
    const err = graphHttpError(status, undefined);
    expect(err.retryable).toBe(retryable);
    expect(err.explanation.code).toBe(`HTTP ${status}`);
  });
});
