/** `/wa find <phone or name>`: links to the threads of matching customers, answered only to the person who asked. */
import type { Store } from '../../domain/store';
import type { Commands } from '../commands';
import type { AgentPlaces } from './where';

/** At most this many matches are listed (a bounded scan: src/domain/store/lookups.ts). */
export const FIND_LIMIT = 10;

export function registerFindCommand(commands: Commands, store: Store, places: AgentPlaces): void {
  commands.register('find', 'find <phone or name>', 'links to matching customers’ threads', async (args, req) => {
    const query = args.join(' ').trim();
    if (!query) return { text: 'Usage: `/wa find <phone or name>`, e.g. `/wa find +49151` or `/wa find Sheena`.' };
    const place = { platform: req.platform, channelId: req.channelId };
    const accountIds = places.accountIds(place);
    if (!accountIds.length) return { text: '❌ This channel is not the channel of a WhatsApp number: run the command where its conversations appear.' };
    // A number as people type it (+49 151-…, 0049…) is searched by its digits; anything with letters, by name.
    const looksLikeNumber = /^[+\d\s\-./()]+$/.test(query) && /\d{3}/.test(query.replace(/\D/g, ''));
    const digits = looksLikeNumber ? query.replace(/\D/g, '').replace(/^00/, '') : undefined;
    const found = await store.searchConversations({ accountIds, digits, name: looksLikeNumber ? undefined : query, limit: FIND_LIMIT + 1 });
    if (!found.length) return { text: `No conversation matches “${query}”.` };
    const lines = await Promise.all(found.slice(0, FIND_LIMIT).map(async (c) => `• ${await places.labelWithLink(c, req.platform)}`));
    const more = found.length > FIND_LIMIT ? `\n…and more: narrow the search.` : '';
    return { text: [`*Conversations matching “${query}”*`, ...lines].join('\n') + more };
  });
}
