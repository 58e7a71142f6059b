/**
 * The Slack form for `/wa template` without arguments: a phone input, a picker of approved templates and, once
 * one is picked (block_actions → views.update), one input per value the template needs, labelled with the
 * template text around it. The submission is checked by the same core validator as the command line; its
 * refusals come back inline, keyed by block_id (`response_action: "errors"`). Limits: Slack's Block Kit
 * reference (title ≤ 24, option text ≤ 75, option value ≤ 150, label ≤ 2000, static_select ≤ 100 options).
 */
import type { TemplateChoice, TemplateField } from '../../src/domain/templates';
import { DEFAULT_LANGUAGE, t, type Language } from '../../src/i18n';
import { toSlackText } from './format';

export const TEMPLATE_CALLBACK_ID = 'wa_template';
export const PICK_ACTION_ID = 'wa_template_pick';
export const PHONE_BLOCK = 'phone';
export const TEMPLATE_BLOCK = 'template';
export const VALUE_ACTION = 'value';
export const fieldBlockId = (key: string) => `var:${key}`;

export interface ModalMetadata {
  channelId: string;
  template?: string;
  /** Opened from a conversation's card (issue 11 point 2): the customer's number, not asked again, and who they are. */
  phone?: string;
  customer?: string;
  /** The conversation whose card opened the form: its customer's name is suggested (TemplateField.initial). */
  conversationId?: string;
}

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const plain = (text: string, n: number) => ({ type: 'plain_text' as const, text: cut(text, n), emoji: true });

export interface ModalView {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: ReturnType<typeof plain>;
  submit?: ReturnType<typeof plain>;
  close: ReturnType<typeof plain>;
  blocks: Record<string, unknown>[];
}

/** `lang`: the language of the channel's number (the form's own words; a template's text is as Meta has it). */
export function templateModal(
  meta: ModalMetadata,
  choices: TemplateChoice[],
  fields?: TemplateField[],
  problem?: string,
  lang: Language = DEFAULT_LANGUAGE,
): ModalView {
  const options = choices.slice(0, 100).map((c) => ({ text: plain(`${c.name} (${c.language})`, 75), value: cut(c.ref, 150) }));
  const selected = choices.find((c) => c.ref === meta.template);
  const blocks: Record<string, unknown>[] = [
    meta.phone
      ? {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: cut(toSlackText(t(lang, 'cardActions.formTo', { customer: meta.customer ?? meta.phone })), 3000) }],
        }
      : {
          type: 'input',
          block_id: PHONE_BLOCK,
          label: plain(t(lang, 'form.phone'), 2000),
          element: { type: 'plain_text_input', action_id: VALUE_ACTION, placeholder: plain('+4915112345678', 150) },
        },
  ];
  if (!options.length) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: t(lang, 'form.noTemplates') },
    });
  } else {
    blocks.push({
      type: 'input',
      block_id: TEMPLATE_BLOCK,
      // Picking a template updates the form with its inputs.
      dispatch_action: true,
      label: plain(t(lang, 'form.template'), 2000),
      element: {
        type: 'static_select',
        action_id: PICK_ACTION_ID,
        placeholder: plain(t(lang, 'form.choose'), 150),
        options,
        ...(selected ? { initial_option: options[choices.indexOf(selected)] } : {}),
      },
    });
  }
  if (problem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(`⚠️ ${problem}`, 3000) } });
  if (selected) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(selected.preview, 3000) }] });
    for (const f of fields ?? []) {
      blocks.push({
        type: 'input',
        block_id: fieldBlockId(f.key),
        optional: !f.required,
        label: plain(f.label, 2000),
        hint: plain(f.hint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: VALUE_ACTION,
          ...(f.example ? { placeholder: plain(t(lang, 'form.example', { example: f.example }), 150) } : {}),
          ...(f.initial ? { initial_value: f.initial.slice(0, 3000) } : {}),
        },
      });
    }
  }
  return {
    type: 'modal',
    callback_id: TEMPLATE_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plain(t(lang, 'form.title'), 24),
    ...(options.length ? { submit: plain(t(lang, 'form.send'), 24) } : {}),
    close: plain(t(lang, 'form.cancel'), 24),
    blocks,
  };
}

/** The submitted values of a `wa_template` view. */
export function readSubmission(values: Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>): {
  phone: string;
  template: string;
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    if (!blockId.startsWith('var:')) continue;
    const v = actions[VALUE_ACTION]?.value;
    if (v !== undefined && v !== null && v !== '') fields[blockId.slice(4)] = v;
  }
  return {
    phone: values[PHONE_BLOCK]?.[VALUE_ACTION]?.value ?? '',
    template: values[TEMPLATE_BLOCK]?.[PICK_ACTION_ID]?.selected_option?.value ?? '',
    fields,
  };
}

/** The core's refusals keyed by field → Slack's `errors` keyed by block_id (only blocks present in the view). */
export function inlineErrors(errors: Record<string, string>, blockIds: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (block: string, msg: string) => {
    out[block] = cut(out[block] ? `${out[block]} ${msg}` : msg, 500);
  };
  const fallback = blockIds.includes(TEMPLATE_BLOCK) ? TEMPLATE_BLOCK : PHONE_BLOCK;
  for (const [key, msg] of Object.entries(errors)) {
    const block = key === 'phone' ? PHONE_BLOCK : key === 'template' || key === '_' ? TEMPLATE_BLOCK : fieldBlockId(key);
    add(blockIds.includes(block) ? block : fallback, msg.replace(/`/g, ''));
  }
  return out;
}
