/**
 * What a chat side (Slack, Discord, a future platform) must let the conformance suite do and see
 * (test/flow/chat-side.suite.ts). A driver speaks its platform through the existing harness and fakes only:
 * customers reach the bridge through the signed WhatsApp webhook route, agents through the platform's own
 * inbound path (Events API, gateway, interactions), and everything is observed on the fakes, never in the store.
 * The suite names no platform; a new platform gets its acceptance test by implementing this one interface.
 */
import type { FakeGraphApi } from '../../fakes/graph-api';

/** A conversation's thread as the platform shows it. */
export interface ThreadView {
  id: string;
  /** What names the thread in the channel: the root message (Slack) or the thread's name (Discord). */
  title: string;
}

/** A file attached to a post, with its bytes as the platform serves them. */
export interface FileView {
  name: string;
  bytes(): Promise<Buffer>;
}

/** One post in a thread, as people see it. */
export interface PostView {
  id: string;
  /** The body, without the attribution the platform adds (e.g. Discord's `**Name** (customer)` line). */
  text: string;
  /** The name shown as its author when the bridge posts on someone's behalf (the customer), else undefined. */
  author?: string;
  /** Posted by the bridge (its bot user), not by a person. */
  byBridge: boolean;
  /** Ids of the users the post pings. */
  mentions: string[];
  files: FileView[];
}

/** A file an agent shares in the thread. */
export interface AgentFile {
  name: string;
  mimetype: string;
  bytes: Buffer;
}

/** The WhatsApp delivery status a mark on an agent's post stands for. */
export type StatusMark = 'sent' | 'delivered' | 'read' | 'failed';

/** A `/wa` subcommand with its arguments; the driver types it the platform's way (a text line, typed options). */
export type WaCommand =
  | { sub: 'help' }
  | { sub: 'templates' }
  | { sub: 'template'; phone: string; name: string; params?: string }
  | LifecycleCommand
  // The agents' tools (issue 11, points 6-7: test/flow/agent-tools.suite.ts).
  | { sub: 'replies'; action: 'add' | 'list' | 'remove'; name?: string; text?: string }
  | { sub: 'reply'; name: string; phone?: string }
  | { sub: 'find'; query: string }
  | { sub: 'history'; phone?: string; count?: number }
  | { sub: 'failed' };

/**
 * A lifecycle subcommand on a conversation: typed in its thread where the platform runs commands there (Discord), else
 * naming the customer's number (Slack runs no custom slash command typed in a thread). `user`: a user id of this platform.
 */
export type LifecycleCommand = { thread: ThreadView; phone: string } & (
  { sub: 'claim' | 'reopen' } | { sub: 'assign' | 'add'; user: string } | { sub: 'close'; message?: string }
);

export interface CommandAnswer {
  text: string;
  /** Only the person who typed the command sees it (Slack ephemeral, Discord flag 64). */
  private: boolean;
}

export interface ChatSideDriver {
  /** For test names. */
  readonly platform: string;
  /** The person agentReplies, agentUploads and agentReacts act as. */
  readonly agentId: string;
  /** The notify users configured for the channel (pinged by a new conversation). */
  readonly notifyUsers: readonly string[];
  /** The fake Graph API the bridge talks to (valid after start()). */
  readonly graph: FakeGraphApi;

  /** Starts fakes and a bridge with this platform as its only chat side (`env`: variables added to the test's own). */
  start(label: string, env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
  /** Meta delivers a webhook body (signed like Meta) to the bridge's public route; resolves to the HTTP status. */
  webhook(body: unknown): Promise<number>;
  /** Refreshes the bridge's templates from the Graph fake (what the periodic sync does). */
  syncTemplates(): Promise<void>;

  /** Threads the bridge has opened in the configured channel. */
  threads(): ThreadView[];
  /** Waits for the one thread whose title names the customer's number (`+digits`). */
  threadOf(phoneDigits: string): Promise<ThreadView>;
  /** The post that opens the thread (the root message, or the thread's first message). */
  opening(thread: ThreadView): PostView;
  /** Whether the thread is shown closed (Discord: archived); undefined where threads have no such state (Slack). */
  threadClosed(thread: ThreadView): boolean | undefined;
  /** Posts in the thread after its opening, oldest first. */
  postsIn(thread: ThreadView): PostView[];

  /**
   * A person writes in the thread; resolves to the post's id (after the bridge's acknowledgement where the platform
   * waits for one, as Slack's Events API does; a gateway platform gives none, so the suite waits for states).
   */
  agentReplies(thread: ThreadView, text: string): Promise<string>;
  /** A person shares files in the thread with `text`; resolves to the post's id (as agentReplies). */
  agentUploads(thread: ThreadView, text: string, files: AgentFile[]): Promise<string>;
  /** A person adds (or removes) a Unicode emoji reaction on a post of the thread. */
  agentReacts(thread: ThreadView, postId: string, emoji: string, opts?: { remove?: boolean }): Promise<void>;

  /** The delivery statuses the bridge marks on a post (its own reactions that stand for one). */
  statusMarksOn(thread: ThreadView, postId: string): StatusMark[];
  /** The bridge's other reactions on a post (e.g. a customer's reaction), as Unicode emoji. */
  reactionsOn(thread: ThreadView, postId: string): string[];

  /**
   * The platform hands the bridge's own activity in the thread (its posts and reactions) back to the bridge, as it
   * does in production (Slack's Events API sends the bot its own messages; Discord's gateway dispatches them).
   */
  echoBridgeActivity(thread: ThreadView): Promise<void>;

  /** A person runs `/wa` in the channel (or, where the platform runs commands in threads, in `opts.in`); resolves to the answer they see. */
  runCommand(command: WaCommand, opts?: { in?: ThreadView }): Promise<CommandAnswer>;

  // ---------------------------------------------------------------- the agents' tools (test/flow/agent-tools.suite.ts)

  /** Whether `/wa` can be typed inside a thread here (Discord can; Slack runs no slash command in a thread). */
  readonly commandsInThreads: boolean;
  /** The agent's display name as the platform gives it to the bridge. */
  readonly agentName: string;
  /**
   * The agent sends a saved reply from the thread, the platform's way (Slack: the message shortcut's form, Discord:
   * `/wa reply` in the thread with the name autocompleted); resolves to the names offered and, when the platform
   * answers the agent, that answer.
   */
  agentPicksSavedReply(thread: ThreadView, name: string): Promise<{ offered: string[]; answer?: CommandAnswer }>;
  /** The agent edits their post; resolves once the platform handed the edit over (where it waits for an answer). */
  agentEdits(thread: ThreadView, postId: string, text: string): Promise<void>;
  /** The agent deletes their post. */
  agentDeletes(thread: ThreadView, postId: string): Promise<void>;
  /** A part of the link to the thread that the bridge's answers must contain (Slack permalink, Discord channel URL). */
  threadLinkPart(thread: ThreadView): string;
  /** What the periodic probe does: deliveries paused on a problem a person fixed are tried again now. */
  probeParked(): void;
}
