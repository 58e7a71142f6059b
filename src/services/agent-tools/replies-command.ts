/** `/wa replies add <name> <text>`, `/wa replies list`, `/wa replies remove <name>`: the team's saved replies. */
import { splitArgs } from '../command-line';
import { DEFAULT_LANGUAGE, t } from '../../i18n';
import type { Accounts } from '../accounts';
import type { Commands } from '../commands';
import type { SavedReplies } from './saved-replies';

const USAGE = 'replies add <name> <text> | list | remove <name>';

/**
 * The text after `replies add <name>`, as typed (spaces, line breaks and quotes kept), so a reply reads as written;
 * a text given as one quoted argument (Discord's typed option arrives quoted) is unquoted.
 */
function textAfterName(line: string): string {
  const m = /^\s*\S+\s+\S+\s+\S+\s?([\s\S]*)$/.exec(line);
  const rest = (m?.[1] ?? '').trim();
  const args = splitArgs(rest);
  return /^["“]/.test(rest) && args.length === 1 ? args[0]! : rest;
}

export function registerRepliesCommand(commands: Commands, replies: SavedReplies, accounts?: Pick<Accounts, 'channelLanguage'>): void {
  commands.register('replies', USAGE, 'the team’s saved replies ({placeholders} filled when sent)', async (args, req) => {
    const [action = '', name] = args;
    const place = { platform: req.platform, channelId: req.channelId, threadId: req.threadId };
    const author = { platform: req.platform, userId: req.userId, userName: req.userName };
    switch (action.toLowerCase()) {
      case 'add':
        if (!name) break;
        return { text: await replies.add(place, author, name, textAfterName(req.text)) };
      case 'list':
      case '':
        return { text: await replies.list(place) };
      case 'remove':
        if (!name) break;
        return { text: await replies.remove(place, name) };
    }
    return { text: t(accounts?.channelLanguage(req.platform, req.channelId) ?? DEFAULT_LANGUAGE, 'tools.repliesUsage', { usage: USAGE }) };
  });
}
