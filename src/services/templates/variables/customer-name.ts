/**
 * Which of a template's values is the customer's name, so a form opened from the customer's card can suggest it
 * (issue 11 point 2). Two readings of a field (labelled by shape.ts as `Body {{x}}: …text around {{x}}…`): a named
 * variable whose name says so (`name`, `first_name`, `customer_name`, `nome`, `nom`, `ten` …), or a variable right
 * after a greeting (`Hi {{1}}`, `Ciao {{1}}`, `Bonjour {{1}}`, `Xin chào {{1}}`), the way templates greet by name.
 */
import type { TemplateField } from '../../../domain/templates';

const NAME_KEY = /^(?:(?:customer|client|cliente|contact|first|full|given|user)_?)?(?:name|nome|nom|prenom|ten)$/i;
const GREETING = /\b(?:hi|hello|hey|dear|ciao|salve|gentile|caro|cara|bonjour|salut|cher|chère|chào|xin chào)[\s,]*$/i;

function textBefore(field: TemplateField): string | undefined {
  const label = field.label.slice(field.label.indexOf(': ') + 2);
  const at = label.indexOf(`{{${field.key}}}`);
  return at < 0 ? undefined : label.slice(0, at);
}

/** Whether this field (a body or header variable) reads as the customer's name. */
export function isCustomerNameField(field: TemplateField): boolean {
  if (!/^(Body|Header) \{\{/.test(field.label)) return false;
  if (NAME_KEY.test(field.key)) return true;
  const before = textBefore(field);
  return before !== undefined && GREETING.test(before);
}

/** The fields with the customer's name as the initial value of those that read as it. */
export function suggestCustomerName(fields: TemplateField[], name: string | undefined): TemplateField[] {
  if (!name?.trim()) return fields;
  return fields.map((f) => (isCustomerNameField(f) ? { ...f, initial: name.trim() } : f));
}
