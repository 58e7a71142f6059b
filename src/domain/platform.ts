/**
 * The chat platforms the bridge mirrors conversations into. A leaf module: records, templates and the chat contract
 * all name a platform, and importing it from here keeps them from importing each other.
 *
 * A union rather than a branded string: records key per-platform fields by it (`customerReaction.slack`), accounts
 * name a channel per platform, and services keep a word per platform in `Record<ChatPlatform, …>` maps. Adding a
 * platform here makes the compiler list each of those places; a plain string would compile and fail at run time.
 * adapters/registry.ts checks that its entries are exactly these.
 */
export const CHAT_PLATFORMS = ['slack', 'discord'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/** How a platform is named in what people read (notices, "via …" on mirrored posts). */
export const PLATFORM_LABEL: Record<ChatPlatform, string> = { slack: 'Slack', discord: 'Discord' };
