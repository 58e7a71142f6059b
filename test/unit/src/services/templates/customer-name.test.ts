/** Which template value is the customer's name (src/services/templates/variables/customer-name.ts), on real templates' fields. */
import { readTemplate } from '../../../../../adapters/whatsapp/templates-api';
import type { TemplateField } from '../../../../../src/domain/templates';
import { fieldsOf, templateShape } from '../../../../../src/services/templates/variables';
import { isCustomerNameField, suggestCustomerName } from '../../../../../src/services/templates/variables/customer-name';
import { fixtureTemplates } from '../../../../fixtures/whatsapp/templates';

const fieldsOfTemplate = (name: string): TemplateField[] => fieldsOf(templateShape(readTemplate(fixtureTemplates().find((t) => t.name === name))!));
const body = (key: string, text: string): TemplateField => ({ key, label: `Body {{${key}}}: ${text}`, hint: '', required: true });

test('a named variable called so (first_name) is the name; the discount code next to it is not', () => {
  const fields = suggestCustomerName(fieldsOfTemplate('welcome_discount_template'), 'Ada');
  expect(fields.filter((f) => f.initial).map((f) => [f.key, f.initial])).toEqual([['first_name', 'Ada']]);
});

test('a positional variable right after a greeting is the name, in the languages the bridge speaks', () => {
  expect(isCustomerNameField(body('1', 'Hi {{1}}, your order is ready'))).toBe(true);
  expect(isCustomerNameField(body('1', 'Ciao {{1}}!'))).toBe(true);
  expect(isCustomerNameField(body('1', 'Bonjour {{1}},'))).toBe(true);
  expect(isCustomerNameField(body('1', 'Xin chào {{1}}'))).toBe(true);
  expect(isCustomerNameField(body('2', 'Your order #{{2}} is on its way'))).toBe(false);
  // A button's or a media header's value never is.
  expect(isCustomerNameField({ key: 'name', label: 'Button 1 Visit (url): the end of the link', hint: '', required: true })).toBe(false);
});

test('no name known: nothing suggested', () => {
  const fields = fieldsOfTemplate('welcome_discount_template');
  expect(suggestCustomerName(fields, undefined)).toEqual(fields);
  expect(suggestCustomerName(fields, '  ')).toEqual(fields);
});
