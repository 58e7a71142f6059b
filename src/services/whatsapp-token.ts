/**
 * The "token refused" incident (issue 12, point 2). When Meta refuses a WhatsApp access token (Graph code 190, or an
 * HTTP 401) on any call — a send, a media download, the template sync — the WhatsApp adapter says so
 * (WhatsAppTokenWatch) and this opens one incident per token:
 * - every channel of every number using that token is told once what to do (a channel notice whose key is the token's
 *   hash: a restart with the same refused token repeats nothing, a new token that is refused again is a new notice);
 * - /readyz lists it (`whatsapp.tokenRefused`) and `whatsapp_bridge_whatsapp_tokens_refused` counts the numbers;
 * - sends to WhatsApp park on their number (services/outbox/parking.ts, the same mechanism as a Slack channel the
 *   bot is not in) instead of failing; the parking notice is not posted for them (this one says it better);
 * - a cheap Graph read with the token (WhatsAppTokenCheck) runs every probe interval; once Meta takes the token
 *   again (or any call with it works) the parked sends of its numbers resume and the channels are told.
 * Tokens are read from the configuration at start-up (src/config.ts): a new token means a restart, and the parked
 * sends are probed at start (OutboxWorker.start), so they go out as soon as the new token works.
 */
import type { AccountConfig } from '../config';
import type { FailureExplanation } from '../domain/errors';
import type { WhatsAppTokenCheck, WhatsAppTokenWatch } from '../domain/ports/whatsapp';
import type { Logger } from '../logger';
import type { Accounts } from './accounts';
import { Chores } from './outbox/chores';
import type { Enqueue } from './outbox/enqueue';
import { whatsappTarget } from './outbox/targets';
import { accountChannels, channelNoticeJobs } from './routing';
import { DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../i18n';
import { explanationIn } from './present/notices';

export interface TokenIncident {
  /** The numbers (phone number ids) whose sends wait for a working token. */
  accounts: string[];
  code: string;
  reason: string;
  action: string;
  since: Date;
}

export interface TokenIncidentDeps {
  accounts: Accounts;
  enqueue: Enqueue;
  check: WhatsAppTokenCheck;
  log: Logger;
  /** Parked sends of these targets resume (OutboxWorker.parking: `has` / `resume`). */
  parking: () => { has(target: string): boolean; resume(target: string): Promise<void> } | undefined;
}

/** Where the token of an account is set, in the words of the configuration (src/config.ts); English for the logs. */
function tokenVariable(account: AccountConfig, lang: Language = DEFAULT_LANGUAGE): string {
  return account.name === 'default' ? 'WHATSAPP_ACCESS_TOKEN' : translator(lang)('delivery.tokenVariable', { account: account.name });
}

export class TokenIncidents implements WhatsAppTokenWatch {
  /** Refused tokens (in memory only, never logged) → their incident. */
  private readonly open = new Map<string, TokenIncident>();
  private readonly chores = new Chores();

  constructor(private readonly deps: TokenIncidentDeps) {}

  /** Checks every refused token again every `ms` until stop(). */
  start(ms: number): void {
    this.chores.every(ms, () => this.chores.run(this.probe()));
  }

  async stop(): Promise<void> {
    this.chores.stop();
    await this.chores.settled();
  }

  list(): TokenIncident[] {
    return [...this.open.values()];
  }

  /** Numbers whose token is refused now. */
  refusedAccounts(): number {
    let n = 0;
    for (const i of this.open.values()) n += i.accounts.length;
    return n;
  }

  /** Whether a parking target's sends wait for a token (their paused notice would repeat this incident's). */
  covers(target: string): boolean {
    for (const i of this.open.values()) if (i.accounts.some((a) => whatsappTarget(a) === target)) return true;
    return false;
  }

  refused(accessToken: string, why: FailureExplanation): void {
    if (this.open.has(accessToken)) return;
    const accounts = this.deps.accounts.all.filter((a) => a.accessToken === accessToken);
    if (!accounts.length) return; // not a configured token (cannot happen today; nothing to tell anyone)
    const names = accounts.map((a) => (a.name === 'default' ? a.phoneNumberId : `${a.name} (${a.phoneNumberId})`)).join(', ');
    const variables = [...new Set(accounts.map((a) => tokenVariable(a)))].join('; ');
    const incident: TokenIncident = {
      accounts: accounts.map((a) => a.phoneNumberId),
      code: why.code,
      reason: why.meaning,
      action: `create a permanent token for a system user (Meta Business Suite → Business settings → System users → Generate new token, with whatsapp_business_messaging and whatsapp_business_management), set ${variables}, and restart the bridge`,
      since: new Date(),
    };
    this.open.set(accessToken, incident);
    this.deps.log.error(
      { accounts: incident.accounts, code: why.code },
      `Meta refuses the WhatsApp access token of ${names}: ${why.meaning}. Messages to customers are paused (nothing is lost). What to do: ${incident.action}`,
    );
    this.announce(accounts, { why: 'token', state: 'refused', token: accessToken }, (t, lang) => {
      const local = [...new Set(accounts.map((a) => tokenVariable(a, lang)))].join('; ');
      return t('token.refused', { names, meaning: explanationIn(why, lang).meaning, code: why.code, action: t('token.action', { variables: local }) });
    });
  }

  accepted(accessToken: string): void {
    const incident = this.open.get(accessToken);
    if (!incident) return;
    this.open.delete(accessToken);
    this.deps.log.info({ accounts: incident.accounts }, 'Meta takes the WhatsApp access token again: paused messages to customers resume');
    const parking = this.deps.parking();
    for (const id of incident.accounts) {
      const target = whatsappTarget(id);
      if (parking?.has(target))
        parking.resume(target).catch((err: unknown) => this.deps.log.warn({ err, target }, 'resuming paused sends failed; the next probe does it'));
    }
    const accounts = this.deps.accounts.all.filter((a) => incident.accounts.includes(a.phoneNumberId));
    this.announce(accounts, { why: 'token', state: 'works', token: accessToken }, (t) => t('token.works'));
  }

  /** Asks Meta about each refused token once (the adapter's watch reports the answer). */
  async probe(): Promise<void> {
    for (const [token, incident] of [...this.open]) {
      const account = this.deps.accounts.get(incident.accounts[0]!);
      if (!account) continue;
      try {
        await this.deps.check.check({ phoneNumberId: account.phoneNumberId, accessToken: token });
        this.accepted(token);
      } catch (err) {
        this.deps.log.debug({ err, accounts: incident.accounts }, 'the WhatsApp access token is still refused');
      }
    }
  }

  /** The notice in the accounts' channels, each in its account's language. */
  private announce(accounts: AccountConfig[], about: Parameters<typeof channelNoticeJobs>[1], body: (t: Translate, lang: Language) => string): void {
    const languages = [...new Set(accounts.map((a) => this.deps.accounts.language(a)))];
    const jobs = languages.flatMap((lang) =>
      channelNoticeJobs(
        accountChannels(
          this.deps.accounts,
          accounts.filter((a) => this.deps.accounts.language(a) === lang),
        ),
        about,
        body(translator(lang), lang),
      ),
    );
    this.chores.run(this.deps.enqueue(jobs).catch((err: unknown) => this.deps.log.warn({ err }, 'could not post the token notice')));
  }
}
