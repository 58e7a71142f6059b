/**
 * The automatic-message settings of one account in BRIDGE_CONFIG (issue 13): business hours with an away message, a
 * greeting, keyword auto-replies and the one switch that turns them all off. src/config.ts spreads these fields into
 * its account schema; every message names the rule or the field at fault (config.ts prefixes the account).
 */
import { z } from 'zod';
import { INTERACTIVE_LIMITS as L } from '../../domain/interactive';
import { menuSchema } from './menu-schema';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = '([01]\\d|2[0-3]):[0-5]\\d';
const RANGE = new RegExp(`^(${TIME})-(${TIME}|24:00)$`);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `"09:00-17:30"` → minutes of the local day [start, end); an opening must end after it starts (no overnight range: split it at midnight). */
const range = z
  .string()
  .regex(RANGE, 'must be a range like "09:00-17:30" (24-hour clock; "24:00" may end the day)')
  .refine((r) => minutes(r.slice(0, 5)) < minutes(r.slice(6)), 'must end after it starts (split a range over midnight into two days)')
  .transform((r) => ({ from: minutes(r.slice(0, 5)), to: minutes(r.slice(6)) }));

/** An IANA zone Node's Intl knows (e.g. Europe/Madrid): an unknown one would silently be read as UTC elsewhere. */
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Madrid or America/New_York');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-25')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a calendar date');

export const businessHoursSchema = z.object({
  timeZone,
  /** Per weekday (sun, mon, tue, wed, thu, fri, sat), the opening ranges in the zone's local time; a day not listed is closed. */
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(range)),
  /** Local dates closed all day (public holidays). */
  holidays: z.array(isoDate).default([]),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;

/** Reply buttons within Meta's limits (src/domain/interactive.ts), so a send can never be refused for its shape. */
const buttonsSchema = z
  .object({
    body: z.string().min(1).max(L.body, `must be at most ${L.body} characters`),
    header: z.string().max(L.header, `must be at most ${L.header} characters`).optional(),
    footer: z.string().max(L.footer, `must be at most ${L.footer} characters`).optional(),
    buttons: z
      .array(
        z.object({
          id: z.string().min(1).max(L.buttonId, `must be 1–${L.buttonId} characters`),
          title: z.string().min(1).max(L.buttonTitle, `must be 1–${L.buttonTitle} characters (WhatsApp's limit for a button title)`),
        }),
      )
      .min(1, 'needs at least one button')
      .max(L.buttons, `WhatsApp allows at most ${L.buttons} reply buttons`),
  })
  .refine((b) => new Set(b.buttons.map((x) => x.id)).size === b.buttons.length, 'button ids must be unique')
  .refine((b) => new Set(b.buttons.map((x) => x.title)).size === b.buttons.length, 'button titles must be unique');

/**
 * What an automatic message says: a text, reply buttons, or a file by public link or by a media id already uploaded to Meta
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#media-object). `whenWindowClosed` names
 * an approved template (without parameters) sent instead once the 24-hour window is closed; without it nothing is sent.
 */
export const answerSchema = z
  .object({
    text: z.string().min(1).max(4096, 'must be at most 4,096 characters (a WhatsApp text)').optional(),
    media: z
      .object({
        kind: z.enum(MEDIA_KINDS, { message: `must be one of ${MEDIA_KINDS.join(', ')}` }),
        link: z.url({ message: 'must be an https URL' }).optional(),
        id: z.string().regex(/^\d+$/, 'must be a media id from Meta').optional(),
        caption: z.string().max(1024).optional(),
        filename: z.string().optional(),
      })
      .refine((m) => Boolean(m.link) !== Boolean(m.id), 'needs exactly one of link or id')
      .optional(),
    buttons: buttonsSchema.optional(),
    whenWindowClosed: z.object({ template: z.string().regex(/^[a-z0-9_]+$/, 'must be a template name (a-z, 0-9, _)'), language: z.string().min(2) }).optional(),
  })
  .refine((a) => [a.text, a.media, a.buttons].filter(Boolean).length === 1, 'needs exactly one of text, media or buttons');
export type AutoAnswer = z.infer<typeof answerSchema>;

export const MATCH_KINDS = ['exact', 'word', 'prefix', 'regex'] as const;

/** A keyword rule: fires when the customer's text matches one of `keywords` (case and accents ignored). */
const ruleSchema = z
  .object({
    /** Shown in the thread ("🤖 auto-reply: <name>") and part of the rule's dedupe key. */
    name: z.string().regex(/^[\w.-]{1,40}$/, 'must be 1–40 letters, digits, _ . or -'),
    /** exact: the whole message; word: a whole word or phrase in it; prefix: how it starts; regex: a JavaScript regular expression. */
    match: z.enum(MATCH_KINDS, { message: `must be one of ${MATCH_KINDS.join(', ')}` }),
    keywords: z.array(z.string().min(1)).min(1, 'needs at least one keyword'),
    /** The language the keywords and answer are in; must be one of the account's `autoReplies.languages` when those are set. */
    language: z.string().optional(),
    answer: answerSchema,
  })
  .superRefine((rule, ctx) => {
    if (rule.match !== 'regex') return;
    for (const [i, k] of rule.keywords.entries()) {
      try {
        new RegExp(k, 'iu');
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['keywords', i], message: `rule "${rule.name}": not a valid regular expression (${(err as Error).message})` });
      }
    }
  });
export type AutoReplyRule = z.infer<typeof ruleSchema>;

export const autoRepliesSchema = z
  .object({
    /** The one switch: `false` stops every automatic message of the account (away, greeting, keyword replies). */
    enabled: z.boolean().default(true),
    /** Languages the rules may be tagged with (WhatsApp gives no language for a message: a rule's keywords select it). */
    languages: z.array(z.string().min(2)).optional(),
    rules: z.array(ruleSchema).default([]),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    for (const [i, r] of a.rules.entries()) {
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `rule "${r.name}": the name is used by an earlier rule` });
      seen.add(r.name);
      if (r.language && a.languages && !a.languages.includes(r.language))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'language'],
          message: `rule "${r.name}": language ${r.language} is not in languages (${a.languages.join(', ')})`,
        });
    }
  });

/** The fields src/config.ts adds to an account. */
export const automationFields = {
  businessHours: businessHoursSchema.optional(),
  /** Sent once per conversation and closed period when a customer writes outside `businessHours`. */
  awayMessage: answerSchema.optional(),
  /** Sent once to a new conversation (and to one reopened after `greetingAfterDays` of silence). */
  greeting: answerSchema.optional(),
  greetingAfterDays: z.number().positive().max(365).optional(),
  autoReplies: autoRepliesSchema.optional(),
  /** The first-contact menu: its choice routes the conversation (menu-schema.ts). */
  menu: menuSchema.optional(),
};

/** The same fields as one object (for their type, and for tools that read the settings alone). */
export const automationSchema = z.object(automationFields);
export type AccountAutomation = z.infer<typeof automationSchema>;

/** Settings that only make sense together, checked on the whole account (config.ts's `superRefine`). */
export function checkAutomation(a: AccountAutomation, ctx: z.RefinementCtx): void {
  if (a.awayMessage && !a.businessHours) ctx.addIssue({ code: 'custom', path: ['awayMessage'], message: 'needs businessHours (when is the account away?)' });
  if (a.greetingAfterDays && !a.greeting) ctx.addIssue({ code: 'custom', path: ['greetingAfterDays'], message: 'needs a greeting to send' });
}
