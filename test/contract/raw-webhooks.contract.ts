/** The raw-webhooks port's contract (src/domain/store/raw-webhooks.ts): one entry per distinct body, read back by time range in pages. */
import { RAW_WEBHOOK_STORE_METHODS } from '../../src/domain/store/raw-webhooks';
import { allPages } from '../../src/domain/store';
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

    test('a time range reads back by source, oldest first, in pages that neither repeat nor skip', async () => {
      const before = new Date(Date.now() - 1000);
      const bodies = ['{"n":1}', '{"n":2}', '{"n":3}'];
      for (const b of bodies) await store().saveRawWebhook('whatsapp', b);
      await store().saveRawWebhook('whatsapp-quarantine', '{"n":"q"}');
      await store().saveRawWebhook('whatsapp', '{"n":1}'); // a redelivery: still one entry
      const after = new Date(Date.now() + 1000);
      const range = { from: before, to: after };
      const first = await store().rawWebhooksReceived('whatsapp', { ...range, limit: 2 });
      expect(first).toHaveLength(2);
      const last = first[1]!;
      const second = await store().rawWebhooksReceived('whatsapp', { ...range, limit: 2, after: { at: last.receivedAt, id: last.id } });
      expect(second).toHaveLength(1);
      const all = [...first, ...second];
      expect(all.map((w) => w.body).sort()).toEqual(bodies);
      expect(all.every((w) => w.source === 'whatsapp' && /^[0-9a-f]{64}$/.test(w.id) && Number.isFinite(w.receivedAt.getTime()))).toBe(true);
      // Ordered by time, then id.
      const keys = all.map((w) => [w.receivedAt.getTime(), w.id] as const);
      expect([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(keys);
      // The same through allPages, with pages of one.
      const paged: string[] = [];
      for await (const page of allPages(
        range,
        1,
        (p) => store().rawWebhooksReceived('whatsapp', p),
        (w) => ({ at: w.receivedAt, id: w.id }),
      ))
        paged.push(...page.map((w) => w.body));
      expect(paged).toEqual(all.map((w) => w.body));
      // Bounds: `to` is exclusive, `from` inclusive; another source is its own.
      expect(await store().rawWebhooksReceived('whatsapp', { from: before, to: before, limit: 10 })).toEqual([]);
      expect(await store().rawWebhooksReceived('whatsapp', { from: after, to: new Date(after.getTime() + 1000), limit: 10 })).toEqual([]);
      expect((await store().rawWebhooksReceived('whatsapp-quarantine', { ...range, limit: 10 })).map((w) => w.body)).toEqual(['{"n":"q"}']);
    });
  });
}
