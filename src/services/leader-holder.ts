/**
 * Who holds the delivery lease (src/services/leader.ts), and whether that holder has certainly died. A bridge
 * restarted after a crash (SIGKILL, OOM, a power cut of `npm start`) finds its own previous life holding the lease:
 * without this it waited the full silence (10 s) before delivering again, as if another instance might still be alive.
 *
 * The holder names its host, its PID namespace (Linux `/proc/self/ns/pid`: containers sharing a host name, e.g. with
 * host networking, have separate ones, and a PID means nothing across them) and its process id. A holder is certainly
 * dead only when all three place it where this process can look, and no process has that id there. Anything else
 * (another host or namespace, a PID alive, possibly reused, or no namespace to read on this OS) waits for the silence.
 */
import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid').replace(/[^0-9]/g, '') || undefined;
  } catch {
    return undefined; // not Linux: no way to tell namespaces apart, so never conclude
  }
}

/** `<host>:<pid namespace>:<pid>:<random>`; the random part keeps two lives of one PID apart. */
export function holderId(): string {
  return `${hostname()}:${pidNamespace() ?? '-'}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, but belongs to someone else
  }
}

/** Whether `holder` ran on this host, in this PID namespace, as a process that no longer exists. */
export function holderIsGone(holder: string, here = { host: hostname(), pidNamespace: pidNamespace() }, exists = processExists): boolean {
  const parts = holder.split(':');
  if (parts.length !== 4 || !here.pidNamespace) return false;
  const [host, namespace, pid] = parts as [string, string, string, string];
  if (host !== here.host || namespace !== here.pidNamespace || !/^\d+$/.test(pid)) return false;
  return Number(pid) !== process.pid && !exists(Number(pid));
}
