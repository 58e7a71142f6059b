/**
 * The templates port (src/domain/store/templates.ts) over mongoose. Command and start-up paths, not per message:
 * `listTemplates` queries by `wabaId` (a small collection, one document per template × language); writes are by `_id`.
 */
import type { TemplateStore } from '../../src/domain/store';
import type { TemplateRecord } from '../../src/domain/templates';
import type { Models } from './models';

export class MongoTemplateStore implements TemplateStore {
  constructor(private readonly m: Models) {}

  async listTemplates(wabaId: string): Promise<TemplateRecord[]> {
    return this.m.templates.find({ wabaId }).sort({ name: 1, language: 1 }).lean();
  }

  async saveTemplate(template: TemplateRecord): Promise<void> {
    await this.m.templates.replaceOne({ _id: template._id }, template, { upsert: true });
  }

  async updateTemplate(id: string, set: Partial<Omit<TemplateRecord, '_id' | 'wabaId' | 'name' | 'language'>>): Promise<void> {
    await this.m.templates.updateOne({ _id: id }, { $set: set });
  }

  async deleteTemplates(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    // Off the hot path (a template sync): `$in` scans on FerretDB, over one account's few templates.
    const res = await this.m.templates.deleteMany({ _id: { $in: ids } });
    return res.deletedCount;
  }
}
