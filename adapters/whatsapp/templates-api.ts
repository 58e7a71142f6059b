/**
 * Templates on the Graph API: the list (`GET /{waba-id}/message_templates`, every page) read into the core's
 * TemplateDefinition, and the exact body of a template send (`POST /{phone-number-id}/messages`, type template).
 * Shapes: Meta's template-management and send-message pages (test/fixtures/whatsapp/templates/SOURCES.md).
 */
import { DeliveryError } from '../../src/domain/errors';
import type {
  TemplateButton,
  TemplateComponent,
  TemplateDefinition,
  TemplateMessage,
  TemplateParameter,
  TemplateSendComponent,
} from '../../src/domain/templates';
import type { TemplateSource } from '../../src/domain/ports/whatsapp';
import type { CustomerRef } from '../../src/domain/whatsapp';
import type { GraphAccount, GraphClient } from './graph-client';

/** Fields asked for: the defaults plus quality and the rejection reason. */
const FIELDS = 'name,language,status,category,sub_category,parameter_format,components,quality_score,rejected_reason,id';
/** Meta allows far more per page; 100 keeps a 250-template account (the maximum) to 3 calls. */
const DEFAULT_PAGE_SIZE = 100;
/** A runaway `next` (a bug on either side) must not loop for ever. */
const MAX_PAGES = 100;

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const upper = (v: unknown): string | undefined => str(v)?.toUpperCase();
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function readButton(b: Raw): TemplateButton {
  const example = Array.isArray(b.example) ? b.example.map(String) : typeof b.example === 'string' ? [b.example] : undefined;
  return { type: upper(b.type) ?? 'UNKNOWN', text: str(b.text), url: str(b.url), phoneNumber: str(b.phone_number), example };
}

function readExample(e: unknown): TemplateComponent['example'] {
  if (!isObject(e)) return undefined;
  const out: NonNullable<TemplateComponent['example']> = {};
  if (Array.isArray(e.header_text)) out.headerText = e.header_text.map(String);
  if (Array.isArray(e.body_text) && Array.isArray(e.body_text[0])) out.bodyText = (e.body_text[0] as unknown[]).map(String);
  const named = e.body_text_named_params ?? e.header_text_named_params;
  if (Array.isArray(named)) {
    out.bodyNamed = Object.fromEntries(named.filter(isObject).map((p) => [String(p.param_name), String(p.example ?? '')]));
  }
  return Object.keys(out).length ? out : undefined;
}

function readComponent(c: Raw): TemplateComponent {
  return {
    type: upper(c.type) ?? 'UNKNOWN',
    format: upper(c.format),
    text: str(c.text),
    buttons: Array.isArray(c.buttons) ? c.buttons.filter(isObject).map(readButton) : undefined,
    example: readExample(c.example),
  };
}

/** One item of the list (or a template object of Meta's docs) → the core's definition. Types are upper-cased. */
export function readTemplate(t: Raw): TemplateDefinition | undefined {
  const name = str(t.name);
  const language = str(t.language);
  if (!name || !language) return undefined;
  const quality = isObject(t.quality_score) ? upper(t.quality_score.score) : upper(t.quality_score);
  const rejected = str(t.rejected_reason);
  return {
    metaId: str(t.id),
    name,
    language,
    category: upper(t.category),
    status: upper(t.status) ?? 'UNKNOWN',
    quality: quality && quality !== 'UNKNOWN' ? quality : undefined,
    rejectionReason: rejected && rejected !== 'NONE' ? rejected : undefined,
    // Meta: "If the parameter_format property is omitted, the template will use positional formatting."
    parameterFormat: upper(t.parameter_format) === 'NAMED' ? 'NAMED' : 'POSITIONAL',
    components: Array.isArray(t.components) ? t.components.filter(isObject).map(readComponent) : [],
  };
}

export interface TemplatesApiOptions {
  pageSize?: number;
}

export class TemplatesApi implements TemplateSource {
  constructor(
    private readonly graph: GraphClient,
    private readonly opts: TemplatesApiOptions = {},
  ) {}

