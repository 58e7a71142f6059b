/** The templates port's contract (src/domain/store/templates.ts). */
import { TEMPLATE_STORE_METHODS } from '../../src/domain/store/templates';
import { templateId, type TemplateRecord } from '../../src/domain/templates';
import { describePort, type StoreBackend } from './backends';

/** Meta's sample template (`hello_world`, as WhatsApp Manager lists it), in one account and language. */
const template = (wabaId: string, name: string, language: string, extra: Partial<TemplateRecord> = {}): TemplateRecord => ({
  _id: templateId(wabaId, name, language),
  wabaId,
  name,
  language,
  metaId: `${name}-${language}`,
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    { type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification.' },
    { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
  ],
  syncedAt: new Date(1_700_000_000_000),
  updatedAt: new Date(1_700_000_000_000),
  ...extra,
});

export function templatesContract(backend: StoreBackend): void {
  describePort('templates', TEMPLATE_STORE_METHODS, backend, (store) => {
    test('an account’s templates are listed by name then language, without other accounts’', async () => {
      await store().saveTemplate(template('w1', 'order_update', 'en_US'));
      await store().saveTemplate(template('w1', 'hello_world', 'en_US'));
      await store().saveTemplate(template('w2', 'hello_world', 'de'));
      await store().saveTemplate(template('w1', 'hello_world', 'de'));
      expect((await store().listTemplates('w1')).map((t) => t._id)).toEqual(['w1:hello_world:de', 'w1:hello_world:en_US', 'w1:order_update:en_US']);
      expect(await store().listTemplates('w2')).toEqual([template('w2', 'hello_world', 'de')]);
      expect(await store().listTemplates('w3')).toEqual([]);
    });

    test('saving again replaces the whole record', async () => {
      await store().saveTemplate(template('w1', 'hello_world', 'en_US', { quality: 'GREEN', rejectionReason: 'old' }));
      const replaced = template('w1', 'hello_world', 'en_US', { status: 'PAUSED' });
      await store().saveTemplate(replaced);
      expect(await store().listTemplates('w1')).toEqual([replaced]);
    });

    test('an update sets the given fields and keeps the others; an unknown template is not created', async () => {
      await store().saveTemplate(template('w1', 'hello_world', 'en_US'));
      const at = new Date(1_700_000_060_000);
      await store().updateTemplate('w1:hello_world:en_US', { status: 'REJECTED', rejectionReason: 'INVALID_FORMAT', updatedAt: at, quality: undefined });
      const [t] = await store().listTemplates('w1');
      expect(t).toEqual({ ...template('w1', 'hello_world', 'en_US'), status: 'REJECTED', rejectionReason: 'INVALID_FORMAT', updatedAt: at });
      await store().updateTemplate('w1:missing:en_US', { status: 'APPROVED' });
      expect(await store().listTemplates('w1')).toHaveLength(1);
    });

    test('deleting counts the templates that existed', async () => {
      await store().saveTemplate(template('w1', 'a', 'en'));
      await store().saveTemplate(template('w1', 'b', 'en'));
      await store().saveTemplate(template('w1', 'c', 'en'));
      expect(await store().deleteTemplates([])).toBe(0);
      expect(await store().deleteTemplates(['w1:a:en', 'w1:c:en', 'w1:zzz:en'])).toBe(2);
      expect((await store().listTemplates('w1')).map((t) => t.name)).toEqual(['b']);
    });
  });
}
