/**
 * Template sync: every WhatsApp Business Account's templates are read from Meta (every page) and stored, one
 * document per name × language; what changed is counted. Runs at start-up, on a schedule and on `/wa sync`.
 * Syncs of one WABA never overlap (a scheduled one and `/wa sync` run one after the other).
 */
import type { AccountConfig } from '../../config';
import { DeliveryError } from '../../domain/errors';
import type { Store } from '../../domain/store';
import type { TemplateSource } from '../../domain/ports/whatsapp';
import { templateId, type TemplateDefinition, type TemplateRecord } from '../../domain/templates';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';

export const DEFAULT_SYNC_MINUTES = 15;

export interface SyncReport {
  wabaId?: string;
  /** The numbers (account names) this WABA serves. */
  accounts: string[];
  added: number;
  updated: number;
  removed: number;
  total: number;
  /** Set when the sync could not run or failed: the reason in plain words (English, for the log). */
  problem?: string;
  /** Why there is a problem, when the bridge can say it in the agents' language (describeReport). */
  cause?: { noWaba: string } | { noNumber: true };
}

/** null and absent count alike: a server may store an undefined field as null. */
function fingerprint(t: TemplateDefinition): string {
  return JSON.stringify([t.metaId, t.category, t.status, t.quality, t.rejectionReason, t.parameterFormat, t.components], (_k, v: unknown) =>
    v === null ? undefined : v,
  );
}

/** Without undefined fields (the driver would store them as null). */
const clean = (t: TemplateDefinition): TemplateDefinition => JSON.parse(JSON.stringify(t)) as TemplateDefinition;

/** The stored record reduced to what Meta defines, so a stored and a fresh template compare equal when unchanged. */
function definitionOf(r: TemplateRecord): TemplateDefinition {
  return {
    metaId: r.metaId,
    name: r.name,
    language: r.language,
    category: r.category,
    status: r.status,
    quality: r.quality,
    rejectionReason: r.rejectionReason,
    parameterFormat: r.parameterFormat,
    components: r.components,
  };
}

/** A report in `lang` (an agent's `/wa sync`); logs keep English, the default. */
export function describeReport(r: SyncReport, lang: Language = DEFAULT_LANGUAGE): string {
  const accounts = r.accounts.join(', ');
  if (r.problem) {
    const problem = !r.cause ? r.problem : 'noWaba' in r.cause ? t(lang, 'templateSync.noWaba', { number: r.cause.noWaba }) : t(lang, 'templateSync.noNumber');
    return t(lang, 'templateSync.problem', { accounts, problem });
  }
  const waba = r.wabaId ? t(lang, 'templateSync.waba', { waba: r.wabaId }) : '';
  return t(lang, 'templateSync.report', { accounts, waba, added: r.added, updated: r.updated, removed: r.removed, total: r.total });
}

export class TemplateSync {
  private readonly chains = new Map<string, Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private soon = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly source: TemplateSource,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Syncs at once, then every `minutes` (0: only at start-up and on demand). */
  start(minutes: number): void {
    void this.syncAll()
      .then((reports) => reports.forEach((r) => (r.problem ? this.log.warn(describeReport(r)) : this.log.info(describeReport(r)))))
      .catch((err: Error) => this.log.error({ err }, 'template sync at start-up failed'));
    if (minutes > 0) {
      this.timer = setInterval(() => void this.syncAll().catch((err: Error) => this.log.error({ err }, 'scheduled template sync failed')), minutes * 60_000);
      this.timer.unref();
    }
  }

  stop(): void {
    clearInterval(this.timer);
    for (const t of this.soon.values()) clearTimeout(t);
    this.soon.clear();
  }

  /** A sync of this WABA shortly (a webhook named a template the bridge does not know yet). */
  syncSoon(wabaId: string, delayMs = 1000): void {
    if (this.soon.has(wabaId)) return;
    const t = setTimeout(() => {
      this.soon.delete(wabaId);
      // Logged, never left unhandled: a database error here must not end the process (issue 9).
      void this.syncWaba(wabaId).catch((err: Error) => this.log.warn({ wabaId, err }, 'template sync after a webhook failed; the next scheduled sync retries'));
    }, delayMs);
    t.unref();
    this.soon.set(wabaId, t);
  }

  /** One report per WhatsApp Business Account, and one per number that has none (it cannot be synced). */
  async syncAll(accounts: AccountConfig[] = this.accounts.all): Promise<SyncReport[]> {
    const reports: SyncReport[] = [];
    const wabas = new Map<string, AccountConfig[]>();
    for (const a of accounts) {
      if (!a.businessAccountId) {
        reports.push({
          accounts: [a.name],
          added: 0,
          updated: 0,
          removed: 0,
          total: 0,
          problem: t(DEFAULT_LANGUAGE, 'templateSync.noWaba', { number: a.phoneNumberId }),
          cause: { noWaba: a.phoneNumberId },
        });
        continue;
      }
      wabas.set(a.businessAccountId, [...(wabas.get(a.businessAccountId) ?? []), a]);
    }
    for (const wabaId of wabas.keys()) reports.push(await this.syncWaba(wabaId));
    return reports;
  }

  syncWaba(wabaId: string): Promise<SyncReport> {
    const previous = this.chains.get(wabaId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.run(wabaId));
    this.chains.set(wabaId, next);
    void next
      .finally(() => {
        if (this.chains.get(wabaId) === next) this.chains.delete(wabaId);
      })
      .catch(() => undefined);
    return next;
  }

  private async run(wabaId: string): Promise<SyncReport> {
    const accounts = this.accounts.byWaba(wabaId);
    const names = accounts.map((a) => a.name);
    const account = accounts[0];
    if (!account) {
      const problem = t(DEFAULT_LANGUAGE, 'templateSync.noNumber');
      return { wabaId, accounts: [wabaId], added: 0, updated: 0, removed: 0, total: 0, problem, cause: { noNumber: true } };
    }
    let fresh: TemplateDefinition[];
    try {
      fresh = await this.source.list(account, wabaId);
    } catch (err) {
      const problem =
        err instanceof DeliveryError ? `${err.explanation.meaning} (code ${err.explanation.code}); ${err.explanation.action}` : (err as Error).message;
      this.log.warn({ wabaId, problem }, 'template sync failed; the stored templates are kept');
      return { wabaId, accounts: names, added: 0, updated: 0, removed: 0, total: 0, problem };
    }
    const stored = new Map((await this.store.listTemplates(wabaId)).map((t) => [t._id, t]));
    const seen = new Set<string>();
    let added = 0;
    let updated = 0;
    const now = this.now();
    for (const t of fresh) {
      const id = templateId(wabaId, t.name, t.language);
      if (seen.has(id)) continue; // a template listed on two pages (the list changed while paging) counts once
      seen.add(id);
      const before = stored.get(id);
      if (before && fingerprint(definitionOf(before)) === fingerprint(t)) continue;
      await this.store.saveTemplate({ ...clean(t), _id: id, wabaId, syncedAt: now, updatedAt: now });
      if (before) updated++;
      else added++;
    }
    const gone = [...stored.keys()].filter((id) => !seen.has(id));
    const removed = await this.store.deleteTemplates(gone);
    const report = { wabaId, accounts: names, added, updated, removed, total: seen.size };
    this.log.info(report, 'templates synced');
    return report;
  }
}
