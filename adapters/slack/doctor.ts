/**
 * `doctor` for the Slack side, over the Web API client the adapter uses: the token (`auth.test`), the scopes it was
 * granted (Slack returns them in the `x-oauth-scopes` header of every Web API response; @slack/web-api exposes it as
 * `response_metadata.scopes`) against the manifest's, and per channel `conversations.info` (`is_member`,
 * `is_archived`): the bot can post where it is a member of a live channel and holds chat:write. Slack has no dry run
 * of chat.postMessage, so posting itself is not tried.
 */
import { WebClient } from '@slack/web-api';
import type { ChatDestination } from '../chat-module';
import type { DoctorCheck, DoctorVar } from '../../src/domain/doctor';
import { checkFailed, checkPassed, doctorText as tx, rawText } from '../../src/doctor/text';
import type { SlackConfig } from './config';
import { slackCode } from './outbound';
import { BOT_SCOPES } from './scopes';

const REINSTALL = tx('doctor.slack.reinstall');
const TOKEN_FIX = tx('doctor.slack.tokenFix');

export async function slackDoctor(config: SlackConfig, destinations: ChatDestination[]): Promise<DoctorCheck[]> {
  const client = new WebClient(config.botToken, { slackApiUrl: config.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000 });
  const tokenName = tx('doctor.chat.botToken');
  let auth;
  try {
    auth = await client.auth.test();
  } catch (err) {
    return [checkFailed(tokenName, rawText(`auth.test: ${slackCode(err) ?? (err as Error).message}`), TOKEN_FIX)];
  }
  const botName = auth.user ?? auth.user_id;
  const team = auth.team ?? auth.team_id;
  const checks = [
    checkPassed(tokenName, tx('doctor.slack.botIn', { bot: botName ?? tx('doctor.slack.theBot'), team: team ?? tx('doctor.slack.theWorkspace') })),
  ];
  const granted = auth.response_metadata?.scopes;
  const missing = granted ? BOT_SCOPES.filter((s) => !granted.includes(s)) : [];
  const scopes = tx('doctor.slack.scopes');
  if (!granted) checks.push(checkPassed(scopes, tx('doctor.slack.scopesUnlisted')));
  else
    checks.push(
      missing.length
        ? checkFailed(scopes, tx('doctor.slack.scopesMissing', { missing: missing.join(', ') }), REINSTALL)
        : checkPassed(scopes, tx('doctor.slack.scopesAll', { count: BOT_SCOPES.length })),
    );
  const canWrite = !granted || granted.includes('chat:write');
  const bot = botName ?? tx('doctor.slack.theBot');
  for (const d of unique(destinations)) checks.push(await channelCheck(client, d.channelId, bot, canWrite));
  return checks;
}

async function channelCheck(client: WebClient, channelId: string, bot: DoctorVar, canWrite: boolean): Promise<DoctorCheck> {
  const name = tx('doctor.chat.channel', { id: channelId });
  let info;
  try {
    info = await client.conversations.info({ channel: channelId });
  } catch (err) {
    const code = slackCode(err) ?? (err as Error).message;
    return checkFailed(
      name,
      rawText(`conversations.info: ${code}`),
      code === 'channel_not_found' ? tx('doctor.slack.channelNotFoundFix', { bot }) : code === 'missing_scope' ? REINSTALL : tx('doctor.slack.seeError'),
    );
  }
  const ch = info.channel ?? {};
  const channel = `#${ch.name ?? channelId}`;
  if (ch.is_archived) return checkFailed(name, tx('doctor.slack.archived', { channel }), tx('doctor.slack.archivedFix', { channel }));
  if (!ch.is_member) return checkFailed(name, tx('doctor.slack.notMember', { bot, channel }), tx('doctor.slack.notMemberFix', { bot, channel }));
  if (!canWrite) return checkFailed(name, tx('doctor.slack.noWrite', { bot, channel }), REINSTALL);
  return checkPassed(name, tx('doctor.slack.canPost', { bot, channel }));
}

function unique(destinations: ChatDestination[]): ChatDestination[] {
  return [...new Map(destinations.map((d) => [d.channelId, d])).values()];
}
