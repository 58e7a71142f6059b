/**
 * The templates port: WhatsApp message templates synced from Meta (one record per name × language), kept current by
 * template webhooks. Off the hot path (start-up, every 15 minutes, `/wa` commands): `listTemplates` filters by
 * account, a small collection; writes are by `_id` (`${wabaId}:${name}:${language}`, `templateId`).
 */
import type { TemplateRecord } from '../templates';
import { methodsOf } from './methods';

export interface TemplateStore {
  /** Templates of a WhatsApp Business Account (every name × language), by name then language. */
  listTemplates(wabaId: string): Promise<TemplateRecord[]>;
  /** Inserts or replaces by `_id` (fields absent from the new record are gone). */
  saveTemplate(template: TemplateRecord): Promise<void>;
  /** Sets the given fields (`undefined` ones ignored); no-op for an unknown id. */
  updateTemplate(id: string, set: Partial<Omit<TemplateRecord, '_id' | 'wabaId' | 'name' | 'language'>>): Promise<void>;
  /** Returns how many of these existed. */
  deleteTemplates(ids: string[]): Promise<number>;
}

export const TEMPLATE_STORE_METHODS = methodsOf<TemplateStore>({
  listTemplates: true,
  saveTemplate: true,
  updateTemplate: true,
  deleteTemplates: true,
});
