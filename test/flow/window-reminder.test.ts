/**
 * The window reminder (issue 11 point 5) on Slack and Discord: when a customer's message is still unanswered an hour
 * (BRIDGE_WINDOW_REMINDER_MINUTES) before the 24-hour window closes, the owner is reminded in the thread once, with
 * the closing time as the platform's date token. The bridge's clock is set by the test (BridgeOptions.now), never
 * waited for; the scheduled check is a delayed outbox job, so it survives a restart and runs once.
 */
import { ClockedDiscordDriver, ClockedSlackDriver, type ClockedDriver } from '../support/chat-side/clocked';
import type { ThreadView } from '../support/chat-side/driver';
import { ChatSideSteps } from '../support/chat-side/steps';
import { eventually } from '../support/harness';

const HOUR = 3600_000;
const REMINDER = 'still unanswered';
/** Slack `<!date^unix^…>`, Discord `<t:unix:f>`: each reader sees the time in their own zone. */
const dateToken = (at: Date) => new RegExp(`(<!date\\^${at.getTime() / 1000}\\^|<t:${at.getTime() / 1000}:f>)`);

for (const make of [() => new ClockedSlackDriver(), () => new ClockedDiscordDriver()]) {
  const platform = make().platform;
  describe(`window reminder: ${platform}`, () => {
    let d: ClockedDriver;
    let steps: ChatSideSteps;
    const start = async (env?: Record<string, string>) => {
      d = make();
      await d.start(`reminder-${platform}`, env);
      steps = new ChatSideSteps(d);
    };
    afterEach(async () => {
      await d?.stop();
    });

    const reminders = (thread: ThreadView) => d.postsIn(thread).filter((p) => p.byBridge && p.text.includes(REMINDER));
    /** Every job is finished, the scheduled ones included (nothing pending, nothing running). */
    const settled = () =>
      eventually(async () => {
        expect(await d.store.countJobs('pending')).toBe(0);
        expect(await d.store.countJobs('running')).toBe(0);
      }, 20_000);
    /** Only the scheduled checks still wait: everything else the steps implied is done. */
    const waiting = (n: number) =>
      eventually(async () => {
        expect(await d.store.countJobs('pending')).toBe(n);
        expect(await d.store.countJobs('running')).toBe(0);
      }, 20_000);

    /** A customer whose thread the agent claimed writes again; `sentAt`: that message's time (whole seconds, as Meta sends it). */
    async function ownedAndWaiting(phone: string): Promise<{ thread: ThreadView; sentAt: Date }> {
      // The first message a minute ago, so the second (now) is the latest one whatever the rounding to seconds.
      const { thread } = await steps.customerSays('Hello?', { from: phone, timestamp: String(Math.floor(Date.now() / 1000) - 60) });
      await d.runCommand({ sub: 'claim', thread, phone });
      await eventually(() => expect(d.opening(thread).text).toMatch(/Owned/));
      const sentAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      await steps.customerSays('Is my order on its way?', { from: phone, timestamp: String(sentAt.getTime() / 1000) });
      return { thread, sentAt };
    }

    test('fires once at the threshold, mentioning the owner, with the window’s end as a date token', async () => {
      await start();
      const { thread, sentAt } = await ownedAndWaiting('4915100000801');
      // An hour and a minute before the window closes: not yet.
      d.setClock(new Date(sentAt.getTime() + 23 * HOUR - 60_000));
      await waiting(1);
      expect(reminders(thread)).toEqual([]);
      d.setClock(new Date(sentAt.getTime() + 23 * HOUR + 1000));
      await settled();
      const [reminder, ...more] = reminders(thread);
      expect(more).toEqual([]);
      expect(reminder!.mentions).toEqual([d.agentId]);
      expect(reminder!.text).toMatch(dateToken(new Date(sentAt.getTime() + 24 * HOUR)));
      // Later still, and after a restart: the same message is never recalled again.
      d.setClock(new Date(sentAt.getTime() + 23.5 * HOUR));
      await d.restart();
      await settled();
      expect(reminders(thread)).toHaveLength(1);
    });

    test('scheduled before a restart, it fires once after it', async () => {
      await start();
      const { thread, sentAt } = await ownedAndWaiting('4915100000802');
      await waiting(1);
      await d.restart();
      d.setClock(new Date(sentAt.getTime() + 23 * HOUR + 1000));
      await settled();
      expect(reminders(thread)).toHaveLength(1);
    });

    test('not when an agent answered, nor in a conversation nobody owns or joined', async () => {
      await start();
      const { thread: answered, sentAt } = await ownedAndWaiting('4915100000803');
      await d.agentReplies(answered, 'Yes, it left this morning.');
      await steps.sends(1);
      // Nobody owns it and no agent has written in it: there is nobody to remind (the notify users were pinged).
      const { thread: unowned } = await steps.customerSays('Anyone?', { from: '4915100000804' });
      await waiting(1); // only the answered conversation's check
      d.setClock(new Date(sentAt.getTime() + 23 * HOUR + 1000));
      await settled();
      expect(reminders(answered)).toEqual([]);
      expect(reminders(unowned)).toEqual([]);
    });

    test('BRIDGE_WINDOW_REMINDER_MINUTES=off schedules nothing', async () => {
      await start({ BRIDGE_WINDOW_REMINDER_MINUTES: 'off' });
      const { thread } = await ownedAndWaiting('4915100000805');
      await settled();
      expect(reminders(thread)).toEqual([]);
    });
  });
}
