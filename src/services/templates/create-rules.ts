/**
 * Meta's rules for a new message template, checked before it is submitted (`npm run admin -- templates create`), so
 * an operator sees every problem at once, each with its place in the file, instead of one refusal at a time.
 * Sources (Meta for Developers, WhatsApp Business Management API):
 *  - "Message templates" (/docs/whatsapp/business-management-api/message-templates): `name` (lowercase
 *    alphanumeric characters and underscores, at most 512 characters), `category` (MARKETING, UTILITY,
 *    AUTHENTICATION), `language`, `components`; sample values are required for every variable.
 *  - "Template components" (/docs/whatsapp/business-management-api/message-templates/components): the body is the only
 *    required component; one header (TEXT with at most 60 characters and 1 variable, IMAGE, VIDEO, DOCUMENT or
 *    LOCATION; media headers need an `example.header_handle`), body at most 1024 characters, footer at most 60
 *    characters; at most 10 buttons: quick reply up to 10, URL up to 2 (URL at most 2000 characters, 1 variable, at
 *    the end), phone number up to 1 (at most 20 characters), copy code up to 1; button text at most 25 characters;
 *    quick replies grouped together, not between other buttons.
 *  - "Supported languages" (/docs/whatsapp/api/messages/message-templates#supported-languages): the language codes.
 *  - Template review (Meta's rejection reason INVALID_FORMAT, explained in src/services/templates/status.ts):
 *    positional variables numbered {{1}}, {{2}}… in order without gaps, none placed next to another, and the body may
 *    not start or end with one.
 */

export interface Violation {
  /** Where in the file: `components[1].buttons[0].text`. */
  path: string;
  message: string;
}

export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
/** Meta's "Supported languages" table, as listed on the page cited above. */
export const LANGUAGES = new Set(
  (
    'af sq ar az bn bg ca zh_CN zh_HK zh_TW hr cs da nl en en_GB en_US et fil fi fr ka de el gu ha he hi hu id ga it ja kn kk rw_RW ' +
    'ko ky_KG lo lv lt mk ms ml mr nb fa pl pt_BR pt_PT pa ro ru sr sk sl es es_AR es_ES es_MX sw sv ta te th tr uk ur uz vi zu'
  ).split(' '),
);
const NAME = /^[a-z0-9_]+$/;
const NAMED_PARAM = /^[a-z0-9_]+$/;
const LIMITS = { name: 512, header: 60, body: 1024, footer: 60, buttonText: 25, url: 2000, phone: 20, buttons: 10 } as const;
const BUTTON_LIMITS: Record<string, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1 };
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

