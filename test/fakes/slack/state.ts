/**
 * What the fake Slack workspace holds: its identity (team, bot, app), channels and the bot's membership,
 * users and user groups, messages per channel, views and files, and the ts / id sequences that number them.
 * The method modules (chat.ts, users.ts, views.ts, files.ts) read and change it; FakeSlackApi exposes it.
 */
import { BOT_SCOPES } from '../../../adapters/slack/scopes';
import { TS_BASE_SECONDS, type AddUserOptions, type Args, type EphemeralMessage, type StoredFile, type StoredMessage, type StoredView } from './types';

export interface SlackIdentity {
  botToken: string;
  /** The app-level token (xapp-…) apps.connections.open accepts. */
  appToken: string;
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export class SlackState {
  /** When true, channels must be registered with addChannel() or calls fail with channel_not_found. */
  strictChannels: boolean;

  readonly channels = new Map<string, { name: string }>();
  /** Channels the bot is not a member of: posting there answers `not_in_channel` (chat.postMessage's error table). */
  readonly botOutside = new Set<string>();
  readonly users = new Map<string, AddUserOptions>();
  readonly userGroups = new Map<string, string[]>();
  readonly messagesByChannel = new Map<string, StoredMessage[]>();
  /** Args of successful chat.postMessage calls, in order. */
  readonly postedArgs: Args[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly viewsById = new Map<string, StoredView>();
  readonly filesById = new Map<string, StoredFile>();
  /** The bot token's scopes, sent in `x-oauth-scopes`: by default those docker/slack-app-manifest.yml asks for. */
  /** An installed app is granted its manifest's bot scopes (BOT_SCOPES, kept equal to the manifest by scopes.test.ts). */
  scopes: string[] = [...BOT_SCOPES];
  tsSeq = 0;
  private idSeq = 0;

  constructor(
    readonly id: SlackIdentity,
    strictChannels: boolean,
    /** Base URL of the fake's HTTP server (known once it listens), for upload and file URLs. */
    readonly baseUrl: () => string,
  ) {
    this.strictChannels = strictChannels;
    this.users.set(id.botUserId, { name: 'bridge-bot', realName: 'Bridge Bot', isBot: true });
  }

  channelError(channel: unknown): string | undefined {
    if (typeof channel !== 'string' || channel === '') return 'channel_not_found';
    if (this.strictChannels && !this.channels.has(channel)) return 'channel_not_found';
    return undefined;
  }

  membershipError(channel: string): string | undefined {
    return this.botOutside.has(channel) ? 'not_in_channel' : undefined;
  }

  channelMessages(channel: string): StoredMessage[] {
    let list = this.messagesByChannel.get(channel);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messagesByChannel.get(channel)?.find((m) => m.ts === ts);
  }

  /** Monotonic "1700000000.000100", "1700000000.000200", … */
  nextTs(): string {
    this.tsSeq += 1;
    const micros = this.tsSeq * 100;
    const seconds = TS_BASE_SECONDS + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** One sequence numbers ids (`V…`, `F…`) and response URLs alike. */
  nextSeq(): number {
    return ++this.idSeq;
  }

  nextId(prefix: string): string {
    return `${prefix}0${String(this.nextSeq()).padStart(9, '0')}`;
  }

  /** Clears stored messages, posts, ephemerals, views and files; keeps channels and users. */
  clearContent(): void {
    this.ephemerals.length = 0;
    this.postedArgs.length = 0;
    this.messagesByChannel.clear();
    this.viewsById.clear();
    this.filesById.clear();
  }
}
