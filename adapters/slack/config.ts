/**
 * The Slack side's configuration: its environment variables (a fragment src/config.ts merges and feeds) and the
 * settings the adapter gets, typed from the schema.
 */
import { z } from 'zod';
import { list, url } from '../../src/config-fields';
import type { ChatConfigFragment, ChatDestination } from '../chat-module';

const channel = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id like C0123ABCD (not a channel name)');
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

export const slackEnv = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be the Slack app signing secret').optional(),
  // Socket Mode (docs.slack.dev/apis/events-api/using-socket-mode): an app-level token with connections:write opens
  // the WebSocket (apps.connections.open); Slack then needs no public URL and signs nothing.
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)')
    .optional(),
  SLACK_CHANNEL_ID: channel.optional(),
  SLACK_NOTIFY_USERS: list(USER_ID, 'a Slack user id like U0123ABCD'),
  SLACK_API_URL: url.default('https://slack.com/api/'),
  SLACK_POSTS_PER_SECOND_PER_CHANNEL: z.coerce.number().positive().max(10).default(1),
  // Slack shows an error when a slash command is not acknowledged within 3 s (adapters/slack/command-answer.ts).
  SLACK_COMMAND_ACK_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
});

/** What the Slack adapter is configured with. */
export const slackSettings = z.object({
  botToken: z.string(),
  /** Checks requests to /slack/events (HTTP mode); unused in Socket Mode. */
  signingSecret: z.string().optional(),
  /** Set: Slack talks over Socket Mode and /slack/events is not mounted. */
  appToken: z.string().optional(),
  apiUrl: z.string(),
  /** chat.postMessage's pace per channel (Slack: about one message per second). */
  postsPerSecondPerChannel: z.number(),
  /** How long `/wa` may take to answer in its acknowledgement; a slower answer follows through the response_url. */
  commandAckMs: z.number(),
});
export type SlackConfig = z.infer<typeof slackSettings>;

export const slackConfig: ChatConfigFragment<typeof slackEnv, SlackConfig> = {
  env: slackEnv,
  required: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
  alternatives: { SLACK_SIGNING_SECRET: { variable: 'SLACK_APP_TOKEN', what: 'Socket Mode' } },
  channelVariable: 'SLACK_CHANNEL_ID',
  side: (env) =>
    slackSettings.parse({
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      postsPerSecondPerChannel: env.SLACK_POSTS_PER_SECOND_PER_CHANNEL,
      commandAckMs: env.SLACK_COMMAND_ACK_MS,
    }),
  destination: (env): ChatDestination | undefined =>
    env.SLACK_CHANNEL_ID ? { channelId: env.SLACK_CHANNEL_ID, notifyUsers: env.SLACK_NOTIFY_USERS } : undefined,
  accountDestination: z.object({ channelId: channel, notifyUsers: z.array(z.string().regex(USER_ID)).default([]) }),
  senderIds: [
    { pattern: /[UW][A-Z0-9]{2,}/, what: 'a Slack user id (U…)' },
    // Resolved through the adapter's Directory capability (usergroups.users.list).
    { pattern: /S[A-Z0-9]{2,}/, what: 'a Slack user-group id (S…)' },
  ],
};
