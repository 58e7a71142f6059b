/**
 * The backends the store contract suites (`*.contract.ts`) run against: the Mongo store on the real MongoDB-wire
 * server the tests start (test/support/global-setup.ts), and the in-memory store (adapters/memory/). Each test gets an
 * empty store; each port's suite ends by checking that it called every method of its port.
 */
import type { Connection } from 'mongoose';
import { createMemoryStore } from '../../adapters/memory';
import { connectMongo } from '../../adapters/mongo/connection';
import { MongoStore } from '../../adapters/mongo/store';
import type { Store } from '../../src/domain/store';
import { testMongoUri, uniqueDbName } from '../support/mongo';

export interface StoreBackend {
  readonly name: string;
  setUp(): Promise<void>;
  /** An empty store, for one test. */
  fresh(): Promise<Store>;
  /** What the raw-webhook archive of the last fresh store holds, whatever the source (read beside the port). */
  archivedWebhooks(): Promise<{ source: string; body: string }[]>;
  tearDown(): Promise<void>;
}

export function mongoBackend(): StoreBackend {
  let conn: Connection;
  let store: Store;
  return {
    name: 'mongo',
    async setUp() {
      conn = await connectMongo(testMongoUri(), uniqueDbName('contract'));
      store = await MongoStore.open(conn);
    },
    // One database for the file (opening a store creates every index: slow on FerretDB), emptied before each test.
    async fresh() {
      for (const collection of Object.values(conn.collections)) await collection.deleteMany({});
      return store;
    },
    async archivedWebhooks() {
      const docs = await conn.collection('raw_webhooks').find({}).toArray();
      return docs.map((d) => ({ source: String(d.source), body: String(d.body) }));
    },
    async tearDown() {
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

export function memoryBackend(): StoreBackend {
  let store = createMemoryStore();
  return {
    name: 'memory',
    setUp: async () => undefined,
    async fresh() {
      store = createMemoryStore();
      return store;
    },
    archivedWebhooks: async () => store.archivedWebhooks().map(({ source, body }) => ({ source, body })),
    tearDown: async () => undefined,
  };
}

/**
 * The store, recording which methods were called (the coverage check at the end of each suite). Each method is called
 * detached from the store, as callers may pass one around (`composeStore` binds them).
 */
function recording(store: Store, called: Set<string>): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        called.add(key);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

/**
 * One port's contract on one backend: `body` declares tests that read the store through `store()` (empty at the
 * start of each test). A last test fails when a method of the port was never called by the suite.
 */
export function describePort(port: string, methods: readonly string[], backend: StoreBackend, body: (store: () => Store) => void): void {
  describe(`${port} store (${backend.name})`, () => {
    const called = new Set<string>();
    let current: Store | undefined;
    beforeEach(async () => {
      current = recording(await backend.fresh(), called);
    });
    body(() => {
      if (!current) throw new Error('the store is opened before each test');
      return current;
    });
    test('the suite covers every method of the port', () => {
      expect(methods.filter((m) => !called.has(m))).toEqual([]);
    });
  });
}
