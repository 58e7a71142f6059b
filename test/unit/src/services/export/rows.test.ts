/** One export row per message (src/services/export/rows.ts): who, to whom, what, and the status, never the body. */
import type { ConversationRecord, MessageRecord } from '../../../../../src/domain/records';
import { EXPORT_COLUMNS, exportRow } from '../../../../../src/services/export/rows';

const conversation: ConversationRecord = {
  _id: '106540352242922:4915112345678',
  accountId: '106540352242922',
  customer: { waId: '4915112345678', name: 'Sheena' },
  createdAt: new Date(0),
  participants: [],
};
const base = { conversationId: conversation._id, createdAt: new Date('2026-05-01T08:00:00Z'), mirrors: [] };
const names = (id: string) => (id === '106540352242922' ? 'sales' : undefined);

test('a template sent with /wa template: who sent it, which template, its status', () => {
  const m: MessageRecord = {
    ...base,
    _id: 'tpl:1',
    direction: 'outbound',
    template: { name: 'order_update', language: 'en_US' },
    sentBy: { platform: 'discord', userId: '81234', name: 'Bo' },
    state: 'failed',
    stateAt: new Date('2026-05-01T08:00:05Z'),
    failure: { code: '131026', meaning: 'Message undeliverable', action: 'check the number', retryable: false },
    wamid: 'wamid.X',
    text: 'the filled-in body',
  };
  expect(exportRow(m, conversation, names)).toEqual({
    created_at: '2026-05-01T08:00:00.000Z',
    direction: 'outbound',
    account: 'sales',
    phone_number_id: '106540352242922',
    customer: '+4915112345678',
    customer_name: 'Sheena',
    agent: 'Bo',
    agent_id: '81234',
    agent_platform: 'discord',
    kind: 'template',
    template: 'order_update',
    template_language: 'en_US',
    status: 'failed',
    status_at: '2026-05-01T08:00:05.000Z',
    failure: '131026: Message undeliverable',
    message_id: 'tpl:1',
    wamid: 'wamid.X',
    conversation_id: conversation._id,
  });
  expect(Object.keys(exportRow(m, conversation, names))).toEqual([...EXPORT_COLUMNS]);
});

test('an inbound image; an unknown conversation falls back to the id; an automatic answer names no person', () => {
  const image: MessageRecord = { ...base, _id: 'wa:1', direction: 'inbound', content: { kind: 'media', media: 'image', caption: 'secret' } };
  expect(exportRow(image, null, names)).toMatchObject({ kind: 'image', customer: '4915112345678', account: 'sales', agent: undefined });
  expect(JSON.stringify(exportRow(image, null, names))).not.toContain('secret');
  const auto = { ...base, _id: 'auto:1', direction: 'outbound', automatic: { kind: 'away', rule: 'weekend' } } as unknown as MessageRecord;
  expect(exportRow(auto, conversation, names)).toMatchObject({ kind: 'automatic away', agent: '(automatic: weekend)', agent_platform: undefined });
});
