/** Automatic messages (issue 13): what the bridge sends by itself, and why. src/services/automation/ decides them. */
import type { MediaKind } from './content';
import type { ListMessage, ReplyButtons } from './interactive';

/**
 * away: outside business hours; greeting: a new (or reopened) conversation; keyword: a rule matched the customer's words;
 * menu: the first-contact menu whose choice routes the conversation (domain/menu.ts).
 */
export type AutomaticKind = 'away' | 'greeting' | 'keyword' | 'menu';

/** What an automatic message says (services/automation/schema.ts checks it): a text, a file or reply buttons, and the template allowed once the window is closed. */
export interface AutomaticAnswer {
  text?: string;
  media?: { kind: MediaKind; link?: string; id?: string; caption?: string; filename?: string };
  buttons?: ReplyButtons;
  /** An interactive list (the menu's list form). */
  list?: ListMessage;
  whenWindowClosed?: { template: string; language: string };
}
