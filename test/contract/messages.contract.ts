/** The messages port's contract (src/domain/store/messages.ts): messages, mirrors, wamid links and monotonic statuses. */
import type { MessageRecord } from '../../src/domain/records';
import { MESSAGE_STORE_METHODS } from '../../src/domain/store/messages';
import { describePort, type StoreBackend } from './backends';

const inbound = (id: string, conversationId = 'acc:1'): MessageRecord => ({
  _id: id,
  conversationId,
  direction: 'inbound',
  createdAt: new Date(),
  content: { kind: 'text', text: id },
  mirrors: [],
});
const outbound = (id: string): MessageRecord => ({ _id: id, conversationId: 'acc:1', direction: 'outbound', createdAt: new Date(), text: 'hi', mirrors: [] });

export function messagesContract(backend: StoreBackend): void {
  describePort('messages', MESSAGE_STORE_METHODS, backend, (store) => {
    test('a message is inserted once; a redelivery reports false and changes nothing', async () => {
      expect(await store().insertMessage(inbound('wa:m1'))).toBe(true);
      expect(await store().insertMessage({ ...inbound('wa:m1'), content: { kind: 'text', text: 'changed' } })).toBe(false);
      expect((await store().getMessage('wa:m1'))?.content).toEqual({ kind: 'text', text: 'wa:m1' });
      expect(await store().getMessage('wa:unknown')).toBeNull();
    });

    test('a message reads back as written', async () => {
      const message: MessageRecord = {
        ...outbound('slack:C1:r.1'),
        origin: { platform: 'slack', channelId: 'C1', threadId: 't.1', messageId: 'r.1', authorId: 'U1', authorName: 'Ann' },
        state: 'queued',
        stateAt: new Date(1_700_000_000_000),
        parts: ['slack:C1:r.1#2'],
      };
      await store().insertMessage(message);
      expect(await store().getMessage('slack:C1:r.1')).toEqual(message);
    });

    test('an update sets the given fields, a dotted key one nested field, and ignores undefined values', async () => {
      await store().insertMessage(outbound('slack:C1:u.1'));
      const at = new Date(1_700_000_000_000);
      await store().updateMessage('slack:C1:u.1', { wamid: 'wu1', state: 'accepted', stateAt: at });
      await store().updateMessage('slack:C1:u.1', { ['shownStatus.slack']: 'delivered' } as Partial<MessageRecord>);
      await store().updateMessage('slack:C1:u.1', { ['shownStatus.discord']: 'read' } as Partial<MessageRecord>);
      await store().updateMessage('slack:C1:u.1', { ['customerReaction.slack']: '👍' } as Partial<MessageRecord>);
      await store().updateMessage('slack:C1:u.1', { state: undefined, text: 'edited' });
      const m = await store().getMessage('slack:C1:u.1');
      expect(m).toMatchObject({
        wamid: 'wu1',
        state: 'accepted',
        text: 'edited',
        shownStatus: { slack: 'delivered', discord: 'read' },
        customerReaction: { slack: '👍' },
      });
      expect(m?.stateAt?.getTime()).toBe(at.getTime());
      // An update of an unknown message creates nothing.
      await store().updateMessage('slack:C1:none', { text: 'x' });
      expect(await store().getMessage('slack:C1:none')).toBeNull();
    });

    test('a message is found by its wamid: a customer’s by its own id, one the bridge sent through its wamid link', async () => {
      await store().insertMessage({ ...inbound('wa:wf-in'), wamid: 'wf-in' });
      await store().insertMessage(outbound('slack:C1:f.1'));
      await store().updateMessage('slack:C1:f.1', { wamid: 'wf-out', state: 'accepted' });
      await store().linkWamid('wf-out', 'slack:C1:f.1');
      expect((await store().findMessageByWamid('wf-in'))?._id).toBe('wa:wf-in');
      expect((await store().findMessageByWamid('wf-out'))?._id).toBe('slack:C1:f.1');
      expect(await store().findMessageByWamid('wf-unknown')).toBeNull();
      // A status for an unknown wamid creates its document without a message: still nothing to find.
      await store().applyStatus({ accountId: 'a', wamid: 'wf-status-only', status: 'sent', at: new Date() });
      expect(await store().findMessageByWamid('wf-status-only')).toBeNull();
    });

    test('a mirror is recorded once per location, and the chat message finds its message again', async () => {
      await store().insertMessage(inbound('wa:mm1'));
      const where = { platform: 'slack' as const, channelId: 'C1', threadId: 't.1', messageId: 'p.1' };
      const there = { platform: 'discord' as const, channelId: 'D1', threadId: 'd.1', messageId: '77' };
      await store().addMirror('wa:mm1', where);
      await store().addMirror('wa:mm1', where);
      await store().addMirror('wa:mm1', there);
      expect((await store().getMessage('wa:mm1'))?.mirrors).toEqual([where, there]);
      expect((await store().findMessageByChatMessage('slack', 'C1', 'p.1'))?._id).toBe('wa:mm1');
      expect((await store().findMessageByChatMessage('discord', 'D1', '77'))?._id).toBe('wa:mm1');
      expect(await store().findMessageByChatMessage('slack', 'C2', 'p.1')).toBeNull();
      expect(await store().findMessageByChatMessage('discord', 'C1', 'p.1')).toBeNull();
      expect(await store().findMessageByChatMessage('slack', 'C1', 'p.unknown')).toBeNull();
    });

    test('parallel mirrors of one message are all kept', async () => {
      await store().insertMessage(inbound('wa:mm2'));
      const locations = ['a', 'b', 'c', 'd'].map((m) => ({ platform: 'slack' as const, channelId: 'C1', threadId: 't.2', messageId: m }));
      await Promise.all(locations.map((l) => store().addMirror('wa:mm2', l)));
      expect((await store().getMessage('wa:mm2'))?.mirrors.map((m) => m.messageId).sort()).toEqual(['a', 'b', 'c', 'd']);
    });

    test('statuses are monotonic: lower or equal ranks are not applied, failed is final', async () => {
      const at = new Date();
      expect((await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'delivered', at })).applied).toBe(true);
      expect((await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'sent', at })).applied).toBe(false);
      expect((await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'delivered', at })).applied).toBe(false);
      expect(await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'read', at })).toEqual({
        applied: true,
        previous: 'delivered',
        messageId: undefined,
      });
      expect((await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'failed', at, error: { code: 131026, title: 'x' } })).applied).toBe(true);
      expect((await store().applyStatus({ accountId: 'a', wamid: 'w1', status: 'read', at })).applied).toBe(false);
    });

    test('a status stored before the wamid is linked is returned by the link, and later statuses know the message', async () => {
      await store().applyStatus({ accountId: 'a', wamid: 'w2', status: 'delivered', at: new Date() });
      expect(await store().linkWamid('w2', 'slack:C1:9.9')).toMatchObject({ status: 'delivered' });
      expect(await store().applyStatus({ accountId: 'a', wamid: 'w2', status: 'read', at: new Date() })).toEqual({
        applied: true,
        previous: 'delivered',
        messageId: 'slack:C1:9.9',
      });
      expect(await store().linkWamid('w3', 'slack:C1:9.8')).toEqual({ status: undefined, error: undefined });
    });

    test('a failure that arrived before the link is returned with its error', async () => {
      const error = { code: 131047, title: 'Re-engagement message', details: 'more than 24 hours' };
      await store().applyStatus({ accountId: 'a', wamid: 'w4', status: 'failed', at: new Date(), error });
      expect(await store().linkWamid('w4', 'slack:C1:4.4')).toEqual({ status: 'failed', error });
      // Linked to a message that is not stored: nothing to find.
      expect(await store().findMessageByWamid('w4')).toBeNull();
    });

    test('a batch of statuses is applied in order, monotonic per wamid, one result per update', async () => {
      const at = new Date();
      await store().linkWamid('wb1', 'slack:C1:b.1');
      const results = await store().applyStatuses([
        { accountId: 'a', wamid: 'wb1', status: 'sent', at },
        { accountId: 'a', wamid: 'wb2', status: 'read', at },
        { accountId: 'a', wamid: 'wb1', status: 'read', at },
        { accountId: 'a', wamid: 'wb1', status: 'delivered', at },
        { accountId: 'a', wamid: 'wb2', status: 'delivered', at },
      ]);
      expect(results).toEqual([
        { applied: true, previous: undefined, messageId: 'slack:C1:b.1' },
        { applied: true, previous: undefined, messageId: undefined },
        { applied: true, previous: 'sent', messageId: 'slack:C1:b.1' },
        { applied: false },
        { applied: false },
      ]);
      expect(await store().applyStatuses([])).toEqual([]);
      // Stored: the next single update sees the batch's outcome.
      expect(await store().applyStatus({ accountId: 'a', wamid: 'wb1', status: 'failed', at, error: { code: 131026, title: 'x' } })).toEqual({
        applied: true,
        previous: 'read',
        messageId: 'slack:C1:b.1',
      });
      expect(await store().linkWamid('wb2', 'slack:C1:b.2')).toEqual({ status: 'read', error: undefined });
    });

    test('concurrent batches touching the same wamid never lose the highest status', async () => {
      const at = new Date();
      const order: ('sent' | 'delivered' | 'read')[] = ['read', 'sent', 'delivered', 'sent', 'read', 'delivered'];
      const results = await Promise.all(order.map((status) => store().applyStatuses([{ accountId: 'a', wamid: 'wc1', status, at }])));
      expect(results.flat().filter((r) => r.applied).length).toBeGreaterThanOrEqual(1);
      expect(await store().linkWamid('wc1', 'm')).toMatchObject({ status: 'read' });
    });

    test('a record read is a copy: editing it changes nothing stored', async () => {
      const written = inbound('wa:c1');
      await store().insertMessage(written);
      written.mirrors.push({ platform: 'slack', channelId: 'C1', threadId: 't', messageId: 'x' });
      const read = await store().getMessage('wa:c1');
      read!.mirrors.push({ platform: 'slack', channelId: 'C1', threadId: 't', messageId: 'y' });
      expect((await store().getMessage('wa:c1'))?.mirrors).toEqual([]);
    });

    test('messages of a time range read back by creation time then id, in pages, `to` excluded', async () => {
      const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
      await store().insertMessage({ ...inbound('wa:m-early'), createdAt: t(0) });
      await store().insertMessage({ ...inbound('wa:m1'), createdAt: t(10) });
      await store().insertMessage({ ...inbound('wa:m3'), createdAt: t(20) });
      await store().insertMessage({ ...outbound('slack:C1:m2'), createdAt: t(20), template: { name: 'hello', language: 'en' } });
      await store().insertMessage({ ...inbound('wa:m-late'), createdAt: t(30) });
      const range = { from: t(10), to: t(30) };
      const first = await store().messagesCreated({ ...range, limit: 2 });
      expect(first.map((m) => m._id)).toEqual(['wa:m1', 'slack:C1:m2']);
      expect(first[1]).toMatchObject({ direction: 'outbound', template: { name: 'hello', language: 'en' }, createdAt: t(20) });
      const second = await store().messagesCreated({ ...range, limit: 2, after: { at: t(20), id: 'slack:C1:m2' } });
      expect(second.map((m) => m._id)).toEqual(['wa:m3']);
      expect(await store().messagesCreated({ ...range, limit: 2, after: { at: t(20), id: 'wa:m3' } })).toEqual([]);
    });
  });
}
