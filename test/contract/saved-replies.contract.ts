/** The saved-replies port's contract (src/domain/store/saved-replies.ts). */
import { savedReplyId, type SavedReplyRecord } from '../../src/domain/store/saved-replies';
import { SAVED_REPLY_STORE_METHODS } from '../../src/domain/store/saved-replies';
import { describePort, type StoreBackend } from './backends';

const reply = (scope: string, name: string, text = `Hello {customer_name}, ${name}`): SavedReplyRecord => ({
  _id: savedReplyId(scope, name),
  scope,
  name,
  text,
  savedBy: { platform: 'slack', userId: 'U1', name: 'Ann' },
  savedAt: new Date(1_700_000_000_000),
});

export function savedRepliesContract(backend: StoreBackend): void {
  describePort('saved replies', SAVED_REPLY_STORE_METHODS, backend, (store) => {
    test('a reply reads back as written; an unknown one is null', async () => {
      expect(await store().saveReply(reply('111', 'greeting'))).toBe('created');
      expect(await store().getReply('111:greeting')).toEqual(reply('111', 'greeting'));
      expect(await store().getReply('111:missing')).toBeNull();
    });

    test('saving the same name again replaces the text and says so', async () => {
      await store().saveReply(reply('111', 'greeting'));
      expect(await store().saveReply(reply('111', 'greeting', 'Hi again'))).toBe('replaced');
      expect((await store().getReply('111:greeting'))?.text).toBe('Hi again');
      expect(await store().listReplies('111')).toHaveLength(1);
    });

    test('a scope’s replies are listed by name, without other scopes’', async () => {
      await store().saveReply(reply('111', 'thanks'));
      await store().saveReply(reply('222', 'greeting'));
      await store().saveReply(reply('111', 'greeting'));
      expect((await store().listReplies('111')).map((r) => r._id)).toEqual(['111:greeting', '111:thanks']);
      expect(await store().listReplies('333')).toEqual([]);
    });

    test('deleting says whether there was one', async () => {
      await store().saveReply(reply('111', 'greeting'));
      expect(await store().deleteReply('111:greeting')).toBe(true);
      expect(await store().deleteReply('111:greeting')).toBe(false);
      expect(await store().getReply('111:greeting')).toBeNull();
    });
  });
}
