/** The lookups port's contract (src/domain/store/lookups.ts): bounded searches over what the other ports wrote. */
import type { MessageRecord } from '../../src/domain/records';
import { LOOKUP_STORE_METHODS } from '../../src/domain/store/lookups';
import { describePort, type StoreBackend } from './backends';

const at = (minute: number) => new Date(1_700_000_000_000 + minute * 60_000);
const message = (id: string, conversationId: string, minute: number, extra: Partial<MessageRecord> = {}): MessageRecord => ({
  _id: id,
  conversationId,
  direction: 'outbound',
  createdAt: at(minute),
  text: id,
  mirrors: [],
  ...extra,
});

export function lookupsContract(backend: StoreBackend): void {
  describePort('lookups', LOOKUP_STORE_METHODS, backend, (store) => {
    test('conversations are found by digits of the number or by part of the name (any case), the latest writer first, within the given numbers', async () => {
      await store().conversationForInbound('111', { waId: '4915112345678', name: 'Sheena Nelson' }, at(1));
      await store().conversationForInbound('111', { waId: '16505551234', name: 'Priya' }, at(5));
      await store().conversationForOutbound('111', { waId: '4915199999999' }, at(2));
      await store().conversationForInbound('222', { waId: '4915100000001', name: 'sheena other' }, at(9));
      const ids = async (q: Parameters<ReturnType<typeof store>['searchConversations']>[0]) => (await store().searchConversations(q)).map((c) => c._id);
      expect(await ids({ accountIds: ['111'], digits: '49151', limit: 10 })).toEqual(['111:4915112345678', '111:4915199999999']);
      expect(await ids({ accountIds: ['111', '222'], name: 'SHEENA', limit: 10 })).toEqual(['222:4915100000001', '111:4915112345678']);
      expect(await ids({ accountIds: ['111'], digits: '1650', name: 'sheena', limit: 10 })).toEqual(['111:16505551234', '111:4915112345678']);
      expect(await ids({ accountIds: ['111', '222'], name: 'e', limit: 2 })).toHaveLength(2);
      // Characters a regular expression would read are taken literally.
      expect(await ids({ accountIds: ['111'], name: '.*', limit: 10 })).toEqual([]);
      expect(await ids({ accountIds: ['111'], limit: 10 })).toEqual([]);
      expect(await ids({ accountIds: [], name: 'Sheena', limit: 10 })).toEqual([]);
    });

    test('a conversation’s last messages, newest first, at most the limit, without other conversations’', async () => {
      await store().insertMessage(message('a', '111:1', 1));
      await store().insertMessage(message('b', '111:1', 3));
      await store().insertMessage(message('c', '111:1', 2));
      await store().insertMessage(message('d', '111:2', 4));
      expect((await store().recentMessages('111:1', 2)).map((m) => m._id)).toEqual(['b', 'c']);
      expect((await store().recentMessages('111:1', 10)).map((m) => m._id)).toEqual(['b', 'c', 'a']);
      expect(await store().recentMessages('111:3', 10)).toEqual([]);
    });

    test('failed messages of the given numbers, the latest failure first, at most the limit', async () => {
      const failed = (minute: number) => ({ state: 'failed' as const, stateAt: at(minute) });
      await store().insertMessage(message('f1', '111:1', 1, failed(10)));
      await store().insertMessage(message('f2', '111:2', 2, failed(30)));
      await store().insertMessage(message('ok', '111:2', 3, { state: 'delivered', stateAt: at(40) }));
      await store().insertMessage(message('f3', '222:1', 4, failed(50)));
      await store().insertMessage(message('f4', '1111:1', 5, failed(60))); // another number sharing a prefix
      expect((await store().failedMessages({ accountIds: ['111'], limit: 10 })).map((m) => m._id)).toEqual(['f2', 'f1']);
      expect((await store().failedMessages({ accountIds: ['111', '222'], limit: 2 })).map((m) => m._id)).toEqual(['f3', 'f2']);
      expect(await store().failedMessages({ accountIds: [], limit: 10 })).toEqual([]);
    });
  });
}
