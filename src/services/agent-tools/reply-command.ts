/**
 * `/wa reply <name> [phone]`: sends a saved reply as the agent's reply, into the conversation of the thread the command
 * was typed in (Discord runs commands in threads) or of the number given (Slack runs none in threads; its message
 * shortcut “Send a saved reply” picks from a form instead).
 */
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { CommandRequest, Commands } from '../commands';
import type { SavedReplies } from './saved-replies';

export function registerReplyCommand(commands: Commands, replies: SavedReplies, languageOf: (req: CommandRequest) => Language = () => DEFAULT_LANGUAGE): void {
  commands.register('reply', 'reply <name> [phone]', 'send a saved reply in this thread (or to a number)', async (args, req) => {
    const [name, phone] = args;
    if (!name) return { text: t(languageOf(req), 'replies.replyUsage') };
    const place = { platform: req.platform, channelId: req.channelId, threadId: req.threadId };
    const r = await replies.send(place, { platform: req.platform, userId: req.userId, userName: req.userName }, name, phone);
    return { text: r.text };
  });
}
