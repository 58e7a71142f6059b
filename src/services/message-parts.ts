/**
 * One message, several sends: a text longer than the other side takes is split (text-split.ts), and what was split
 * is still shown as one message. A customer's long text becomes several posts in the thread (each recorded as a
 * mirror of the message); an agent's long reply becomes several WhatsApp messages (parts pointing to the first by
 * `partOf`), and the agent's one chat message shows their combined status.
 */
import { hasStatusMarks, type ChatAdapter, type ChatPost } from '../domain/chat/adapter';
import type { MessageRecord, OutboundState } from '../domain/records';
import type { Store } from '../domain/store';
import type { DeliveryStatus } from '../domain/whatsapp';
import { snippet } from './render';
import { SplitImpossible, splitText } from './text-split';

/** Meta's limit on a text message's body: "Maximum 4096 characters" (Cloud API reference, Text messages). */
export const WHATSAPP_TEXT_MAX = 4096;
/**
 * Most WhatsApp messages one reply becomes (about 80,000 characters, twice what Slack lets an agent write). Past it
 * the reply is refused with a notice rather than flooding the customer (and Meta's per-recipient pair rate limit).
 */
export const WHATSAPP_MAX_PARTS = 20;

/**
 * Room the first post keeps for mentions (a tenth of the limit, ≤ 1,000 characters): the split is made without them,
 * so a post resumed after a crash (when the mentions of the first run are no longer known) cuts at the same places.
 */
export function mentionRoom(max: number): number {
  return Math.min(1000, Math.floor(max / 10));
}

/** The bodies of the posts `post` becomes on this platform, in order (one when it fits; never an empty one). */
export function chatParts(chat: Pick<ChatAdapter, 'maxPostLength' | 'postLength'>, post: ChatPost): string[] {
  const bare = { author: post.author, body: '' };
  const max = chat.maxPostLength;
  try {
    const parts = splitText(post.body, { max: (i) => (i === 0 ? max - mentionRoom(max) : max), measure: (body) => chat.postLength({ ...bare, body }) });
    return parts.length ? parts : [post.body];
  } catch (err) {
    // The platform adds more than its own limit around any text (an absurd author name): the adapter clips it.
    if (err instanceof SplitImpossible) return [post.body];
    throw err;
  }
}

const ORDER: Record<OutboundState, number> = { queued: 0, accepted: 1, sent: 2, delivered: 3, read: 4, played: 5, failed: 9 };

/**
 * What a message sent as several parts has reached: `failed` when any part failed (the customer is missing a piece),
 * else the least advanced part (it is "read" only once every part is), `undefined` while a part is not yet sent.
 */
export function combinedStatus(states: (OutboundState | undefined)[]): DeliveryStatus | undefined {
  if (states.some((s) => s === 'failed')) return 'failed';
  let least: OutboundState = 'played';
  for (const s of states) if (ORDER[s ?? 'queued'] < ORDER[least]) least = s ?? 'queued';
  return least === 'queued' || least === 'accepted' ? undefined : least;
}

/**
 * Shows on the chat message the combined status of all its parts (each part's status job calls it; jobs of one
 * platform run one at a time in the conversation's lane). What was shown is kept, so the older reaction is taken off.
 */
export async function showCombinedStatus(store: Store, chat: ChatAdapter, head: MessageRecord): Promise<void> {
  // The agent's own message, or the bridge's post of it (as outbox/handlers/support/threads.ts `locate`, without importing it back).
  const where = head.origin?.platform === chat.platform ? head.origin : head.mirrors.find((m) => m.platform === chat.platform);
  if (!where) return;
  const others = await Promise.all((head.parts ?? []).map((id) => store.getMessage(id)));
  const status = combinedStatus([head.state, ...others.map((m) => m?.state)]);
  const shown = head.shownStatus?.[chat.platform];
  if (!status || status === shown || !hasStatusMarks(chat)) return;
  await chat.showStatus({ platform: where.platform, channelId: where.channelId, threadId: where.threadId }, where.messageId, status, shown);
  // A dotted $set: each platform's job owns its key.
  await store.updateMessage(head._id, { [`shownStatus.${chat.platform}`]: status } as Partial<MessageRecord>);
}

/** Names the part of a split message a notice is about: "✂️ Part 2 of 3 (“…”)". */
export function partLabel(head: MessageRecord, part: MessageRecord): string {
  const index = part._id === head._id ? 0 : (head.parts ?? []).indexOf(part._id) + 1;
  return `✂️ Part ${index + 1} of ${(head.parts ?? []).length + 1}${part.text ? ` (“${snippet(part.text, 60)}”)` : ''}`;
}
