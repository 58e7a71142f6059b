/** How a split message is cut for a chat platform and which status its one chat message shows. */
import type { ChatPost } from '../../../../src/domain/chat/adapter';
import { chatParts, combinedStatus, mentionRoom } from '../../../../src/services/message-parts';

/** A platform that counts like Discord's adapter: an author line before every post, mentions before the first. */
const platform = (max: number) => ({
  maxPostLength: max,
  postLength: (p: ChatPost) => `${(p.mentionUserIds ?? []).map((u) => `<@${u}> `).join('')}**${p.author.name}** (customer)\n${p.body}`.length,
});
const author = { name: 'Sheena Nelson', role: 'customer' as const };
const overhead = '**Sheena Nelson** (customer)\n'.length;

describe('chatParts', () => {
  test('a body that fits is one part, as it is', () => {
    expect(chatParts(platform(2000), { author, body: 'short' })).toEqual(['short']);
  });

  test('each part fits with the author line; the first keeps room for mentions; nothing is lost', () => {
    const body = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const parts = chatParts(platform(2000), { author, body });
    expect(parts[0]!.length + overhead).toBeLessThanOrEqual(2000 - mentionRoom(2000));
    for (const p of parts) expect(p.length + overhead).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toBe(body);
  });

  test('the cut does not depend on the mentions of the run (a post resumed after a crash cuts at the same places)', () => {
    const body = 'word '.repeat(2000).trim();
    expect(chatParts(platform(2000), { author, body, mentionUserIds: ['1', '2', '3'] })).toEqual(chatParts(platform(2000), { author, body }));
  });

  test('a platform that adds more than its limit: one part, left to the adapter to clip', () => {
    expect(chatParts(platform(10), { author, body: 'hello there' })).toEqual(['hello there']);
  });
});

describe('combinedStatus', () => {
  test('the least advanced part, and nothing while a part is not yet sent', () => {
    expect(combinedStatus(['read', 'delivered', 'read'])).toBe('delivered');
    expect(combinedStatus(['read', 'read'])).toBe('read');
    expect(combinedStatus(['read', 'accepted'])).toBeUndefined();
    expect(combinedStatus(['sent', undefined])).toBeUndefined();
    expect(combinedStatus(['played', 'read'])).toBe('read');
  });

  test('failed as soon as any part failed, whatever the others reached', () => {
    expect(combinedStatus(['read', 'failed', 'read'])).toBe('failed');
    expect(combinedStatus(['queued', 'failed'])).toBe('failed');
  });
});
