/**
 * Participants written by two bridge instances at once (issue 10: several instances on one database). Each instance
 * has its own MongoStore (its own connection and in-process locks) on mongo-java-server, which applies each update
 * to one document atomically as MongoDB does (test/support/java-mongo.ts); the embedded FerretDB belongs to one
 * process. Agents replying through both instances at the same moment must all be recorded: a read-then-write of the
 * whole list lost the entries the other instance wrote in between.
 */
import type { Connection } from 'mongoose';
import { connectMongo } from '../../adapters/mongo/connection';
import { MongoStore } from '../../adapters/mongo/store';
import type { Participant } from '../../src/domain/records';
import { javaMongoMissing, startJavaMongo, type JavaMongo } from '../support/java-mongo';
import { uniqueDbName } from '../support/mongo';

const missing = javaMongoMissing();
if (missing) process.stderr.write(`participant tests across instances skipped: ${missing}\n`);
const describeJava = missing ? describe.skip : describe;

describeJava('participants recorded by two instances at once', () => {
  let server: JavaMongo;
  const conns: Connection[] = [];
  let one: MongoStore;
  let two: MongoStore;

  beforeAll(async () => {
    server = await startJavaMongo(); // the first run on a machine resolves and compiles it (half a minute)
    const dbName = uniqueDbName('participants');
    for (let i = 0; i < 2; i++) conns.push(await connectMongo(server.uri, dbName));
    one = await MongoStore.open(conns[0]!);
    two = await MongoStore.open(conns[1]!);
  }, 180_000);
  afterAll(async () => {
    await conns[0]?.dropDatabase();
    for (const c of conns) await c.close();
    await server?.stop();
  });

  const agent = (userId: string, at = new Date()): Participant => ({ platform: 'slack', userId, name: userId, lastReplyAt: at });

  test('twenty agents replying through both instances at once are all participants', async () => {
    const { _id } = await one.conversationForInbound('acc', { waId: '4915100000401' }, new Date());
    const ids = Array.from({ length: 20 }, (_, i) => `U${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? two : one).recordAgentReply(_id, agent(id))));
    const conv = await one.getConversation(_id);
    expect(conv?.participants.map((p) => p.userId).sort()).toEqual([...ids].sort());
  });

  test('people added and agents replying through both instances at once are all there, each once', async () => {
    const { _id } = await one.conversationForInbound('acc', { waId: '4915100000402' }, new Date());
    const ids = Array.from({ length: 10 }, (_, i) => `U${i}`);
    await Promise.all(ids.flatMap((id, i) => [(i % 2 ? two : one).addParticipant(_id, agent(id)), (i % 2 ? one : two).recordAgentReply(_id, agent(`R${id}`))]));
    // The same person added by both instances at once is one participant.
    await Promise.all([one.addParticipant(_id, agent('U0')), two.addParticipant(_id, agent('U0'))]);
    const conv = await two.getConversation(_id);
    expect(conv?.participants.map((p) => p.userId).sort()).toEqual([...ids, ...ids.map((id) => `R${id}`)].sort());
  });
});
