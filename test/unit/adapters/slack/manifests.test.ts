/**
 * The two Slack app manifests (docker/): HTTP (request URLs on /slack/events) and Socket Mode (no URL at all) must ask
 * for the same scopes, events and command, so switching transport never changes what the bridge may do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const read = (name: string) => readFileSync(path.join(__dirname, '../../../../docker', name), 'utf8');
const http = read('slack-app-manifest.yml');
const socket = read('slack-app-manifest.socket-mode.yml');

/** The lines of a top-level section (`oauth_config:` up to the next top-level key), comments dropped. */
function section(manifest: string, key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.indexOf(`${key}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start, end === -1 ? undefined : end).filter((l) => !/^\s*#/.test(l));
}
const bullets = (lines: string[]) => lines.filter((l) => /^\s+- /.test(l)).map((l) => l.trim());

test('the same scopes, command and bot events in both variants', () => {
  expect(section(socket, 'oauth_config')).toEqual(section(http, 'oauth_config'));
  expect(bullets(section(socket, 'settings'))).toEqual(bullets(section(http, 'settings')));
  const command = (m: string) => section(m, 'features').filter((l) => !/^\s+url:/.test(l));
  expect(command(socket)).toEqual(command(http));
});

test('HTTP: Socket Mode off, every URL on the bridge’s /slack/events', () => {
  expect(http).toMatch(/^ {2}socket_mode_enabled: false$/m);
  const urls = [...http.matchAll(/^\s+(?:request_)?url: (\S+)$/gm)].map((m) => m[1]);
  expect(urls).toEqual(['https://YOUR-BRIDGE-HOST/slack/events', 'https://YOUR-BRIDGE-HOST/slack/events', 'https://YOUR-BRIDGE-HOST/slack/events']);
});

test('Socket Mode: on, and no URL to fill in', () => {
  expect(socket).toMatch(/^ {2}socket_mode_enabled: true$/m);
  expect(socket).not.toMatch(/^\s+(?:request_)?url:/m);
  expect(socket).not.toContain('YOUR-BRIDGE-HOST');
  expect(socket).toMatch(/^ {4}is_enabled: true$/m);
});
