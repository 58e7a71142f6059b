/** `/wa find <phone or name>`: links to the threads of matching customers, answered only to the person who asked. */
import type { Store } from '../../domain/store';
import { t } from '../../i18n';
import type { Commands } from '../commands';
import type { AgentPlaces } from './where';

/** At most this many matches are listed (a bounded scan: src/domain/store/lookups.ts). */
export const FIND_LIMIT = 10;

export function registerFindCommand(commands: Commands, store: Store, places: AgentPlaces): void {
  commands.register('find', 'find <phone or name>', 'links to matching customers’ threads', async (args, req) => {
    const query = args.join(' ').trim();
    const place = { platform: req.platform, channelId: req.channelId };
    const lang = places.language(place);
    if (!query) return { text: t(lang, 'tools.findUsage') };
    const accountIds = places.accountIds(place);
    if (!accountIds.length) return { text: t(lang, 'tools.notAChannel') };
    // A number as people type it (+49 151-…, 0049…) is searched by its digits; anything with letters, by name.
    const looksLikeNumber = /^[+\d\s\-./()]+$/.test(query) && /\d{3}/.test(query.replace(/\D/g, ''));
    const digits = looksLikeNumber ? query.replace(/\D/g, '').replace(/^00/, '') : undefined;
    const found = await store.searchConversations({ accountIds, digits, name: looksLikeNumber ? undefined : query, limit: FIND_LIMIT + 1 });
    if (!found.length) return { text: t(lang, 'tools.noMatch', { query }) };
    const lines = await Promise.all(found.slice(0, FIND_LIMIT).map(async (c) => `• ${await places.labelWithLink(c, req.platform, lang)}`));
    const more = found.length > FIND_LIMIT ? `\n${t(lang, 'tools.more')}` : '';
    return { text: [t(lang, 'tools.matching', { query }), ...lines].join('\n') + more };
  });
}
