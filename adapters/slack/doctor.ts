/**
 * `doctor` for the Slack side, over the Web API client the adapter uses: the token (`auth.test`), the scopes it was
 * granted (Slack returns them in the `x-oauth-scopes` header of every Web API response; @slack/web-api exposes it as
 * `response_metadata.scopes`) against the manifest's, and per channel `conversations.info` (`is_member`,
 * `is_archived`): the bot can post where it is a member of a live channel and holds chat:write. Slack has no dry run
 * of chat.postMessage, so posting itself is not tried.
 */
import { WebClient } from '@slack/web-api';
import type { ChatDestination } from '../chat-module';
import { failed, passed, type DoctorCheck } from '../../src/domain/doctor';
import type { SlackConfig } from './config';
import { slackCode } from './outbound';
import { BOT_SCOPES } from './scopes';

const REINSTALL =
  'add the missing scopes under api.slack.com/apps → your app → OAuth & Permissions → Bot Token Scopes (or update the app ' +
  'from docker/slack-app-manifest.yml), then Reinstall to Workspace and set the new SLACK_BOT_TOKEN';
const TOKEN_FIX = 'create the app from docker/slack-app-manifest.yml, install it, and set its Bot User OAuth Token (xoxb-…) as SLACK_BOT_TOKEN';

export async function slackDoctor(config: SlackConfig, destinations: ChatDestination[]): Promise<DoctorCheck[]> {
  const client = new WebClient(config.botToken, { slackApiUrl: config.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000 });
  let auth;
  try {
    auth = await client.auth.test();
  } catch (err) {
    return [failed('bot token', `auth.test: ${slackCode(err) ?? (err as Error).message}`, TOKEN_FIX)];
  }
  const botName = auth.user ?? auth.user_id ?? 'the bot';
  const checks = [passed('bot token', `@${botName} in ${auth.team ?? auth.team_id ?? 'the workspace'}`)];
  const granted = auth.response_metadata?.scopes;
  const missing = granted ? BOT_SCOPES.filter((s) => !granted.includes(s)) : [];
  if (!granted) checks.push(passed('bot scopes', 'Slack did not list the granted scopes'));
  else
    checks.push(
      missing.length ? failed('bot scopes', `missing ${missing.join(', ')}`, REINSTALL) : passed('bot scopes', `all ${BOT_SCOPES.length} of the manifest`),
    );
  const canWrite = !granted || granted.includes('chat:write');
  for (const d of unique(destinations)) checks.push(await channelCheck(client, d.channelId, String(botName), canWrite));
  return checks;
}

async function channelCheck(client: WebClient, channelId: string, botName: string, canWrite: boolean): Promise<DoctorCheck> {
  const name = `channel ${channelId}`;
  let info;
  try {
    info = await client.conversations.info({ channel: channelId });
  } catch (err) {
    const code = slackCode(err) ?? (err as Error).message;
    return failed(
      name,
      `conversations.info: ${code}`,
      code === 'channel_not_found'
        ? `check the channel id (channel details → Channel ID); for a private channel, invite @${botName} first (/invite @${botName})`
        : code === 'missing_scope'
          ? REINSTALL
          : 'see Slack’s error for conversations.info',
    );
  }
  const ch = info.channel ?? {};
  const label = `#${ch.name ?? channelId}`;
  if (ch.is_archived) return failed(name, `${label} is archived: nothing can be posted there`, `unarchive ${label}, or route the number to another channel`);
  if (!ch.is_member) return failed(name, `@${botName} is not a member of ${label}: posts fail with not_in_channel`, `in ${label}, type /invite @${botName}`);
  if (!canWrite) return failed(name, `@${botName} is in ${label} but lacks chat:write`, REINSTALL);
  return passed(name, `@${botName} is in ${label} and can post`);
}

function unique(destinations: ChatDestination[]): ChatDestination[] {
  return [...new Map(destinations.map((d) => [d.channelId, d])).values()];
}
