/** Template webhook reading and what template statuses and qualities mean. */
import { templateEventInfo } from '../../../../../adapters/whatsapp/account-events';
import { qualityMeaning, statusMeaning } from '../../../../../src/services/templates/status';
import { loadWhatsAppFixture } from '../../../../fixtures/whatsapp';

describe('template webhooks (Meta’s examples) and what they mean', () => {
  const value = (fixture: string) => loadWhatsAppFixture(fixture).entry[0].changes[0].value;

  test('status REJECTED with rejection_info', () => {
    const info = templateEventInfo('message_template_status_update', value('template-status-rejected'));
    expect(info).toEqual({
      metaId: '1689556908129835',
      name: 'abandoned_cart',
      language: 'en',
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
      recommendation: 'Separate parameters with descriptive text and ensure each parameter is clearly contextualized.',
      detail: 'Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.',
      category: 'MARKETING',
    });
    expect(statusMeaning('REJECTED', info!)).toMatch(/^It cannot be sent\. Meta’s reason: INVALID_FORMAT\./);
  });

  test('quality and category updates; other fields are not templates', () => {
    expect(templateEventInfo('message_template_quality_update', value('template-quality-update'))).toEqual({
      metaId: '806312974732579',
      name: 'welcome_template',
      language: 'en-US',
      quality: 'YELLOW',
      previousQuality: 'GREEN',
    });
    expect(templateEventInfo('template_category_update', value('template-category-update'))).toEqual({
      metaId: '12345678',
      name: 'my_message_template',
      language: 'he',
      category: 'MARKETING',
      previousCategory: undefined,
    });
    expect(templateEventInfo('account_update', value('account-update-restriction'))).toBeUndefined();
  });

  test.each([
    ['APPROVED', /can be sent now/],
    ['PAUSED', /cannot be sent until Meta lifts the pause.*132015/],
    ['DISABLED', /can no longer be sent \(sends fail with 132016\)/],
    ['PENDING', /cannot be sent until it is approved/],
    ['IN_APPEAL', /under appeal/],
    ['PENDING_DELETION', /deleted/],
  ])('%s', (status, meaning) => {
    expect(statusMeaning(status)).toMatch(meaning);
  });

  test('quality RED warns about pausing', () => {
    expect(qualityMeaning('RED')).toMatch(/Meta may pause it/);
  });
});
