/** The templates port (src/domain/store/templates.ts) in memory: one record per `${wabaId}:${name}:${language}`. */
import type { TemplateStore } from '../../src/domain/store';
import type { TemplateRecord } from '../../src/domain/templates';
import { applySet, byString, copy } from './records';

export class MemoryTemplateStore implements TemplateStore {
  private readonly templates = new Map<string, TemplateRecord>();

  async listTemplates(wabaId: string): Promise<TemplateRecord[]> {
    return [...this.templates.values()]
      .filter((t) => t.wabaId === wabaId)
      .sort((a, b) => byString(a.name, b.name) || byString(a.language, b.language))
      .map(copy);
  }

  async saveTemplate(template: TemplateRecord): Promise<void> {
    this.templates.set(template._id, copy(template));
  }

  async updateTemplate(id: string, set: Partial<Omit<TemplateRecord, '_id' | 'wabaId' | 'name' | 'language'>>): Promise<void> {
    const template = this.templates.get(id);
    if (template) applySet(template as unknown as Record<string, unknown>, set);
  }

  async deleteTemplates(ids: string[]): Promise<number> {
    return [...new Set(ids)].filter((id) => this.templates.delete(id)).length;
  }
}
