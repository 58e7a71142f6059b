import mongoose, { type Connection } from 'mongoose';

/** One connection for the process; no mongoose globals, so tests can hold several side by side. */
export async function connectMongo(uri: string, dbName?: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS: 10_000,
    // Commands wait for a reconnect instead of failing at once; the outbox retries what fails anyway.
    bufferCommands: true,
    // `commandStarted` events on the client: the bridge counts its round trips (a metric), tests check query shapes.
    monitorCommands: true,
  });
  await conn.asPromise();
  return conn;
}
