/** doctor compares the granted scopes with BOT_SCOPES: it must be exactly what each Slack app manifest asks for. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BOT_SCOPES } from '../../../../adapters/slack/scopes';

const DOCKER = path.join(__dirname, '..', '..', '..', '..', 'docker');

/** oauth_config.scopes.bot of a manifest: the `- scope` items between `bot:` and the next key of that depth. */
function botScopes(yaml: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^\s+bot:\s*$/.test(l));
  const indent = lines[start]!.search(/\S/);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (line.search(/\S/) <= indent) break;
    const item = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (item) out.push(item[1]!);
  }
  return out;
}

const manifests = readdirSync(DOCKER).filter((f) => /^slack-app-manifest.*\.ya?ml$/.test(f));

test('there is a manifest', () => {
  expect(manifests.length).toBeGreaterThan(0);
});

test.each(manifests)('%s asks for exactly BOT_SCOPES', (file) => {
  expect(botScopes(readFileSync(path.join(DOCKER, file), 'utf8')).sort()).toEqual([...BOT_SCOPES].sort());
});
