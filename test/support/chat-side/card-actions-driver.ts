/**
 * What the card-actions suite (test/flow/card-actions.suite.ts) needs beyond ChatSideDriver: the buttons on a post,
 * a person clicking one (or picking people in a card's user select), and the template form a click opens.
 */
import type { ChatSideDriver, CommandAnswer, ThreadView } from './driver';

/** The card's actions, as the core names them (src/domain/chat/card.ts CardAction). */
export type ActionName = 'template' | 'claim' | 'assign' | 'add' | 'close' | 'reopen';

/** The template form as the agent sees it once a template is picked. */
export interface FormView {
  /** Whether it asks for a phone number. */
  asksPhone: boolean;
  /** Everything it shows (title, context lines, labels), to find the customer's number in. */
  text: string;
  /** The initial values of its inputs, by template field key. */
  initial: Record<string, string>;
  /** The keys of its value inputs (template field keys). */
  keys: string[];
}

export interface CardActionsDriver extends ChatSideDriver {
  /** A user of this platform who is not the agent (for a TEMPLATE_SENDERS that leaves the agent out). */
  readonly otherUser: string;
  /** The actions offered on a post: the thread's card when `postId` is not given. */
  buttonsOn(thread: ThreadView, postId?: string): ActionName[];
  /**
   * The agent (or `as`) clicks `action` on the post (the card by default); `users`: the people picked for assign/add.
   * Resolves to the private answer, or `'form'` when the click opened the template form (Slack's modal, Discord's picker).
   */
  click(thread: ThreadView, action: ActionName, opts?: { postId?: string; users?: string[]; as?: string }): Promise<CommandAnswer | 'form'>;
  /** In the form the last click opened: picks the template `ref` (`name:language`) and shows the form. */
  formFor(ref: string): Promise<FormView>;
  /** Submits the form `formFor` showed with these values (by field key); resolves to the private answer, if any. */
  submitForm(values: Record<string, string>): Promise<string | undefined>;
}
