/**
 * A TCP proxy in front of the shared test database, that a test can cut, restore or slow down: an outage (or a
 * slow database) for one bridge without touching the server the other test files use.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The target URI with the proxy's host and port. */
  uri: string;
  /** Drops every open connection; new ones are accepted and dropped at once (as a dead server's port would). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** `delayMs`: every answer of the database reaches the client this much later (a slow or distant database). */
export async function startTcpProxy(targetUri: string, opts: { delayMs?: number } = {}): Promise<TcpProxy> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    // Timers of equal delay fire in the order they were set: the byte stream keeps its order.
    if (opts.delayMs) upstream.on('data', (chunk: Buffer) => setTimeout(() => client.destroyed || client.write(chunk), opts.delayMs));
    else upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const uri = new URL(targetUri);
  uri.host = `127.0.0.1:${port}`;
  return {
    uri: uri.toString(),
    cut: () => {
      down = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
