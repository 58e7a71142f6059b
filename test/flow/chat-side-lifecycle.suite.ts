/**
 * The conversation lifecycle every chat side must pass (issue 11 points 3 and 4): claim, assign, add, close, reopen,
 * each shown on the thread's card (its opening message), the owner pinged, and a customer writing to a closed
 * conversation reopening it in its thread or, closed long ago, in a new thread that links to the old one. Written
 * against ChatSideDriver like chat-side.suite.ts (that file is at its size limit); run by the same per-platform files.
 * The subcommands' refusals are unit tests (test/unit/src/services/lifecycle/commands.test.ts).
 */
import type { ChatSideDriver, ThreadView } from '../support/chat-side/driver';
import { ChatSideSteps, textBody } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { customerText } from '../support/webhooks';

/** The card's state line, as either platform's markup writes it (`*Owned* by`, `**Owned** by`). */
const owned = (userId: string) => new RegExp(`Owned\\W+ by <@${userId}>`);

export function chatSideLifecycleSuite(makeDriver: () => ChatSideDriver, label: string): void {
  let d: ChatSideDriver;
  let steps: ChatSideSteps;
  const start = async (env?: Record<string, string>) => {
    d = makeDriver();
    await d.start(label, env);
    steps = new ChatSideSteps(d);
  };
  const card = (thread: ThreadView) => d.opening(thread).text;
  const cardShows = (thread: ThreadView, what: string | RegExp) => eventually(() => expect(card(thread)).toMatch(what));

  afterEach(async () => {
    await d?.stop();
  });

  describe('ownership and lifecycle', () => {
    test('the card shows the customer, the state, the participants and the 24-hour window as a platform date', async () => {
      await start();
      const { thread } = await steps.customerSays('Hello?', { from: '4915100000711', name: 'Ada' });
      const text = card(thread);
      expect(text).toContain('Ada (+4915100000711)');
      expect(text).toMatch(/Open\W+: nobody owns it yet/);
      expect(text).toContain('Participants: none yet');
      // Each reader sees the time in their own zone: Slack `<!date^…>`, Discord `<t:…>`.
      expect(text).toMatch(/window open until (<!date\^\d+\^|<t:\d+:f>)/);
    });

    test('claim: the card names the owner, and the customer’s next message pings the owner instead of the notify users', async () => {
      await start();
      const phone = '4915100000712';
      const { thread } = await steps.customerSays('Hello?', { from: phone });
      const answer = await d.runCommand({ sub: 'claim', thread, phone });
      expect(answer).toEqual({ text: 'You own this conversation now.', private: true });
      await cardShows(thread, owned(d.agentId));
      const { post } = await steps.customerSays('Are you there?', { from: phone });
      expect(post.mentions).toEqual([d.agentId]);
    });

    test('assign, add, close with a message, reopen: each shows on the card; the closing message reaches the customer', async () => {
      await start();
      const phone = '4915100000713';
      const [owner, helper] = d.notifyUsers as [string, string];
      const { thread } = await steps.customerSays('My order is late', { from: phone });
      expect((await d.runCommand({ sub: 'assign', thread, phone, user: owner })).text).toContain('owns this conversation now');
      await cardShows(thread, owned(owner));
      expect((await d.runCommand({ sub: 'add', thread, phone, user: helper })).text).toContain('is a participant now');
      await cardShows(thread, new RegExp(`Participants: <@${helper}>`));
      expect((await d.runCommand({ sub: 'close', thread, phone, message: 'Resolved, thanks!' })).text).toBe('Conversation closed.');
      expect(await steps.sends(1)).toEqual([textBody(`+${phone}`, 'Resolved, thanks!')]);
      await cardShows(thread, /Closed\W+ by <@/);
      await eventually(() => expect(d.threadClosed(thread)).not.toBe(false));
      expect((await d.runCommand({ sub: 'close', thread, phone })).text).toBe('This conversation is closed already.');
      expect((await d.runCommand({ sub: 'reopen', thread, phone })).text).toBe('Conversation reopened.');
      await cardShows(thread, owned(owner));
      await eventually(() => expect(d.threadClosed(thread)).not.toBe(true));
    });

    test('a customer writing to a closed conversation reopens it in its thread, notifying as a new conversation', async () => {
      await start();
      const phone = '4915100000715';
      const { thread } = await steps.customerSays('first', { from: phone });
      await d.agentReplies(thread, 'Done!');
      await steps.sends(1);
      await d.runCommand({ sub: 'close', thread, phone });
      await cardShows(thread, /Closed/);
      const { thread: again, post } = await steps.customerSays('one more thing', { from: phone });
      expect(again.id).toBe(thread.id);
      expect([...post.mentions].sort()).toEqual([...d.notifyUsers].sort());
      await cardShows(thread, /Open\W+: nobody owns it yet/);
      expect(d.threadClosed(thread)).not.toBe(true);
    });

    test('closed longer ago than BRIDGE_REOPEN_SAME_THREAD_DAYS: the customer’s message opens a new thread linking the old one', async () => {
      await start({ BRIDGE_REOPEN_SAME_THREAD_DAYS: '0' });
      const phone = '4915100000716';
      const { thread } = await steps.customerSays('first', { from: phone });
      await d.runCommand({ sub: 'close', thread, phone });
      await cardShows(thread, /Closed/);
      expect(await d.webhook(customerText({ from: phone, text: 'back again' }))).toBe(200);
      const fresh = await eventually(() => {
        const mine = d.threads().filter((t) => t.title.includes(`+${phone}`) && t.id !== thread.id);
        expect(mine).toHaveLength(1);
        return mine[0]!;
      });
      await eventually(() => expect(d.postsIn(fresh).map((p) => p.text)).toEqual(['back again']));
      const opening = d.opening(fresh);
      expect([...opening.mentions].sort()).toEqual([...d.notifyUsers].sort());
      // The link to the old thread: Slack's archives/<channel>/p<ts>, Discord's channels/<guild>/<thread>.
      expect(opening.text).toContain(`Continues an earlier conversation: https://`);
      expect(opening.text).toContain(thread.id.replace('.', ''));
      expect(d.postsIn(thread).map((p) => p.text)).toEqual(['first']);
    });
  });
}
