/**
 * The agents' tools of issue 11 (points 6-8), written once against ChatSideDriver and run for each platform by
 * agent-tools-slack.test.ts and agent-tools-discord.test.ts: saved replies picked in a thread and sent with their
 * placeholders filled; `/wa find`, `/wa history`, `/wa failed` answered privately; an agent's edit or deletion after the
 * send told in the thread, an edit before it sent as edited. What reaches WhatsApp is the exact body the Graph fake got.
 */
import type { ChatSideDriver, ThreadView } from '../support/chat-side/driver';
import { ChatSideSteps, textBody } from '../support/chat-side/steps';
import { eventually } from '../support/harness';
import { CUSTOMER } from '../support/media';
import { statusUpdate } from '../support/webhooks';

export function agentToolsSuite(makeDriver: () => ChatSideDriver, label: string): void {
  let d: ChatSideDriver;
  let wamids: string[];
  let steps: ChatSideSteps;

  beforeEach(async () => {
    d = makeDriver();
    await d.start(label);
    wamids = [];
    d.graph.onMessageSent = (_body, wamid) => wamids.push(wamid);
    steps = new ChatSideSteps(d);
  });
  afterEach(async () => {
    await d?.stop();
  });

  /** `/wa history` where this platform can run it: in the thread, else with the customer's number. */
  const history = (thread: ThreadView) =>
    d.commandsInThreads ? d.runCommand({ sub: 'history' }, { in: thread }) : d.runCommand({ sub: 'history', phone: `+${CUSTOMER}` });

  describe('saved replies', () => {
    test('added with placeholders, listed, picked in the thread: posted there and sent with the placeholders filled', async () => {
      const text = 'Hello {customer_first_name}, {agent_name} here. We will call you on {customer_phone}.';
      const added = await d.runCommand({ sub: 'replies', action: 'add', name: 'greeting', text });
      expect(added.private).toBe(true);
      expect(added.text).toContain('greeting');
      expect(added.text).toContain('added');
      const listed = await d.runCommand({ sub: 'replies', action: 'list' });
      expect(listed.private).toBe(true);
      // Each platform's markup may escape the placeholders' underscores: the words around them are checked.
      expect(listed.text).toContain('`greeting`');
      expect(listed.text).toContain('here. We will call you on');

      const { thread } = await steps.customerSays('Can someone call me?', { name: 'Sheena Nelson' });
      const picked = await d.agentPicksSavedReply(thread, 'greeting');
      expect(picked.offered).toEqual(['greeting']);
      const filled = `Hello Sheena, ${d.agentName} here. We will call you on +${CUSTOMER}.`;
      expect(await steps.sends(1)).toEqual([textBody(`+${CUSTOMER}`, filled)]);
      // Posted in the thread as the agent's reply, and its delivery status shown on that post.
      const post = await eventually(() => {
        const p = d.postsIn(thread).find((x) => x.byBridge && x.text.includes(filled));
        expect(p).toBeDefined();
        return p!;
      });
      await d.webhook(statusUpdate(wamids[0]!, 'delivered'));
      await eventually(() => expect(d.statusMarksOn(thread, post.id)).toEqual(['delivered']));
    });

    test('an unknown placeholder is refused when the reply is added; a removed reply is gone; an unknown name is refused when picked', async () => {
      const refused = await d.runCommand({ sub: 'replies', action: 'add', name: 'typo', text: 'Hi {custmer_name}' });
      expect(refused.private).toBe(true);
      expect(refused.text).toContain('{custmer_name}');
      expect(refused.text).toContain('{customer_name}'); // the list of the real ones
      expect((await d.runCommand({ sub: 'replies', action: 'list' })).text).toContain('no saved replies');

      await d.runCommand({ sub: 'replies', action: 'add', name: 'bye', text: 'Goodbye!' });
      expect((await d.runCommand({ sub: 'replies', action: 'remove', name: 'bye' })).text).toContain('removed');
      expect((await d.runCommand({ sub: 'replies', action: 'list' })).text).toContain('no saved replies');

      const { thread } = await steps.customerSays('hello');
      await d.runCommand({ sub: 'replies', action: 'add', name: 'thanks', text: 'Thank you!' });
      const reply = await d.runCommand({ sub: 'reply', name: 'nosuch', phone: `+${CUSTOMER}` });
      expect(reply.text).toContain('no saved reply `nosuch`');
      expect(d.postsIn(thread).filter((p) => p.byBridge && p.text.includes('Thank you'))).toEqual([]);
      expect(steps.messageCalls()).toHaveLength(0);
    });

    test('a saved reply after the 24-hour window is refused before calling Meta, like a typed one', async () => {
      await d.runCommand({ sub: 'replies', action: 'add', name: 'late', text: 'Sorry for the wait, {customer_name}' });
      const dayAndAnHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
      const { thread } = await steps.customerSays('old message', { timestamp: dayAndAnHourAgo });
      await d.agentPicksSavedReply(thread, 'late');
      await steps.noticeIn(thread, '/wa template');
      expect(steps.messageCalls()).toHaveLength(0);
    });
  });

  describe('find, history, failed: answered privately', () => {
    test('`/wa find` by name or by digits links to the customer’s thread; nothing matching says so', async () => {
      const { thread } = await steps.customerSays('hi', { name: 'Sheena Nelson' });
      for (const query of ['sheena', CUSTOMER.slice(0, 6)]) {
        const answer = await d.runCommand({ sub: 'find', query });
        expect(answer.private).toBe(true);
        expect(answer.text).toContain('Sheena Nelson');
        expect(answer.text).toContain(d.threadLinkPart(thread));
      }
      expect((await d.runCommand({ sub: 'find', query: 'Nobody' })).text).toContain('No conversation matches');
    });

    test('`/wa history` lists the last messages oldest first with direction, sender and status', async () => {
      const { thread } = await steps.customerSays('Is it in stock?', { name: 'Sheena Nelson' });
      await d.agentReplies(thread, 'Yes, two left.');
      await steps.sends(1);
      await d.webhook(statusUpdate(wamids[0]!, 'read'));
      await eventually(async () => {
        const answer = await history(thread);
        expect(answer.private).toBe(true);
        const lines = answer.text.split('\n').filter((l) => l.startsWith('• '));
        expect(lines).toHaveLength(2);
        expect(lines[0]).toContain('← Sheena Nelson: “Is it in stock?”');
        expect(lines[1]).toContain(`→ ${d.agentName}: “Yes, two left.” — read`);
      });
    });

    test('`/wa failed` lists a failed message with its reason and a link to its thread', async () => {
      const { thread } = await steps.customerSays('Send me the offer', { name: 'Sheena Nelson' });
      await d.agentReplies(thread, 'Here is our offer');
      await steps.sends(1);
      await d.webhook(statusUpdate(wamids[0]!, 'failed', { code: 131026, title: 'Message undeliverable' }));
      await steps.noticeIn(thread, '131026');
      const answer = await d.runCommand({ sub: 'failed' });
      expect(answer.private).toBe(true);
      expect(answer.text).toContain('“Here is our offer” — failed (131026');
      expect(answer.text).toContain(d.threadLinkPart(thread));
    });
  });

  describe('an agent’s edits and deletions', () => {
    test('an edit after the send: the thread is told what the customer still has; nothing more is sent', async () => {
      const { thread } = await steps.customerSays('How much?');
      const reply = await d.agentReplies(thread, 'It costs 10 euros');
      await steps.sends(1);
      await d.webhook(statusUpdate(wamids[0]!, 'sent'));
      await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['sent']));
      await d.agentEdits(thread, reply, 'It costs 12 euros');
      const notice = await steps.noticeIn(thread, 'Edited here only');
      expect(notice.text).toContain('It costs 10 euros');
      expect(d.graph.sentMessages()).toHaveLength(1);
    });

    test('a deletion after the send: the thread is told the customer still has the message', async () => {
      const { thread } = await steps.customerSays('How much?');
      const reply = await d.agentReplies(thread, 'It is free today');
      await steps.sends(1);
      await d.webhook(statusUpdate(wamids[0]!, 'sent'));
      await eventually(() => expect(d.statusMarksOn(thread, reply)).toEqual(['sent']));
      await d.agentDeletes(thread, reply);
      const notice = await steps.noticeIn(thread, 'Deleted here only');
      expect(notice.text).toContain('It is free today');
    });

    test('an edit before the send went out is sent as edited', async () => {
      const { thread } = await steps.customerSays('How much?');
      // WhatsApp refuses the token (190): the send waits for a person (parked), not failed.
      d.graph.failNext({
        path: /\/messages$/,
        status: 401,
        error: { code: 190, message: 'Error validating access token: Session has expired.' },
        times: 1000,
      });
      const reply = await d.agentReplies(thread, 'It costs 10 euros');
      await eventually(() => expect(steps.messageCalls().length).toBeGreaterThanOrEqual(1));
      await d.agentEdits(thread, reply, 'It costs 12 euros');
      // The edit is recorded once history shows it (a gateway platform gives no acknowledgement to wait for).
      await eventually(async () => expect((await history(thread)).text).toContain('“It costs 12 euros” — queued'));
      d.graph.clearFaults();
      d.probeParked();
      expect(await steps.sends(1)).toEqual([textBody(`+${CUSTOMER}`, 'It costs 12 euros')]);
      expect(d.postsIn(thread).some((p) => p.text.includes('Edited here only'))).toBe(false);
    });
  });
}
