// One MongoDB-wire server for the whole test run (each test file uses its own database on it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../adapters/mongo/embedded/launch';

declare global {
  var __embeddedMongo: EmbeddedMongo | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'wa-bridge-test-db-'));
  const server = await startEmbeddedMongo({ dataDir, log: (m) => process.stderr.write(`${m}\n`) });
  globalThis.__embeddedMongo = server;
  // Jest starts its workers after globalSetup, so they inherit this.
  process.env.MONGODB_URI = server.uri;
}
