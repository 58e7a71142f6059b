/** Automatic messages (issue 13): what the bridge sends by itself, and why. src/services/automation/ decides them. */
import type { MediaKind } from './content';
import type { ReplyButtons } from './interactive';

/** away: outside business hours; greeting: a new (or reopened) conversation; keyword: a rule matched the customer's words. */
export type AutomaticKind = 'away' | 'greeting' | 'keyword';

/** What an automatic message says (services/automation/schema.ts checks it): a text, a file or reply buttons, and the template allowed once the window is closed. */
export interface AutomaticAnswer {
  text?: string;
  media?: { kind: MediaKind; link?: string; id?: string; caption?: string; filename?: string };
  buttons?: ReplyButtons;
  whenWindowClosed?: { template: string; language: string };
}
