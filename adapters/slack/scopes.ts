/**
 * The bot scopes the bridge uses, as docker/slack-app-manifest.yml grants them (oauth_config.scopes.bot; each one's
 * use is commented there). A unit test (test/unit/adapters/slack/scopes.test.ts) keeps this list and the manifest equal.
 */
export const BOT_SCOPES = [
  'chat:write',
  'chat:write.customize',
  'reactions:write',
  'reactions:read',
  'users:read',
  'channels:history',
  'groups:history',
  'commands',
  'files:read',
  'files:write',
  'usergroups:read',
  'channels:read',
  'groups:read',
] as const;
