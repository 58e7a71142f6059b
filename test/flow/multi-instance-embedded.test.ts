/**
 * Two bridge instances on the embedded engine's FerretDB (issue 10, point 5). FerretDB does not make conditional
 * updates atomic, so the design relies on none across instances: the delivery lease is insert-only by `_id`
 * (src/services/leader.ts), and only the instance holding it claims jobs, from one loop, as a single process did.
 * This shows the design correct there: requests spread over both, nothing doubled, order kept, one thread per customer.
 */
import { ensureBuilt } from '../support/child-bridge';
import { eventually } from '../support/harness';
import { isLeader, postAgentReply, postCustomerText, roots, sentTexts, startFleet, threadTexts, waitReady, type Fleet } from '../support/instances';
import { testMongoUri } from '../support/mongo';

const phone = (k: number) => `4915100000${40 + k}`;

let fleet: Fleet | undefined;
beforeAll(() => ensureBuilt());
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

test('two instances on one FerretDB database: one delivers, nothing doubled, order kept', async () => {
  fleet = await startFleet(testMongoUri(), 'multi-ferret');
  const [a, b] = [await fleet.start(), await fleet.start()];
  await Promise.all([waitReady(a), waitReady(b)]);
  expect([await isLeader(a), await isLeader(b)]).toEqual([true, false]);
  const both = [a, b];
  const { slack, graph } = fleet;
  await Promise.all(
    [0, 1].map(async (k) => {
      for (let i = 0; i < 4; i++) {
        const wamid = `wamid.FERRET${k}x${i}==`;
        expect(await postCustomerText(both[i % 2]!, phone(k), `f${k} msg ${i}`, wamid)).toBe(200);
        expect(await postCustomerText(both[(i + 1) % 2]!, phone(k), `f${k} msg ${i}`, wamid)).toBe(200); // Meta's redelivery
      }
    }),
  );
  await eventually(() => expect(threadTexts(slack).filter((t) => /^f\d msg/.test(t))).toHaveLength(8), 40_000);
  expect(roots(slack)).toHaveLength(2);
  for (const k of [0, 1]) expect(threadTexts(slack).filter((t) => t.startsWith(`f${k} msg`))).toEqual([0, 1, 2, 3].map((i) => `f${k} msg ${i}`));

  const root = roots(slack).find((r) => slack.threadReplies('C0SUPPORT1', r.ts).some((m) => m.text === 'f0 msg 0'))!;
  for (let i = 0; i < 3; i++) {
    const opts = { eventId: `Ev0FERRET${i}`, ts: `17000009${i}.000100` };
    expect(await postAgentReply(both[i % 2]!, slack, root.ts, `answer ${i}`, opts)).toBe(200);
    expect(await postAgentReply(both[(i + 1) % 2]!, slack, root.ts, `answer ${i}`, { ...opts, retryNum: 1 })).toBe(200); // Slack's retry
  }
  await eventually(() => expect(sentTexts(graph).filter((t) => t.startsWith('answer'))).toEqual(['answer 0', 'answer 1', 'answer 2']), 40_000);
  await waitReady(b);
  expect(threadTexts(slack).filter((t) => /^f\d msg/.test(t))).toHaveLength(8);
  expect(sentTexts(graph).filter((t) => t.startsWith('answer'))).toHaveLength(3);
}, 150_000);
