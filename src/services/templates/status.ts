/**
 * Template status, quality and category webhooks: the stored template is updated at once, and the channel notice
 * says what the change means for whoever sends it (Meta's template status and error-code pages, notes §5 and §9).
 */
import type { AccountEvent } from '../../domain/whatsapp';
import type { TemplateEventInfo, TemplateRecord } from '../../domain/templates';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';

/** What a status means for an agent about to send the template. */
export function statusMeaning(status: string, info: Partial<TemplateEventInfo> = {}): string {
  const detail = info.detail ? ` (${info.detail})` : '';
  switch (status) {
    case 'APPROVED':
      return 'It can be sent now with `/wa template`.';
    case 'REJECTED':
      return `It cannot be sent.${info.reason ? ` Meta’s reason: ${info.reason}.` : ''}${info.detail ? ` ${info.detail}` : ''}${info.recommendation ? ` Meta recommends: ${info.recommendation}` : ''} Edit it in WhatsApp Manager and submit it again.`;
    case 'PAUSED':
      return `It cannot be sent until Meta lifts the pause (3 hours after a first pause, 6 after a second) or it is edited; sends fail with 132015 meanwhile${detail}. Customers reported or ignored it: check its content.`;
    case 'DISABLED':
      return `It can no longer be sent (sends fail with 132016)${detail}. Use another template, or create a new one.`;
    case 'PENDING':
      return 'Meta is reviewing it; it cannot be sent until it is approved.';
    case 'IN_APPEAL':
      return 'Its rejection is under appeal; it cannot be sent until it is approved.';
    case 'FLAGGED':
      return `Its quality is low and it will be disabled if that does not improve${detail}. It can still be sent, but prefer another template.`;
    case 'PENDING_DELETION':
    case 'DELETED':
      return 'It was deleted and can no longer be sent.';
    case 'ARCHIVED':
      return 'It was archived (unused for a long time) and cannot be sent until it is unarchived in WhatsApp Manager.';
    case 'UNARCHIVED':
    case 'REINSTATED':
      return 'It can be sent again with `/wa template`.';
    case 'LIMIT_EXCEEDED':
      return 'The account has reached its template limit.';
    case 'LOCKED':
      return 'It can no longer be edited.';
    default:
      return '';
  }
}

export function qualityMeaning(quality: string): string {
  switch (quality) {
    case 'RED':
      return 'Customers are blocking or reporting it: Meta may pause it (sends then fail with 132015). Review its content or stop sending it for now.';
    case 'YELLOW':
      return 'Its quality is dropping; if customers keep blocking or reporting it, Meta will pause it.';
    case 'GREEN':
      return 'Its quality is high.';
    default:
      return '';
  }
}

export function categoryMeaning(category: string): string {
  return category === 'MARKETING'
    ? 'It is now priced and treated as marketing: customers may have stopped marketing messages (131050) and Meta caps marketing per user (131049).'
    : `It is now priced and treated as ${category.toLowerCase()}.`;
}

/** Short line for a template's current state, e.g. in `/wa templates`. */
export function sendability(t: Pick<TemplateRecord, 'status' | 'quality'>): string {
  if (t.status === 'APPROVED') return t.quality === 'RED' ? '⚠️ approved, low quality' : '✅ approved';
  return `⛔ ${t.status.toLowerCase().replace(/_/g, ' ')}`;
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
  ) {}

  /** Updates the stored template; returns what the change means for senders (appended to the channel notice). */
  async apply(e: AccountEvent): Promise<string | undefined> {
    const info = this.read(e.field, e.value);
    if (!info) return undefined;
    // Webhooks write the language `en-US` where the list says `en_US`: matched by Meta's id first, then loosely.
    const candidates = (await this.store.listTemplates(e.wabaId)).filter((t) => t.name === info.name);
    const stored = candidates.find((t) => info.metaId && t.metaId === info.metaId) ?? candidates.find((t) => normLang(t.language) === normLang(info.language));
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
    const meaning = info.status
      ? statusMeaning(info.status, info)
      : info.quality
        ? qualityMeaning(info.quality)
        : info.category
          ? categoryMeaning(info.category)
          : '';
    return meaning ? `*What it means for senders:* ${meaning}` : undefined;
  }
}
