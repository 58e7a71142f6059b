/** The raw-webhooks port's contract (src/domain/store/raw-webhooks.ts), read back through the backend (the port has no reader). */
import { RAW_WEBHOOK_STORE_METHODS } from '../../src/domain/store/raw-webhooks';
import { describePort, type StoreBackend } from './backends';

export function rawWebhooksContract(backend: StoreBackend): void {
  describePort('raw webhooks', RAW_WEBHOOK_STORE_METHODS, backend, (store) => {
    test('every distinct body is archived once with its source; a redelivery adds nothing', async () => {
      const body = '{"object":"whatsapp_business_account","entry":[]}';
      await store().saveRawWebhook('whatsapp', body);
      await store().saveRawWebhook('whatsapp', body);
      await Promise.all([store().saveRawWebhook('whatsapp', `${body} `), store().saveRawWebhook('whatsapp', `${body} `)]);
      await store().saveRawWebhook('whatsapp-quarantine', '{"reason":"unparseable"}');
      const archived = await backend.archivedWebhooks();
      expect(archived.sort((a, b) => a.body.localeCompare(b.body))).toEqual([
        { source: 'whatsapp', body },
        { source: 'whatsapp', body: `${body} ` },
        { source: 'whatsapp-quarantine', body: '{"reason":"unparseable"}' },
      ]);
    });
  });
}