  /** Every template of the WABA, following `paging.next` with the `after` cursor until the last page. */
  async list(account: { accessToken: string }, wabaId: string): Promise<TemplateDefinition[]> {
    const out: TemplateDefinition[] = [];
    const graphAccount: GraphAccount = { phoneNumberId: '', accessToken: account.accessToken };
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ fields: FIELDS, limit: String(this.opts.pageSize ?? DEFAULT_PAGE_SIZE) });
      if (after) query.set('after', after);
      // The cursor, not the absolute `next` URL, is followed: the token is never sent to a host taken from a response.
      const res = (await this.graph.request(graphAccount, 'GET', `${wabaId}/message_templates?${query}`)) as {
        data?: unknown;
        paging?: { next?: string; cursors?: { after?: string } };
      };
      if (!Array.isArray(res.data)) {
        throw DeliveryError.permanent('whatsapp', {
          code: 'bad_response',
          meaning: 'the template list from the Graph API has no data array',
          action: 'check GRAPH_API_URL and GRAPH_API_VERSION',
        });
      }
      for (const item of res.data) {
        const t = isObject(item) ? readTemplate(item) : undefined;
        if (t) out.push(t);
      }
      const nextAfter = res.paging?.cursors?.after;
      if (!res.paging?.next || !nextAfter || nextAfter === after) return out;
      after = nextAfter;
    }
    return out;
  }

  /** Sends a template; resolves to the wamid. */
  async send(account: GraphAccount, to: CustomerRef, template: TemplateMessage): Promise<string> {
    const res = (await this.graph.request(account, 'POST', `${account.phoneNumberId}/messages`, templateRequestBody(to, template))) as {
      messages?: { id?: string }[];
    };
    const wamid = res.messages?.[0]?.id;
    if (!wamid) {
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_wamid',
        meaning: 'the Graph API accepted the template but returned no message id',
        action: 'check the message on the customer’s side',
      });
    }
    return wamid;
  }
}

function parameterBody(p: TemplateParameter): Raw {
  switch (p.type) {
    case 'text':
      return p.parameterName ? { type: 'text', parameter_name: p.parameterName, text: p.text } : { type: 'text', text: p.text };
    case 'currency': {
      const currency = { fallback_value: p.fallbackValue, code: p.code, amount_1000: p.amount1000 };
      return p.parameterName ? { type: 'currency', parameter_name: p.parameterName, currency } : { type: 'currency', currency };
    }
    case 'date_time': {
      const date_time = { fallback_value: p.fallbackValue };
      return p.parameterName ? { type: 'date_time', parameter_name: p.parameterName, date_time } : { type: 'date_time', date_time };
    }
    case 'image':
    case 'video':
      return { type: p.type, [p.type]: { link: p.link } };
    case 'document':
      return { type: 'document', document: p.filename ? { link: p.link, filename: p.filename } : { link: p.link } };
    case 'payload':
      return { type: 'payload', payload: p.payload };
    case 'coupon_code':
      return { type: 'coupon_code', coupon_code: p.couponCode };
  }
}

function componentBody(c: TemplateSendComponent): Raw {
  const parameters = c.parameters.map(parameterBody);
  // Meta's samples give `index` as a string ("0"); the send API accepts it so.
  if (c.type === 'button') return { type: 'button', sub_type: c.subType, index: String(c.index), parameters };
  return { type: c.type, parameters };
}

/** The exact JSON Meta expects for a template send (notes §6; Meta's send-template examples). */
export function templateRequestBody(to: CustomerRef, template: TemplateMessage): Raw {
  if (!to.waId)
    throw DeliveryError.permanent('whatsapp', {
      code: 'no_recipient',
      meaning: 'a template needs the customer’s phone number',
      action: 'send it to a phone number',
    });
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: `+${to.waId.replace(/^\+/, '')}`,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(template.components.length ? { components: template.components.map(componentBody) } : {}),
    },
  };
}
