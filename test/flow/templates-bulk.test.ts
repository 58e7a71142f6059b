/**
 * One template to many numbers: paced under the number's throughput and Meta's pair rate, progress in the channel
 * (one message, edited), every recipient's result at the end, and a restart in the middle that neither loses nor
 * repeats a recipient.
 *
 * The deadlines are generous on purpose: they only bound a hang. Each send is a dozen database commands besides the
 * Graph call, and on a busy 2-core machine the 50 paced sends (2.5 s idle) took 22 s alone at load 14 and over 45 s
 * within a full `npm test` beside other work.
 */
import { startBridge } from '../../src/bridge';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { CHANNEL, testEnv, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends, wa } from '../support/templates';

const COUPON = 'coupon_expiration_reminder_number_vars:en';
// Valid German mobile numbers (0151 + 8 digits): the phone check knows each country's lengths.
const numbers = (from: number, n: number) => Array.from({ length: n }, (_, i) => `+4915170${String(from + i).padStart(6, '0')}`);
const topLevel = (h: Harness) => h.slack.messages(CHANNEL).filter((m) => !m.thread_ts);

function recordSends(h: Harness): { to: string; at: number }[] {
  const sends: { to: string; at: number }[] = [];
  h.graph.onMessageSent = (body) => sends.push({ to: String(body.to), at: Date.now() });
  return sends;
}

test('50 numbers: paced at the configured rate, progress edited in place, a result per recipient (sent, failed, refused)', async () => {
  const h = await startTemplateHarness('templates-bulk', { env: { WHATSAPP_MESSAGES_PER_SECOND: '20' } });
  try {
    const sends = recordSends(h);
    const list = numbers(1000, 50);
    h.graph.failNext({ path: /\/messages$/, status: 400, error: { code: 131026, message: 'Message undeliverable' } });
    const reply = await wa(h, `template ${[...list.slice(0, 25), '12', ...list.slice(25), '0151234567'].join(',')} ${COUPON} Pablo SUMMER20 10`);
    expect(reply).toBe(
      `📤 Sending \`${COUPON}\` to 50 numbers (2 refused: 12, 0151234567). Progress is shown in this channel; each customer’s answer opens their thread.`,
    );

    await h.eventually(() => expect(sends.length).toBe(49), 150_000);
    // Never more than 20 in any second, so 49 accepted sends (and one refused by Meta) take at least ~2.4 s.
    const times = sends.map((s) => s.at);
    for (let i = 0; i + 20 < times.length; i++) expect(times[i + 20]! - times[i]!).toBeGreaterThanOrEqual(950);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2200);
    // Every valid number once, the refused ones never.
    const attempted = h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).map((c) => (c.body as { to: string }).to);
    expect(attempted.sort()).toEqual([...list].sort());

    const final = await h.eventually(() => {
      const m = topLevel(h).find((x) => x.text.includes('sent to 50 numbers'));
      expect(m).toBeDefined();
      return m!;
    }, 30_000);
    // One progress message, edited as it went (not 50 posts).
    expect(topLevel(h).filter((m) => m.text.includes(COUPON))).toHaveLength(1);
    expect(h.slack.callsTo('chat.update').length).toBeGreaterThanOrEqual(1);
    expect(final.text).toContain('49 sent, 1 failed, 2 refused.');
    const failedNumber = list.find((n) => !sends.some((s) => s.to === n))!;
    expect(final.text).toContain(`• ${failedNumber} — failed: the message could not be delivered`);
    expect(final.text).toContain('(code 131026)');
    for (const n of list.filter((x) => x !== failedNumber)) expect(final.text).toContain(`• ${n} — sent`);
    expect(final.text).toContain('• 12 — refused: `12` has no country code');
    // Bulk sends open no thread per recipient: only the progress message is in the channel.
    expect(topLevel(h)).toHaveLength(1);
  } finally {
    await h.close();
  }
}, 240_000);

