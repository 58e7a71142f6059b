/** Errors in logs: passed as `{ err }`, they keep what locates them and never what a library attached (a message's text). */
import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { DeliveryError } from '../../../src/domain/errors';
import { createLogger, errorForLog } from '../../../src/logger';

function captured(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

test('a discord.js error keeps its status, method and url, but not the request body it carried', () => {
  const err = new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', 'https://discord.com/api/v10/channels/1/messages', {
    body: { content: 'the customer card number 4111 1111' },
    files: undefined,
  });
  const { lines, stream } = captured();
  createLogger('info', stream).error({ err }, 'post failed');
  const line = JSON.parse(lines[0]!);
  expect(line.err).toMatchObject({ type: 'DiscordAPIError[50013]', message: 'Missing Permissions', code: 50013, status: 403, method: 'POST' });
  expect(line.err.stack).toContain('Missing Permissions');
  expect(lines[0]).not.toContain('4111');
});

test('the cause is logged the same way, and a value that is not an Error is left as it is', () => {
  const inner = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', request: { body: 'secret text' } });
  const outer = DeliveryError.retryable('slack', { code: 'network', meaning: 'Slack did not answer', action: 'nothing: retried' }, undefined, { cause: inner });
  const logged = errorForLog(outer) as { code: string; cause: Record<string, unknown> };
  expect(logged.code).toBe('bridge_delivery_failed');
  expect(logged.cause).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
  expect(JSON.stringify(logged)).not.toContain('secret text');
  expect(errorForLog('plain words')).toBe('plain words');
});
