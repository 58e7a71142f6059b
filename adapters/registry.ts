/**
 * Every chat platform the bridge can mirror conversations into: the one line a new platform adds (its folder
 * exports a ChatPlatformModule, adapters/chat-module.ts). src/config.ts merges their configuration fragments and
 * src/bridge.ts builds the configured ones; neither names a platform.
 */
import type { ChatPlatform } from '../src/domain/platform';
import type { ChatPlatformModule } from './chat-module';
import { discordPlatform } from './discord';
import { slackPlatform } from './slack';

export const CHAT_PLATFORMS = {
  slack: slackPlatform,
  discord: discordPlatform,
} satisfies Record<ChatPlatform, ChatPlatformModule>;

/** Each platform's settings (the factory's `config`), typed from its fragment's schema. */
export type ChatSettings = { [P in ChatPlatform]: ReturnType<(typeof CHAT_PLATFORMS)[P]['config']['side']> };

/** The registry's entries, in order, with the id each is listed under. */
export const chatPlatformEntries = (): Array<[ChatPlatform, ChatPlatformModule]> =>
  Object.entries(CHAT_PLATFORMS) as unknown as Array<[ChatPlatform, ChatPlatformModule]>;