test('values that do not fit the template refuse the whole bulk send before anything is stored or sent', async () => {
  const h = await startTemplateHarness('templates-bulk-bad');
  try {
    const reply = await wa(h, `template ${numbers(2000, 3).join(',')} ${COUPON} Pablo`);
    expect(reply).toMatch(/^❌ Not sent to anyone:\n• too few values/);
    expect(reply).toContain('Example:');
    await new Promise((r) => setTimeout(r, 300));
    expect(templateSends(h)).toHaveLength(0);
    expect(await h.bridge.store.unfinishedBulks()).toHaveLength(0);
  } finally {
    await h.close();
  }
});

test('a restart in the middle of a bulk send of 50: nobody is lost, nobody gets it twice, the same message reports the end', async () => {
  let h = await startTemplateHarness('templates-bulk-restart', { env: { WHATSAPP_MESSAGES_PER_SECOND: '10' } });
  const { graph, slack, dbName } = h;
  const sends = recordSends(h);
  const list = numbers(3000, 50);
  try {
    // From the 12th accepted send on, Meta's answers are held: the bridge cannot finish the bulk before it is
    // stopped, however slow this machine is (at most the outbox's concurrency of sends stay in flight).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    graph.beforeSendResponse = () => (sends.length >= 12 ? held : Promise.resolve());
    await wa(h, `template ${list.join(',')} ${COUPON} Pablo SUMMER20 10`);
    await h.eventually(() => expect(sends.length).toBeGreaterThanOrEqual(12), 60_000);
    // The progress message comes from its own timer, not from the sends: on a loaded machine the 12 sends can come first.
    await h.eventually(() => expect(topLevel(h).find((m) => m.text.includes(COUPON))?.text).toMatch(/Sending .* \d+\/50 done/), 60_000);
    const stopped = h.bridge.stop();
    release();
    await stopped;
    graph.beforeSendResponse = undefined;
    const beforeRestart = sends.length;
    expect(beforeRestart).toBeLessThan(50); // really in the middle
    const progress = topLevel(h).find((m) => m.text.includes(COUPON))!;

    const config = loadConfig(testEnv(graph, slack, { WHATSAPP_MESSAGES_PER_SECOND: '10' }));
    const again = await startBridge(config, createLogger('silent'), {
      dbName,
      outbox: { pollMs: 50, baseBackoffMs: 50 },
      templates: { syncOnStart: false, progressMs: 100 },
    });
    h = {
      ...h,
      bridge: again,
      close: async () => {
        await again.stop();
        await Promise.all([graph.close(), slack.close()]);
      },
    };
    await again.adaptersStarted;

    await h.eventually(() => expect(sends.length).toBe(50), 150_000);
    expect(new Set(sends.map((s) => s.to)).size).toBe(50);
    expect(sends.map((s) => s.to).sort()).toEqual([...list].sort());
    await h.eventually(() => expect(slack.findMessage(CHANNEL, progress.ts)?.text).toContain('50 sent, 0 failed, 0 refused.'), 30_000);
    expect(topLevel(h).filter((m) => m.text.includes(COUPON))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(sends).toHaveLength(50);
  } finally {
    await h.close();
  }
}, 360_000);

test('a CSV shared in Slack (phone[,values…]): its rows go, each with its own values (or the command’s), bad rows refused', async () => {
  const h = await startTemplateHarness('templates-bulk-csv');
  try {
    const file = h.slack.addFile({
      name: 'recipients.csv',
      mimetype: 'text/csv',
      content: 'phone,name,code,days\n+4915170004000,Ana,A1,1\n+49 151 7000 4001,,,\n12,Cy,C3,3\n+4915170004002,"Dee, Jr.",D4,4\n+4915170004003,Eve,E5\n',
    });
    const reply = await wa(h, `template ${file.permalink} ${COUPON} Pablo SUMMER20 10`);
    expect(reply).toMatch(/^📤 Sending `coupon_expiration_reminder_number_vars:en` to 3 numbers \(2 refused: 12, \+4915170004003\)/);
    await h.eventually(() => expect(templateSends(h)).toHaveLength(3));
    const valuesTo = (to: string) =>
      templateSends(h)
        .find((b) => b.to === to)!
        .template.components.flatMap((c: any) => c.parameters.map((p: any) => p.text));
    expect(valuesTo('+4915170004000')).toEqual(['Ana', 'A1', '1']);
    expect(valuesTo('+4915170004001')).toEqual(['Pablo', 'SUMMER20', '10']);
    expect(valuesTo('+4915170004002')).toEqual(['Dee, Jr.', 'D4', '4']);
    const final = await h.eventually(() => {
      const m = topLevel(h).find((x) => x.text.includes('sent to 3 numbers'));
      expect(m).toBeDefined();
      return m!.text;
    });
    expect(final).toContain('3 sent, 0 failed, 2 refused.');
    expect(final).toContain('• +4915170004003 — refused: too few values');
    // A file id works too; an unknown one is explained.
    expect(await wa(h, `template F0NOSUCHFILE ${COUPON} Pablo SUMMER20 10`)).toMatch(/^❌ Not sent: the file F0NOSUCHFILE could not be read/);
  } finally {
    await h.close();
  }
});

test('an Excel “CSV Macintosh” file (CR line ends, `sep=;`, a trunk prefix) has its recipients; a broken file is refused with the row', async () => {
  const h = await startTemplateHarness('templates-bulk-excel');
  try {
    const file = h.slack.addFile({
      name: 'excel-mac.csv',
      mimetype: 'text/csv',
      content: 'sep=;\rphone;name;code;days\r+49 (0)151 7000 5000;Ana;A1;1\r+4915170005001;"Bo; Jr.";B2;2\r',
    });
    const reply = await wa(h, `template ${file.permalink} ${COUPON} Pablo SUMMER20 10`);
    expect(reply).toMatch(/^📤 Sending `coupon_expiration_reminder_number_vars:en` to 2 numbers\./);
    await h.eventually(() => expect(templateSends(h)).toHaveLength(2));
    const valuesTo = (to: string) =>
      templateSends(h)
        .find((b) => b.to === to)!
        .template.components.flatMap((c: any) => c.parameters.map((p: any) => p.text));
    expect(valuesTo('+4915170005000')).toEqual(['Ana', 'A1', '1']);
    expect(valuesTo('+4915170005001')).toEqual(['Bo; Jr.', 'B2', '2']);

    const broken = h.slack.addFile({ name: 'broken.csv', mimetype: 'text/csv', content: 'phone,name\n+4915170005002,"Cy\n+4915170005003,Di\n' });
    expect(await wa(h, `template ${broken.permalink} ${COUPON} Pablo SUMMER20 10`)).toMatch(
      /^❌ Not sent: broken\.csv is not a CSV file that can be read: a quote opened in row 2, cell 2 is never closed/,
    );
    expect(templateSends(h)).toHaveLength(2);
  } finally {
    await h.close();
  }
});

test('Meta’s pair rate: a second template to the same customer waits, another customer does not', async () => {
  // Long enough that the other customer's send, which waits for nothing, comes first even on a loaded machine.
  const h = await startTemplateHarness('templates-pair', { pairIntervalMs: 4000 });
  try {
    const sends = recordSends(h);
    await wa(h, `template +4915170009001 ${COUPON} A ONE 1`);
    await h.eventually(() => expect(sends).toHaveLength(1));
    await wa(h, `template +4915170009001 ${COUPON} B TWO 2`);
    await wa(h, `template +4915170009002 ${COUPON} C THREE 3`);
    await h.eventually(() => expect(sends).toHaveLength(3), 60_000);
    // The second template to the same customer waited for the pair interval; the other customer's went meanwhile.
    expect(sends.map((s) => s.to)).toEqual(['+4915170009001', '+4915170009002', '+4915170009001']);
    expect(sends[2]!.at - sends[0]!.at).toBeGreaterThanOrEqual(3900);
  } finally {
    await h.close();
  }
});
