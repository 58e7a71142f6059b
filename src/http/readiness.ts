/**
 * What /readyz says (issue 12, point 6). Its HTTP status answers one question, the load balancer's: can the WhatsApp
 * webhook be taken? That needs the database (a webhook is acknowledged once stored) and nothing else. How each side is
 * doing goes in the body only: a Slack outage, a Discord gateway that is reconnecting or a refused WhatsApp token
 * delays deliveries (the outbox keeps them) but must not take the webhook out of rotation, or Meta's webhooks would
 * fail too. Everything but the database ping comes from memory, so the answer comes within a second whatever is down.
 *
 * `checks` keeps the flat shape of earlier versions (`database` and one boolean per chat platform) for scripts.
 */
import type { ChatPlatform } from '../domain/platform';
import type { UpstreamPlatform } from '../domain/ports/telemetry';
import type { UpstreamHealth } from '../services/health/upstream';
import type { ParkedSummary } from '../services/outbox';
import type { TokenIncident } from '../services/whatsapp-token';
import { withDeadline } from './deadline';

/** The database check: a ping under a deadline (mongoose would otherwise wait 10 s for a lost server). */
const READY_PING_MS = 700;

export interface SideHealth {
  up: boolean;
  /** What is wrong, in the platform's words (never a token or a message). */
  problem?: string;
  since?: Date;
}

export interface Readiness {
  /** The HTTP status: 200 when webhooks can be taken, else 503. */
  ok: boolean;
  webhooks: { ok: boolean; database: boolean };
  whatsapp: SideHealth & { tokenRefused: TokenIncident[] };
  chat: Partial<Record<ChatPlatform, SideHealth>>;
  checks: Record<string, boolean>;
  /** Deliveries waiting for a person (parking.ts); they never make `ok` false. */
  parked: ParkedSummary[];
}

export interface HealthSources {
  pingDatabase(): Promise<void>;
  /** The configured chat adapters, read at each call (they are built after the HTTP server). */
  chats(): Array<[ChatPlatform, { isReady(): boolean }]>;
  upstream: UpstreamHealth;
  tokens(): TokenIncident[];
  parked(): ParkedSummary[];
}

export class Health {
  constructor(private readonly s: HealthSources) {}

  /** Each side's health, from memory (the `adapter_up` gauge reads it on every scrape). */
  sides(): { whatsapp: Readiness['whatsapp']; chat: Readiness['chat'] } {
    const tokenRefused = this.s.tokens();
    const whatsapp: Readiness['whatsapp'] = { ...this.fromCalls('whatsapp'), tokenRefused };
    if (tokenRefused.length) {
      const first = tokenRefused[0]!;
      Object.assign(whatsapp, {
        up: false,
        problem: `Meta refuses the access token of ${first.accounts.join(', ')} (${first.code}): ${first.action}`,
        since: first.since,
      });
    }
    const chat: Readiness['chat'] = {};
    for (const [platform, adapter] of this.s.chats()) {
      chat[platform] = adapter.isReady() ? this.fromCalls(platform) : { up: false, problem: 'not connected (connecting or reconnecting)' };
    }
    return { whatsapp, chat };
  }

  /** `whatsapp_bridge_adapter_up`: one entry per platform. */
  adaptersUp(): Array<{ platform: string; up: boolean }> {
    const { whatsapp, chat } = this.sides();
    return [{ platform: 'whatsapp', up: whatsapp.up }, ...Object.entries(chat).map(([platform, h]) => ({ platform, up: h.up }))];
  }

  async ready(): Promise<Readiness> {
    const database = await withDeadline(this.s.pingDatabase(), READY_PING_MS).then(
      () => true,
      () => false,
    );
    const { whatsapp, chat } = this.sides();
    const checks: Record<string, boolean> = { database };
    for (const [platform, h] of Object.entries(chat)) checks[platform] = h.up;
    return { ok: database, webhooks: { ok: database, database }, whatsapp, chat, checks, parked: this.s.parked() };
  }

  private fromCalls(platform: UpstreamPlatform): SideHealth {
    const p = this.s.upstream.current(platform);
    return p ? { up: false, problem: `${p.method}: ${p.problem}`, since: p.since } : { up: true };
  }
}
