/**
 * What the bridge looks up in the Slack workspace: people's names (for author lines and mentions), user-group
 * members (template-sender allow-lists) and shared files named by an agent (a bulk send's CSV).
 */
import type { WebClient } from '@slack/web-api';
import type { Directory } from '../../src/domain/chat/adapter';
import type { Logger } from '../../src/logger';

/** How long a user group's members are trusted before they are read again. */
const GROUP_CACHE_MS = 60_000;
/** Largest shared file read as text (a CSV of recipients). */
const SHARED_FILE_MAX_BYTES = 1_000_000;

export class SlackDirectory implements Directory {
  private readonly userNames = new Map<string, string | undefined>();
  private readonly groups = new Map<string, { users: string[]; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly botToken: string,
    private readonly log: Logger,
  ) {}

  /** A person's display name (users.info, cached); undefined when Slack will not say. */
  async userName(id: string): Promise<string | undefined> {
    if (this.userNames.has(id)) return this.userNames.get(id);
    try {
      const res = await this.client.users.info({ user: id });
      const name = res.user?.real_name || res.user?.profile?.display_name || res.user?.name || undefined;
      this.userNames.set(id, name);
      return name;
    } catch (err) {
      this.log.debug({ user: id, err }, 'users.info failed; using the id');
      return undefined;
    }
  }

  /** The name of a user already looked up (format.ts turns `<@U…>` into it), without a call. */
  knownName(id: string): string | undefined {
    return this.userNames.get(id);
  }

  /** Looks up everyone mentioned in `text`, so knownName can name them. */
  async resolveMentionNames(text: string): Promise<void> {
    const ids = [...text.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((m) => m[1]!);
    await Promise.all(ids.map((id) => this.userName(id)));
  }

  /** Members of a Slack user group (S…), cached a minute: template-sender allow-lists may name groups. */
  async groupMembers(groupId: string): Promise<string[]> {
    const cached = this.groups.get(groupId);
    if (cached && cached.until > Date.now()) return cached.users;
    const res = await this.client.usergroups.users.list({ usergroup: groupId });
    const users = (res.users as string[] | undefined) ?? [];
    this.groups.set(groupId, { users, until: Date.now() + GROUP_CACHE_MS });
    return users;
  }

  /**
   * A file shared in Slack, named by its id (F…) or a link to it (permalink or url_private), read as text: the CSV
   * of a bulk template send. files.info gives its private URL, read with the bot token (files:read).
   */
  async readSharedFile(reference: string): Promise<{ name: string; text: string } | undefined> {
    const id = /(?:^|[/-])(F[A-Z0-9]{6,})(?=\/|$)/.exec(reference.trim().replace(/^<|>$/g, ''))?.[1];
    if (!id) return undefined;
    const info = await this.client.files.info({ file: id });
    const file = info.file;
    const url = file?.url_private_download ?? file?.url_private;
    if (!file || !url) throw new Error('Slack gave no download link for it');
    if ((file.size ?? 0) > SHARED_FILE_MAX_BYTES) throw new Error('it is larger than 1 MB');
    const res = await fetch(url, { headers: { authorization: `Bearer ${this.botToken}` }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) throw new Error(`Slack answered HTTP ${res.status}; the app needs the files:read scope`);
    return { name: file.name ?? id, text: await res.text() };
  }
}
