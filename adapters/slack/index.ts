/** The Slack platform: its configuration fragment and `createSlackAdapter`, listed in adapters/registry.ts. */
import { slackDoctor } from './doctor';
import { defineChatPlatform, type ChatAdapterDeps } from '../chat-module';
import { slackConfig, type SlackConfig } from './config';
import { SlackAdapter } from './slack-adapter';

export type { SlackConfig } from './config';

/** Slack over the Web API and Bolt: Events API over HTTP (mounted on `deps.routes` at /slack/events), or Socket Mode with SLACK_APP_TOKEN. */
export function createSlackAdapter(config: SlackConfig, deps: ChatAdapterDeps): SlackAdapter {
  return new SlackAdapter({ ...config, startRetryMs: deps.startRetryMs, apiCalls: deps.apiCalls }, deps.routes, deps.inbound, deps.log);
}

export const slackPlatform = defineChatPlatform({ label: 'Slack', config: slackConfig, create: createSlackAdapter, doctor: slackDoctor });
