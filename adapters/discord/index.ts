/** The Discord platform: its configuration fragment and `createDiscordAdapter`, listed in adapters/registry.ts. */
import { discordDoctor } from './doctor';
import { defineChatPlatform, type ChatAdapterDeps } from '../chat-module';
import { discordConfig, type DiscordConfig } from './config';
import { DiscordAdapter } from './discord-adapter';

export type { DiscordConfig } from './config';

/** Discord over the gateway (discord.js) for what people do, REST for what the bridge posts. */
export function createDiscordAdapter(config: DiscordConfig, deps: ChatAdapterDeps): DiscordAdapter {
  return new DiscordAdapter({ ...config, channelIds: deps.channelIds, startRetryMs: deps.startRetryMs, apiCalls: deps.apiCalls }, deps.inbound, deps.log);
}

export const discordPlatform = defineChatPlatform({ label: 'Discord', config: discordConfig, create: createDiscordAdapter, doctor: discordDoctor });
