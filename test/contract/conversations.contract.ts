/** The conversations port's contract (src/domain/store/conversations.ts): conversations, customer keys, thread links. */
import { CONVERSATION_STORE_METHODS } from '../../src/domain/store/conversations';
import { describePort, type StoreBackend } from './backends';

export function conversationsContract(backend: StoreBackend): void {
  describePort('conversations', CONVERSATION_STORE_METHODS, backend, (store) => {
    test('concurrent first messages from one customer create one conversation, keeping the latest inbound time', async () => {
      const times = Array.from({ length: 10 }, (_, i) => new Date(1_700_000_000_000 + i * 1000));
      const results = await Promise.all(times.map((t) => store().conversationForInbound('111', { waId: '4915100000099', name: 'Jo' }, t)));
      expect(new Set(results.map((r) => r._id))).toEqual(new Set(['111:4915100000099']));
      const conv = await store().getConversation('111:4915100000099');
      expect(conv?.lastInboundAt?.getTime()).toBe(times[9]!.getTime());
      expect(conv?.createdAt.getTime()).toBeGreaterThanOrEqual(times[0]!.getTime());
    });

    test('a new conversation holds its account, customer and first time; a late message never moves the window back', async () => {
      const first = new Date(1_700_000_000_000);
      const conv = await store().conversationForInbound('111', { waId: '4915100000001', name: 'Jo' }, first);
      expect(conv).toMatchObject({ _id: '111:4915100000001', accountId: '111', customer: { waId: '4915100000001', name: 'Jo' }, participants: [] });
      expect(conv.createdAt.getTime()).toBe(first.getTime());
      expect(conv.lastInboundAt?.getTime()).toBe(first.getTime());
      const late = await store().conversationForInbound('111', { waId: '4915100000001', name: 'Jo B.' }, new Date(first.getTime() - 60_000));
      expect(late.lastInboundAt?.getTime()).toBe(first.getTime());
      expect(late.createdAt.getTime()).toBe(first.getTime());
      expect(late.customer.name).toBe('Jo B.');
      // A message without a profile name keeps the one stored.
      const unnamed = await store().conversationForInbound('111', { waId: '4915100000001' }, new Date(first.getTime() + 1000));
      expect(unnamed.customer.name).toBe('Jo B.');
      expect(unnamed.lastInboundAt?.getTime()).toBe(first.getTime() + 1000);
    });

    test('a customer later known only by their business-scoped user id finds the same conversation', async () => {
      const first = await store().conversationForInbound('111', { waId: '4915100000100', userId: 'DE.123456789' }, new Date());
      const later = await store().conversationForInbound('111', { userId: 'DE.123456789' }, new Date());
      expect(later._id).toBe(first._id);
      const unknown = await store().conversationForInbound('111', { userId: 'US.987' }, new Date());
      expect(unknown._id).toBe('111:US.987');
      // The key is per account: another number's customer with the same user id is another conversation.
      expect((await store().conversationForInbound('222', { userId: 'DE.123456789' }, new Date()))._id).toBe('222:DE.123456789');
    });

    test('a customer with neither a wa_id nor a user id is refused', async () => {
      await expect(store().conversationForInbound('111', { name: 'Nobody' }, new Date())).rejects.toThrow();
      await expect(store().conversationForOutbound('111', {}, new Date())).rejects.toThrow();
    });

    test('a company-initiated send creates the conversation with the window closed and never opens it', async () => {
      const at = new Date(1_700_000_000_000);
      const created = await store().conversationForOutbound('111', { waId: '4915100000002' }, at);
      expect(created).toMatchObject({ _id: '111:4915100000002', accountId: '111', customer: { waId: '4915100000002' }, participants: [] });
      expect(created.createdAt.getTime()).toBe(at.getTime());
      expect(created.lastInboundAt).toBeUndefined();
      await store().conversationForInbound('111', { waId: '4915100000002' }, at);
      const again = await store().conversationForOutbound('111', { waId: '4915100000002', name: 'Sam' }, new Date(at.getTime() + 60_000));
      expect(again.lastInboundAt?.getTime()).toBe(at.getTime());
      expect(again.customer.name).toBe('Sam');
      expect((await store().getConversation('111:4915100000002'))?.lastInboundAt?.getTime()).toBe(at.getTime());
    });

    test('an unknown conversation is null, and an agent reply to it creates nothing', async () => {
      expect(await store().getConversation('111:none')).toBeNull();
      await store().recordAgentReply('111:none', { platform: 'slack', userId: 'U1', lastReplyAt: new Date() });
      expect(await store().getConversation('111:none')).toBeNull();
    });

    test('two agents replying at once are both recorded as participants', async () => {
      await store().conversationForInbound('222', { waId: '4915100000200' }, new Date());
      const at = new Date();
      await Promise.all(['U1', 'U2', 'U3'].map((userId) => store().recordAgentReply('222:4915100000200', { platform: 'slack', userId, lastReplyAt: at })));
      const conv = await store().getConversation('222:4915100000200');
      expect(conv?.participants.map((p) => p.userId).sort()).toEqual(['U1', 'U2', 'U3']);
    });

    test('an agent replying again is one participant with the later time; the same id on another platform is another', async () => {
      await store().conversationForInbound('222', { waId: '4915100000201' }, new Date());
      const t1 = new Date(1_700_000_000_000);
      const t2 = new Date(1_700_000_060_000);
      await store().recordAgentReply('222:4915100000201', { platform: 'slack', userId: 'U1', name: 'Ann', lastReplyAt: t2 });
      await store().recordAgentReply('222:4915100000201', { platform: 'slack', userId: 'U1', name: 'Ann', lastReplyAt: t1 });
      await store().recordAgentReply('222:4915100000201', { platform: 'discord', userId: 'U1', lastReplyAt: t1 });
      const conv = await store().getConversation('222:4915100000201');
      expect(conv?.participants).toHaveLength(2);
      expect(conv?.participants.find((p) => p.platform === 'slack')).toMatchObject({ userId: 'U1', name: 'Ann' });
      // The conversation's last agent reply only moves forward.
      expect(conv?.lastAgentReplyAt?.getTime()).toBe(t2.getTime());
    });

    test('one thread link per conversation and platform: a second save returns the first', async () => {
      const a = await store().saveThreadLink({ conversationId: 'acc:t', platform: 'slack', channelId: 'C1', threadId: '1.1', createdAt: new Date() });
      const b = await store().saveThreadLink({ conversationId: 'acc:t', platform: 'slack', channelId: 'C1', threadId: '2.2', createdAt: new Date() });
      expect(b._id).toBe(a._id);
      expect((await store().findThreadLinkByThread('slack', 'C1', '1.1'))?.conversationId).toBe('acc:t');
      expect(await store().findThreadLinkByThread('slack', 'C1', '2.2')).toBeNull();
    });

    test('a thread link is found by conversation and platform, and by thread; other platforms and conversations are not', async () => {
      const saved = await store().saveThreadLink({ conversationId: 'acc:l', platform: 'slack', channelId: 'C1', threadId: '5.5', createdAt: new Date() });
      expect(saved).toMatchObject({ _id: 'slack:C1:5.5', conversationId: 'acc:l', platform: 'slack', channelId: 'C1', threadId: '5.5' });
      expect(await store().findThreadLink('acc:l', 'slack')).toMatchObject({ _id: saved._id, channelId: 'C1', threadId: '5.5' });
      expect(await store().findThreadLink('acc:l', 'discord')).toBeNull();
      expect(await store().findThreadLink('acc:other', 'slack')).toBeNull();
      expect(await store().findThreadLinkByThread('slack', 'C2', '5.5')).toBeNull();
      expect(await store().findThreadLinkByThread('discord', 'C1', '5.5')).toBeNull();
      const at = new Date(1_700_000_000_000);
      await store().markMentioned(saved._id, at);
      expect((await store().findThreadLink('acc:l', 'slack'))?.lastMentionAt?.getTime()).toBe(at.getTime());
      expect((await store().findThreadLinkByThread('slack', 'C1', '5.5'))?.lastMentionAt?.getTime()).toBe(at.getTime());
    });

    test('a conversation has its own thread on each platform', async () => {
      await store().saveThreadLink({ conversationId: 'acc:p', platform: 'slack', channelId: 'C1', threadId: '9.9', createdAt: new Date() });
      await store().saveThreadLink({ conversationId: 'acc:p', platform: 'discord', channelId: 'D1', threadId: '99', createdAt: new Date() });
      expect((await store().findThreadLink('acc:p', 'slack'))?._id).toBe('slack:C1:9.9');
      expect((await store().findThreadLink('acc:p', 'discord'))?._id).toBe('discord:D1:99');
      expect((await store().findThreadLinkByThread('discord', 'D1', '99'))?.conversationId).toBe('acc:p');
    });

    test('concurrent saves of a conversation’s first thread keep one link, returned to every caller', async () => {
      const saves = ['1.1', '2.2', '3.3'].map((threadId) =>
        store().saveThreadLink({ conversationId: 'acc:c', platform: 'slack', channelId: 'C1', threadId, createdAt: new Date() }),
      );
      const links = await Promise.all(saves);
      expect(new Set(links.map((l) => l._id)).size).toBe(1);
      expect((await store().findThreadLink('acc:c', 'slack'))?._id).toBe(links[0]!._id);
    });

    test('lifecycle fields are set, and removed with null; an unknown conversation is left alone', async () => {
      await store().conversationForInbound('111', { waId: '4915100000300' }, new Date());
      const id = '111:4915100000300';
      const at = new Date(1_700_000_000_000);
      await store().updateLifecycle(id, { state: 'owned', owner: { platform: 'slack', userId: 'U1', name: 'Ann' }, ownedAt: at });
      expect(await store().getConversation(id)).toMatchObject({ state: 'owned', owner: { platform: 'slack', userId: 'U1', name: 'Ann' } });
      expect((await store().getConversation(id))?.ownedAt?.getTime()).toBe(at.getTime());
      await store().updateLifecycle(id, {
        state: 'closed',
        owner: null,
        closedAt: at,
        previousThreads: { slack: { channelId: 'C1', threadId: '1.1' } },
      });
      const closed = await store().getConversation(id);
      expect(closed).toMatchObject({ state: 'closed', previousThreads: { slack: { channelId: 'C1', threadId: '1.1' } } });
      expect(closed?.owner).toBeUndefined();
      // The other fields stay (an absent key changes nothing).
      expect(closed?.ownedAt?.getTime()).toBe(at.getTime());
      await store().updateLifecycle('111:none', { state: 'closed' });
      expect(await store().getConversation('111:none')).toBeNull();
    });

    test('a person added is a participant once, and the last agent reply does not move', async () => {
      await store().conversationForInbound('111', { waId: '4915100000301' }, new Date());
      const id = '111:4915100000301';
      const at = new Date(1_700_000_000_000);
      await store().addParticipant(id, { platform: 'discord', userId: '42', name: 'Bo', lastReplyAt: at });
      await store().addParticipant(id, { platform: 'discord', userId: '42', name: 'Bo', lastReplyAt: new Date() });
      await store().addParticipant('111:none', { platform: 'discord', userId: '42', lastReplyAt: at });
      const conv = await store().getConversation(id);
      expect(conv?.participants).toEqual([{ platform: 'discord', userId: '42', name: 'Bo', lastReplyAt: at }]);
      expect(conv?.lastAgentReplyAt).toBeUndefined();
    });

    test('a retired thread is no longer the conversation’s current one, is still found by thread, and a new one can be linked', async () => {
      const old = await store().saveThreadLink({ conversationId: 'acc:r', platform: 'slack', channelId: 'C1', threadId: '1.1', createdAt: new Date() });
      await store().markCardShown(old._id, { digest: 'abc', rootMessageId: '1.1' });
      expect(await store().findThreadLink('acc:r', 'slack')).toMatchObject({ cardShown: 'abc', rootMessageId: '1.1' });
      const at = new Date(1_700_000_000_000);
      await store().retireThreadLink('acc:r', 'slack', at);
      await store().retireThreadLink('acc:none', 'slack', at);
      expect(await store().findThreadLink('acc:r', 'slack')).toBeNull();
      const found = await store().findThreadLinkByThread('slack', 'C1', '1.1');
      expect(found).toMatchObject({ conversationId: 'acc:r' });
      expect(found?.retiredAt?.getTime()).toBe(at.getTime());
      const fresh = await store().saveThreadLink({ conversationId: 'acc:r', platform: 'slack', channelId: 'C1', threadId: '2.2', createdAt: new Date() });
      expect(fresh._id).toBe('slack:C1:2.2');
      expect((await store().findThreadLink('acc:r', 'slack'))?._id).toBe('slack:C1:2.2');
    });

    test('a record read is a copy: editing it changes nothing stored', async () => {
      const conv = await store().conversationForInbound('111', { waId: '4915100000003' }, new Date());
      conv.participants.push({ platform: 'slack', userId: 'U9', lastReplyAt: new Date() });
      conv.customer.name = 'edited';
      const stored = await store().getConversation('111:4915100000003');
      expect(stored?.participants).toEqual([]);
      expect(stored?.customer.name).toBeUndefined();
    });
  });
}
