/**
 * The saved-replies port: a team's canned answers (`/wa replies add|list|remove`), picked in a thread and sent as the
 * agent's reply (src/services/agent-tools/saved-replies.ts).
 *
 * Query shapes it relies on: writes, reads and deletes by one `_id` (`${scope}:${name}`, the scope being the WhatsApp
 * number's phone number id: one list per department). `listReplies` filters on `scope`: a scan on the embedded FerretDB
 * (docs/architecture.md, "What the embedded database does differently"), over a collection of a few dozen documents per
 * number, run by a command, a form opening or a Discord autocomplete: never on a message's path.
 */
import type { ChatPlatform } from '../platform';
import { methodsOf } from './methods';

export interface SavedReplyRecord {
  /** `${scope}:${name}`. */
  _id: string;
  /** Whose list it is: the account's phone number id. */
  scope: string;
  /** Lower case, as typed after `/wa replies add` (letters, digits, `-` and `_`). */
  name: string;
  /** The text, with `{placeholders}` (src/services/agent-tools/placeholders.ts). */
  text: string;
  savedBy: { platform: ChatPlatform; userId: string; name?: string };
  savedAt: Date;
}

export const savedReplyId = (scope: string, name: string): string => `${scope}:${name}`;

export interface SavedReplyStore {
  /** Stores the reply, replacing one of the same `_id`; says which it did. */
  saveReply(reply: SavedReplyRecord): Promise<'created' | 'replaced'>;
  getReply(id: string): Promise<SavedReplyRecord | null>;
  /** A scope's replies by name. */
  listReplies(scope: string): Promise<SavedReplyRecord[]>;
  /** False when there was none. */
  deleteReply(id: string): Promise<boolean>;
}

export const SAVED_REPLY_STORE_METHODS = methodsOf<SavedReplyStore>({
  saveReply: true,
  getReply: true,
  listReplies: true,
  deleteReply: true,
});
