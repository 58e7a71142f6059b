/** The HTTP server started on the configured port; a port that cannot be used is the operator's to fix (a ConfigError). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { ConfigError } from '../domain/errors';

export function listen(app: Express, port: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const s = app.listen(port, () => resolve({ server: s, port: (s.address() as AddressInfo).port }));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new ConfigError(`PORT ${port} cannot be used (${err.code}): choose another PORT, or stop what listens there`)
          : err,
      ),
    );
  });
}
