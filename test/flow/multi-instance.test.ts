/**
 * Several bridge instances on one database (issue 10), as compiled child processes on mongo-java-server, a
 * MongoDB-wire server with MongoDB's single-document atomicity (test/support/java-mongo.ts): requests spread over the
 * instances, the delivering one killed, a rolling deploy in a burst. What must hold: no WhatsApp send or Slack post
 * twice, per-customer order, one thread per customer, everything acknowledged delivered.
 * The embedded FerretDB's case is in multi-instance-embedded.test.ts.
 */
import { ensureBuilt } from '../support/child-bridge';
import { eventually } from '../support/harness';
import { javaMongoMissing, startJavaMongo, type JavaMongo } from '../support/java-mongo';
import { isLeader, orderOf, postAgentReply, postCustomerText, roots, sentTexts, startFleet, threadTexts, waitReady, type Fleet } from '../support/instances';

const missing = javaMongoMissing();
if (missing) process.stderr.write(`multi-instance tests skipped: ${missing}\n`);
const describeJava = missing ? describe.skip : describe;

/** Customer k's phone number. */
const phone = (k: number) => `4915100000${20 + k}`;

describeJava('two instances on one MongoDB', () => {
  let server: JavaMongo;
  let fleet: Fleet | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await startJavaMongo(); // the first run on a machine resolves and compiles it (half a minute)
  }, 180_000);
  afterAll(() => server?.stop());
  afterEach(async () => {
    await fleet?.close();
    fleet = undefined;
  });

  test('webhooks and Slack events spread over both: nothing doubled, order kept, one thread per customer', async () => {
    fleet = await startFleet(server.uri, 'multi-spread');
    const [a, b] = [await fleet.start(), await fleet.start()];
    await Promise.all([waitReady(a), waitReady(b)]);
    expect([await isLeader(a), await isLeader(b)]).toEqual([true, false]);
    const both = [a, b];
    const { slack, graph } = fleet;

    // Three customers in parallel; each one's messages in sequence, alternating instances, each redelivered (as Meta
    // does after a lost ack) to the other instance.
    await Promise.all(
      [0, 1, 2].map(async (k) => {
        for (let i = 0; i < 6; i++) {
          const wamid = `wamid.MULTI${k}x${i}==`;
          expect(await postCustomerText(both[i % 2]!, phone(k), `c${k} msg ${i}`, wamid)).toBe(200);
          expect(await postCustomerText(both[(i + 1) % 2]!, phone(k), `c${k} msg ${i}`, wamid)).toBe(200);
        }
      }),
    );
    await eventually(() => expect(threadTexts(slack).filter((t) => /^c\d msg/.test(t))).toHaveLength(18), 30_000);
    expect(roots(slack)).toHaveLength(3);
    for (const k of [0, 1, 2]) {
      expect(threadTexts(slack).filter((t) => t.startsWith(`c${k} msg`))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `c${k} msg ${i}`));
      // Every message of a customer is in that customer's one thread.
      const root = roots(slack).find((r) => slack.threadReplies('C0SUPPORT1', r.ts).some((m) => m.text === `c${k} msg 0`))!;
      expect(slack.threadReplies('C0SUPPORT1', root.ts).filter((m) => String(m.text).startsWith(`c${k} msg`))).toHaveLength(6);
    }

    // Agents answer in each thread, their events alternating instances, each retried by Slack to the other one.
    await Promise.all(
      roots(slack).map(async (root) => {
        const k = slack
          .threadReplies('C0SUPPORT1', root.ts)
          .find((m) => /^c\d msg/.test(String(m.text)))!
          .text!.slice(1, 2);
        for (let i = 0; i < 4; i++) {
          const opts = { eventId: `Ev0MULTI${k}${i}`, ts: `1700000${k}${i}.000100` };
          expect(await postAgentReply(both[i % 2]!, slack, root.ts, `reply ${k} ${i}`, opts)).toBe(200);
          expect(await postAgentReply(both[(i + 1) % 2]!, slack, root.ts, `reply ${k} ${i}`, { ...opts, retryNum: 1 })).toBe(200);
        }
      }),
    );
    await eventually(() => expect(sentTexts(graph).filter((t) => t.startsWith('reply'))).toHaveLength(12), 30_000);
    for (const k of [0, 1, 2]) {
      const mine = graph.sentMessages().filter((m) => m.to === phone(k) || m.to === `+${phone(k)}`);
      expect(mine.map((m) => m.text?.body)).toEqual([0, 1, 2, 3].map((i) => `reply ${k} ${i}`));
    }
    // Nothing arrives late: the counts stay.
    await waitReady(b);
    expect(threadTexts(slack).filter((t) => /^c\d msg/.test(t))).toHaveLength(18);
    expect(sentTexts(graph).filter((t) => t.startsWith('reply'))).toHaveLength(12);
  }, 180_000);

  test('SIGKILL of the delivering instance: the other delivers everything acknowledged within 30 s, at most one post twice', async () => {
    // Paced posts: the burst is still being delivered when the leader dies.
    fleet = await startFleet(server.uri, 'multi-kill', { SLACK_POSTS_PER_SECOND_PER_CHANNEL: '5' });
    const [a, b] = [await fleet.start(), await fleet.start()];
    await Promise.all([waitReady(a), waitReady(b)]);
    expect(await isLeader(a)).toBe(true);
    const acked: string[] = [];
    const send = async (i: number, target = i % 2 ? b : a) => {
      const text = `k${i % 3} ${i}`;
      if ((await postCustomerText(target, phone(i % 3), text, `wamid.KILL${i}==`)) === 200) acked.push(text);
      else if ((await postCustomerText(b, phone(i % 3), text, `wamid.KILL${i}==`)) === 200) acked.push(text); // the balancer's retry
    };
    // Each customer's messages in order; the kill lands in the middle.
    const burst = [0, 1, 2].map(async (k) => {
      for (let i = k; i < 15; i += 3) await send(i);
    });
    await eventually(() => expect(threadTexts(fleet!.slack).length).toBeGreaterThanOrEqual(2), 20_000);
    a.proc.kill('SIGKILL');
    await a.exited;
    const killedAt = Date.now();
    await Promise.all(burst);
    expect(acked).toHaveLength(15);
    expect(threadTexts(fleet.slack).length).toBeLessThan(15); // the kill really interrupted delivery
    await eventually(
      () => {
        const texts = threadTexts(fleet!.slack);
        for (const t of acked) expect(texts).toContain(t);
      },
      Math.max(1, 30_000 - (Date.now() - killedAt)),
    );
    expect(await isLeader(b)).toBe(true);
    const texts = threadTexts(fleet.slack);
    expect(texts.length - new Set(texts).size).toBeLessThanOrEqual(1); // the one post in flight at the kill
    expect(roots(fleet.slack)).toHaveLength(3);
    for (const k of [0, 1, 2]) expect(orderOf(texts, `k${k} `)).toEqual(Array.from({ length: 5 }, (_, j) => k + 3 * j));
  }, 180_000);

  test('rolling deploy in a burst (start the new one, SIGTERM the old): nothing lost, nothing doubled, order kept', async () => {
    fleet = await startFleet(server.uri, 'multi-rolling', { SLACK_POSTS_PER_SECOND_PER_CHANNEL: '5' });
    const old = await fleet.start();
    await waitReady(old);
    let targets = [old];
    const acked: string[] = [];
    // A balancer: round robin over the instances it knows; a refused connection is retried on another one.
    const send = async (i: number) => {
      const text = `r${i % 3} ${i}`;
      for (let tries = 0; tries < 20; tries++) {
        const pick = targets[(i + tries) % targets.length]!;
        if ((await postCustomerText(pick, phone(i % 3), text, `wamid.ROLL${i}==`)) === 200) return void acked.push(text);
      }
    };
    const burst = [0, 1, 2].map(async (k) => {
      for (let i = k; i < 60; i += 3) await send(i);
    });
    await eventually(() => expect(acked.length).toBeGreaterThanOrEqual(10), 20_000);
    const fresh = await fleet.start();
    await waitReady(fresh);
    targets = [old, fresh];
    await eventually(() => expect(acked.length).toBeGreaterThanOrEqual(25), 20_000);
    targets = [fresh]; // the balancer drains the old one, which gets SIGTERM
    old.proc.kill('SIGTERM');
    expect(await old.exited).toBe(0);
    await Promise.all(burst);
    expect(acked).toHaveLength(60);
    await eventually(() => expect(threadTexts(fleet!.slack).filter((t) => t.startsWith('r'))).toHaveLength(60), 60_000);
    expect(await isLeader(fresh)).toBe(true);
    const texts = threadTexts(fleet.slack);
    expect(new Set(texts).size).toBe(texts.length); // a clean stop repeats nothing
    expect(roots(fleet.slack)).toHaveLength(3);
    for (const k of [0, 1, 2]) expect(orderOf(texts, `r${k} `)).toEqual(Array.from({ length: 20 }, (_, j) => k + 3 * j));
  }, 180_000);
});
