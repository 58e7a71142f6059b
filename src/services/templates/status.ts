/**
 * Template status, quality and category webhooks: the stored template is updated at once, and the channel notice
 * says what the change means for whoever sends it (Meta's template status and error-code pages, notes §5 and §9).
 */
import type { AccountEvent } from '../../domain/whatsapp';
import type { TemplateEventInfo, TemplateRecord } from '../../domain/templates';
import type { Store } from '../../domain/store';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Logger } from '../../logger';

/** What a status means for an agent about to send the template, in `lang` (the account's). */
export function statusMeaning(status: string, info: Partial<TemplateEventInfo> = {}, lang: Language = DEFAULT_LANGUAGE): string {
  const detail = info.detail ? ` (${info.detail})` : '';
  switch (status) {
    case 'REJECTED':
      return t(lang, 'templateStatus.REJECTED', {
        reason: info.reason ? t(lang, 'templateStatus.rejectedReason', { reason: info.reason }) : '',
        detail: info.detail ? ` ${info.detail}` : '',
        recommendation: info.recommendation ? t(lang, 'templateStatus.rejectedRecommends', { recommendation: info.recommendation }) : '',
      });
    case 'PAUSED':
    case 'DISABLED':
    case 'FLAGGED':
      return t(lang, `templateStatus.${status}`, { detail });
    case 'APPROVED':
    case 'PENDING':
    case 'IN_APPEAL':
    case 'DELETED':
    case 'ARCHIVED':
    case 'REINSTATED':
    case 'LIMIT_EXCEEDED':
    case 'LOCKED':
      return t(lang, `templateStatus.${status}`);
    case 'PENDING_DELETION':
      return t(lang, 'templateStatus.DELETED');
    case 'UNARCHIVED':
      return t(lang, 'templateStatus.REINSTATED');
    default:
      return '';
  }
}

export function qualityMeaning(quality: string, lang: Language = DEFAULT_LANGUAGE): string {
  return quality === 'RED' || quality === 'YELLOW' || quality === 'GREEN' ? t(lang, `templateStatus.quality${quality}`) : '';
}

export function categoryMeaning(category: string, lang: Language = DEFAULT_LANGUAGE): string {
  return category === 'MARKETING' ? t(lang, 'templateStatus.categoryMARKETING') : t(lang, 'templateStatus.category', { category: category.toLowerCase() });
}

/** Short line for a template's current state, e.g. in `/wa templates`. */
export function sendability(tpl: Pick<TemplateRecord, 'status' | 'quality'>, lang: Language = DEFAULT_LANGUAGE): string {
  if (tpl.status === 'APPROVED') return tpl.quality === 'RED' ? t(lang, 'templateStatus.approvedLow') : t(lang, 'templateStatus.approved');
  return `⛔ ${statusName(tpl.status, lang)}`;
}

const NAMED = new Set([
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'FLAGGED',
  'PENDING_DELETION',
  'DELETED',
  'ARCHIVED',
  'UNARCHIVED',
  'REINSTATED',
  'LIMIT_EXCEEDED',
  'LOCKED',
]);

/** A status as agents read it (`paused`, `in pausa`); one Meta adds later reads as its code, lowercased. */
export function statusName(status: string, lang: Language = DEFAULT_LANGUAGE): string {
  return NAMED.has(status) ? t(lang, `templateStatus.name.${status as 'PAUSED'}`) : status.toLowerCase().replace(/_/g, ' ');
}

const normLang = (l: string) => l.replace(/-/g, '_').toLowerCase();

export class TemplateStatusUpdates {
  constructor(
    private readonly store: Store,
    /** Reads Meta's template fields out of an account event (adapters/whatsapp). */
    private readonly read: (field: string, value: unknown) => TemplateEventInfo | undefined,
    private readonly log: Logger,
    /** Called when the webhook names a template the bridge has not synced yet. */
    private readonly onUnknown: (wabaId: string) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
    /** The language of the notice for this WhatsApp Business Account's channels (its first number's, src/i18n). */
    private readonly language: (wabaId: string) => Language = () => DEFAULT_LANGUAGE,
  ) {}

  /** Updates the stored template; returns what the change means for senders (appended to the channel notice). */
  async apply(e: AccountEvent): Promise<string | undefined> {
    const info = this.read(e.field, e.value);
    if (!info) return undefined;
    // Webhooks write the language `en-US` where the list says `en_US`: matched by Meta's id first, then loosely.
    const candidates = (await this.store.listTemplates(e.wabaId)).filter((tpl) => tpl.name === info.name);
    const stored =
      candidates.find((tpl) => info.metaId && tpl.metaId === info.metaId) ?? candidates.find((tpl) => normLang(tpl.language) === normLang(info.language));
    const set: Partial<TemplateRecord> = { updatedAt: this.now() };
    if (info.status) set.status = info.status;
    if (info.status === 'REJECTED') set.rejectionReason = [info.reason, info.detail].filter(Boolean).join(': ') || 'no reason given';
    if (info.quality) set.quality = info.quality;
    if (info.category) set.category = info.category;
    if (stored) {
      await this.store.updateTemplate(stored._id, set);
      this.log.info({ template: stored._id, ...set }, 'template updated from a webhook');
    } else {
      this.log.info({ wabaId: e.wabaId, name: info.name, language: info.language }, 'webhook for a template not synced yet: syncing');
      this.onUnknown(e.wabaId);
    }
    const lang = this.language(e.wabaId);
    const meaning = info.status
      ? statusMeaning(info.status, info, lang)
      : info.quality
        ? qualityMeaning(info.quality, lang)
        : info.category
          ? categoryMeaning(info.category, lang)
          : '';
    return meaning ? t(lang, 'templateStatus.forSenders', { meaning }) : undefined;
  }
}
