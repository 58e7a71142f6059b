/**
 * WhatsApp message templates as the core sees them: what was synced from Meta, what a send needs, and the
 * shapes chat adapters use to offer templates (Slack modal, Discord autocomplete).
 */
import type { ChatPlatform } from './platform';

export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';

export interface TemplateButton {
  /** QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, … (upper case). */
  type: string;
  text?: string;
  url?: string;
  phoneNumber?: string;
  example?: string[];
}

/** One component of a template, as Meta defines it (types and formats upper-cased). */
export interface TemplateComponent {
  /** HEADER, BODY, FOOTER, BUTTONS, LIMITED_TIME_OFFER, CAROUSEL … */
  type: string;
  /** HEADER only: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, PRODUCT. */
  format?: string;
  text?: string;
  buttons?: TemplateButton[];
  /** Example values Meta keeps for review: header_text, body_text, body_text_named_params. */
  example?: { headerText?: string[]; bodyText?: string[]; bodyNamed?: Record<string, string> };
}

/** A template as read from Meta (one name in one language). */
export interface TemplateDefinition {
  metaId?: string;
  name: string;
  language: string;
  category?: string;
  status: string;
  quality?: string;
  rejectionReason?: string;
  parameterFormat: TemplateParameterFormat;
  components: TemplateComponent[];
}

export interface TemplateRecord extends TemplateDefinition {
  /** `${wabaId}:${name}:${language}`: the same name in two languages never collides. */
  _id: string;
  wabaId: string;
  syncedAt: Date;
  updatedAt: Date;
}

export const templateId = (wabaId: string, name: string, language: string) => `${wabaId}:${name}:${language}`;

/** What Meta said about a template in a webhook (status, quality or category), already read from the payload. */
export interface TemplateEventInfo {
  metaId?: string;
  name: string;
  language: string;
  status?: string;
  reason?: string;
  recommendation?: string;
  /** other_info.title / description (e.g. FIRST_PAUSE) and disable_info.disable_date. */
  detail?: string;
  quality?: string;
  previousQuality?: string;
  category?: string;
  previousCategory?: string;
}

/** One parameter of a template send, in Meta's vocabulary (built by the core, serialised by the adapter). */
export type TemplateParameter =
  | { type: 'text'; text: string; parameterName?: string }
  | { type: 'currency'; fallbackValue: string; code: string; amount1000: number; parameterName?: string }
  | { type: 'date_time'; fallbackValue: string; parameterName?: string }
  | { type: 'image' | 'video' | 'document'; link: string; filename?: string }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; couponCode: string };

export type TemplateSendComponent =
  | { type: 'header' | 'body'; parameters: TemplateParameter[] }
  | { type: 'button'; subType: 'quick_reply' | 'url' | 'copy_code'; index: number; parameters: TemplateParameter[] };

export interface TemplateMessage {
  name: string;
  language: string;
  components: TemplateSendComponent[];
}

// ------------------------------------------------------------------ what chat adapters use

export interface TemplateChoice {
  /** `name:language`, what `/wa template` accepts. */
  ref: string;
  name: string;
  language: string;
  category?: string;
  /** The body text with its variables, for a preview. */
  preview: string;
}

/** One value a template needs, with the text around it so a form can label it. */
export interface TemplateField {
  /** `header`, a body variable name (`1`, `first_name`), or `button1` …; also the key of `name=value`. */
  key: string;
  label: string;
  hint: string;
  required: boolean;
  example?: string;
  /** A value to start the input with (the customer's name where the variable reads as one): the agent may change it. */
  initial?: string;
}

export interface TemplateSendRequest {
  platform: ChatPlatform;
  userId: string;
  userName?: string;
  channelId: string;
  phone: string;
  /** `name` or `name:language`. */
  template: string;
  /** Values by field key (the modal), … */
  values?: Record<string, string>;
  /** … or the words of a command line (positional values and `name=value`). */
  args?: string[];
}

export type TemplateSendResult =
  | { ok: true; text: string }
  /** `errors` are keyed by `phone`, `template` or a field key, for forms that show them inline. */
  | { ok: false; text: string; errors: Record<string, string> };