class Checker {
  readonly violations: Violation[] = [];
  add(path: string, message: string): void {
    this.violations.push({ path, message });
  }
  /** A text field: present (when `required`), a string, at most `max` characters. Returns it when it is a string. */
  text(value: unknown, path: string, max: number, required = true): string | undefined {
    if (value === undefined || value === '') {
      if (required) this.add(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(path, 'must be a string');
      return undefined;
    }
    if ([...value].length > max) this.add(path, `is ${[...value].length} characters long: at most ${max}`);
    return value;
  }
}

/** The variables of a text in order: `{{1}}` → '1', `{{first_name}}` → 'first_name'. */
function variablesOf(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

/** Positional: 1, 2, 3… in order; named: lowercase letters, digits and underscores. Placement rules for the body. */
function checkVariables(c: Checker, text: string, path: string, named: boolean, isBody: boolean): string[] {
  const vars = variablesOf(text);
  if (named) {
    for (const v of vars) if (!NAMED_PARAM.test(v)) c.add(path, `variable {{${v}}}: a named variable is lowercase letters, digits and underscores`);
  } else {
    vars.forEach((v, i) => {
      if (v !== String(i + 1)) c.add(path, `variable {{${v}}} is number ${i + 1} in the text: variables are {{1}}, {{2}}, … in order, without gaps`);
    });
  }
  if (/\}\}\s*\{\{/.test(text)) c.add(path, 'two variables are next to each other: put words between them');
  if (isBody && vars.length && (/^\s*\{\{/.test(text) || /\}\}[\s.!?]*$/.test(text))) c.add(path, 'the body may not start or end with a variable');
  return vars;
}

/** Every variable has a sample value: positional in `example[positionalKey]`, named in `example[namedKey]`. */
function checkExamples(
  c: Checker,
  component: Raw,
  path: string,
  vars: string[],
  named: boolean,
  keys: { positional: string; named: string },
  nested: boolean,
): void {
  if (!vars.length) return;
  const example = isObject(component.example) ? component.example : {};
  if (named) {
    const given = Array.isArray(example[keys.named]) ? (example[keys.named] as unknown[]).filter(isObject) : [];
    for (const v of vars) {
      const sample = given.find((p) => p.param_name === v)?.example;
      if (typeof sample !== 'string' || !sample)
        c.add(`${path}.example.${keys.named}`, `needs a sample value for {{${v}}} ({"param_name": "${v}", "example": "…"})`);
    }
    return;
  }
  const list = example[keys.positional];
  const values = nested ? (Array.isArray(list) && Array.isArray(list[0]) ? (list[0] as unknown[]) : undefined) : Array.isArray(list) ? list : undefined;
  const where = `${path}.example.${keys.positional}`;
  if (!values) {
    c.add(where, `needs a sample value for each of the ${vars.length} variable${vars.length === 1 ? '' : 's'} (${nested ? '[["…", …]]' : '["…"]'})`);
    return;
  }
  vars.forEach((v, i) => {
    const sample = values[i];
    if (typeof sample !== 'string' || !sample) c.add(`${where}${nested ? '[0]' : ''}[${i}]`, `needs a sample value for {{${v}}}`);
  });
  if (values.length > vars.length) c.add(where, `has ${values.length} sample values for ${vars.length} variable${vars.length === 1 ? '' : 's'}`);
}

function checkHeader(c: Checker, h: Raw, path: string, named: boolean): void {
  const format = upper(h.format);
  if (!format || !HEADER_FORMATS.includes(format)) {
    c.add(`${path}.format`, `must be one of ${HEADER_FORMATS.join(', ')}`);
    return;
  }
  if (format === 'TEXT') {
    const text = c.text(h.text, `${path}.text`, LIMITS.header);
    if (text === undefined) return;
    const vars = checkVariables(c, text, `${path}.text`, named, false);
    if (vars.length > 1) c.add(`${path}.text`, `has ${vars.length} variables: a text header has at most 1`);
    checkExamples(c, h, path, vars, named, { positional: 'header_text', named: 'header_text_named_params' }, false);
  } else if (format !== 'LOCATION') {
    const example = isObject(h.example) ? h.example : {};
    const handle = Array.isArray(example.header_handle) ? example.header_handle[0] : undefined;
    if (typeof handle !== 'string' || !handle)
      c.add(`${path}.example.header_handle`, `an ${format} header needs a sample media handle (Meta's Resumable Upload API)`);
  }
}

function checkButtons(c: Checker, b: Raw, path: string): void {
  const buttons = Array.isArray(b.buttons) ? b.buttons : undefined;
  if (!buttons || !buttons.length) {
    c.add(`${path}.buttons`, 'must list at least one button');
    return;
  }
  if (buttons.length > LIMITS.buttons) c.add(`${path}.buttons`, `has ${buttons.length} buttons: at most ${LIMITS.buttons}`);
  const counts = new Map<string, number>();
  const types = buttons.map((raw, i) => {
    const at = `${path}.buttons[${i}]`;
    if (!isObject(raw)) {
      c.add(at, 'must be an object');
      return undefined;
    }
    const type = upper(raw.type) ?? '';
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if (type === 'OTP') return type; // authentication buttons: Meta writes their text
    c.text(raw.text, `${at}.text`, LIMITS.buttonText);
    if (type === 'URL') {
      const url = c.text(raw.url, `${at}.url`, LIMITS.url);
      const vars = url ? variablesOf(url) : [];
      if (vars.length > 1 || (vars.length === 1 && !/\{\{[^{}]*\}\}$/.test(url!))) c.add(`${at}.url`, 'may hold one variable, at its end');
      if (vars.length && !(Array.isArray(raw.example) ? raw.example[0] : raw.example)) c.add(`${at}.example`, 'needs a sample URL for the variable');
    } else if (type === 'PHONE_NUMBER') c.text(raw.phone_number, `${at}.phone_number`, LIMITS.phone);
    else if (!(type in BUTTON_LIMITS)) c.add(`${at}.type`, `must be one of ${Object.keys(BUTTON_LIMITS).join(', ')}`);
    return type;
  });
  for (const [type, limit] of Object.entries(BUTTON_LIMITS)) {
    const n = counts.get(type) ?? 0;
    if (n > limit) c.add(`${path}.buttons`, `has ${n} ${type} buttons: at most ${limit}`);
  }
  // Quick replies form one group, before or after the other buttons.
  const quick = types.map((t) => t === 'QUICK_REPLY');
  const switches = quick.slice(1).filter((q, i) => q !== quick[i]).length;
  if (switches > 1) c.add(`${path}.buttons`, 'quick reply buttons must be grouped together, not between other buttons');
}

/** Every violation of Meta's rules in a template definition (Meta's create request body); empty when it may be submitted. */
export function templateViolations(t: unknown): Violation[] {
  const c = new Checker();
  if (!isObject(t)) return [{ path: '(file)', message: 'must be a JSON object with name, category, language and components' }];
  const name = c.text(t.name, 'name', LIMITS.name);
  if (name !== undefined && !NAME.test(name)) c.add('name', 'may hold only lowercase letters, digits and underscores');
  const category = upper(t.category);
  if (!category || !(CATEGORIES as readonly string[]).includes(category)) c.add('category', `must be one of ${CATEGORIES.join(', ')}`);
  const language = c.text(t.language, 'language', 20);
  if (language !== undefined && !LANGUAGES.has(language))
    c.add('language', `'${language}' is not one of Meta's template language codes (e.g. en, en_US, de, pt_BR)`);
  const format = upper(t.parameter_format);
  if (t.parameter_format !== undefined && format !== 'POSITIONAL' && format !== 'NAMED') c.add('parameter_format', 'must be POSITIONAL or NAMED');
  const named = format === 'NAMED';
  if (!Array.isArray(t.components)) {
    c.add('components', 'must be a list with at least a BODY');
    return c.violations;
  }
  const seen = new Map<string, number>();
  t.components.forEach((raw, i) => {
    const path = `components[${i}]`;
    if (!isObject(raw)) return c.add(path, 'must be an object');
    const type = upper(raw.type) ?? '';
    seen.set(type, (seen.get(type) ?? 0) + 1);
    if (seen.get(type) === 2) c.add(path, `a template has one ${type} component`);
    if (type === 'HEADER') checkHeader(c, raw, path, named);
    else if (type === 'BODY') {
      // Authentication bodies are Meta's fixed text (only options such as add_security_recommendation are given).
      if (category === 'AUTHENTICATION') return;
      const text = c.text(raw.text, `${path}.text`, LIMITS.body);
      if (text === undefined) return;
      const vars = checkVariables(c, text, `${path}.text`, named, true);
      checkExamples(c, raw, path, vars, named, { positional: 'body_text', named: 'body_text_named_params' }, true);
    } else if (type === 'FOOTER') {
      if (category === 'AUTHENTICATION') return;
      const text = c.text(raw.text, `${path}.text`, LIMITS.footer);
      if (text && variablesOf(text).length) c.add(`${path}.text`, 'a footer has no variables');
    } else if (type === 'BUTTONS') checkButtons(c, raw, path);
    else c.add(`${path}.type`, 'must be HEADER, BODY, FOOTER or BUTTONS');
  });
  if (!seen.get('BODY')) c.add('components', 'a template needs a BODY component');
  return c.violations;
}
