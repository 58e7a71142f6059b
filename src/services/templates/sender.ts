/**
 * A template send, checked completely before anything reaches Meta: the phone number, the template (synced,
 * approved, in that language: resolve.ts), who may send it, and every value (variables.ts). A mistake gets a
 * private answer with the template's text and a correct example; a good send opens (or reuses) the customer's
 * thread, shows the filled-in template there and queues the send through the outbox. Also what forms and
 * autocomplete need: the choices, a template's fields, the list.
 */
import type { AccountConfig } from '../../config';
import { hasDirectory, type ChatAdapter, type ChatPlatform } from '../../domain/chat';
import type { Store } from '../../domain/store';
import type { TemplateChoice, TemplateField, TemplateRecord, TemplateSendRequest, TemplateSendResult } from '../../domain/templates';
import type { Logger } from '../../logger';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Accounts } from '../accounts';
import { templateSend } from '../inbound/template-send';
import type { Enqueue } from '../outbox/enqueue';
import { normalizePhone } from './phone';
import { accountFor, mayUse, refusal, resolveTemplate, type Resolved } from './resolve';
import { sendability } from './status';
import { assignArgs, buildMessage, describeTemplate, fieldsOf, renderTemplate, templateShape, type Built } from './variables';

export type { Resolved } from './resolve';

export const EXAMPLE_PHONE = '+4915112345678';

export interface Sender {
  platform: ChatPlatform;
  userId: string;
  name?: string;
}

export class TemplateSender {
  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly log: Logger,
    /** Persists the send's jobs and wakes the outbox (services/outbox/enqueue.ts). */
    private readonly enqueue: Enqueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The language of the texts for this channel's agents (src/i18n). */
  language(platform: ChatPlatform, channelId: string): Language {
    return this.accounts.channelLanguage(platform, channelId);
  }

  /** The number a command typed in this channel sends from. */
  accountFor(platform: ChatPlatform, channelId: string): AccountConfig | { error: string } {
    return accountFor(this.accounts, platform, channelId);
  }

  /** `name` or `name:language` → the synced, approved template and what it needs (texts in the account's language). */
  resolve(account: AccountConfig, ref: string): Promise<Resolved> {
    return resolveTemplate(this.store, account, ref, this.accounts.language(account));
  }

  /** Empty list: anyone in the channel may send. Slack user groups (S…) are resolved by the adapter. */
  mayUse(account: AccountConfig, templateName: string, platform: ChatPlatform, userId: string): Promise<boolean> {
    return mayUse(account, templateName, userId, this.chats[platform], this.log);
  }

  refusal(account: AccountConfig, templateName: string): string {
    return refusal(account, templateName, this.accounts.language(account));
  }

  /** The whole check, then the send is queued. Used by the command line and by forms. */
  async send(req: TemplateSendRequest): Promise<TemplateSendResult> {
    const errors: Record<string, string> = {};
    const lang = this.language(req.platform, req.channelId);
    const fail = (e: Record<string, string>, text?: string) => failed(e, lang, text);
    const phone = normalizePhone(req.phone, lang);
    if (!phone.ok) errors.phone = phone.reason;
    const account = this.accountFor(req.platform, req.channelId);
    if ('error' in account) return fail({ _: account.error });
    const resolved = await this.resolve(account, req.template);
    if (!resolved.ok) return fail({ ...errors, [resolved.key]: resolved.text });
    const { template, shape, ref } = resolved;
    if (!(await this.mayUse(account, template.name, req.platform, req.userId)))
      return fail({ _: this.refusal(account, template.name) }, this.refusal(account, template.name));
    const assigned = req.args ? assignArgs(template, shape, req.args) : { values: req.values ?? {}, errors: {} };
    Object.assign(errors, assigned.errors);
    const built = Object.keys(assigned.errors).length ? undefined : buildMessage(template, shape, assigned.values);
    if (built && !built.ok) Object.assign(errors, built.errors);
    if (Object.keys(errors).length || !built?.ok || !phone.ok) {
      const example = phone.ok ? phone.e164 : EXAMPLE_PHONE;
      return fail(errors, `${t(lang, 'templates.notSent', { bullets: bullets(errors, lang) })}\n\n${describeTemplate(template, shape, example, ref)}`);
    }
    await this.queue(account, template, built.built, phone.digits, { platform: req.platform, userId: req.userId, name: req.userName });
    return { ok: true, text: t(lang, 'templates.onItsWay', { ref, phone: phone.e164 }) };
  }

  /**
   * Persists the outbound message and queues its jobs: the filled-in template in the customer's thread (opened if
   * needed) and the send. `bulk` sends go without a thread post (the bulk's progress message reports them).
   */
  async queue(account: AccountConfig, template: TemplateRecord, built: Built, digits: string, sender: Sender, bulk?: { bulkId: string }): Promise<boolean> {
    const jobs = await templateSend(this.store, this.accounts, { account, template, built, digits, sender, bulk }, this.now());
    if (jobs) await this.enqueue(jobs);
    return Boolean(jobs);
  }

  /** A shared file named in a command (a CSV of recipients), read by the platform's adapter; `lang`: the refusal's. */
  async readSharedFile(
    platform: ChatPlatform,
    reference: string,
    lang: Language = DEFAULT_LANGUAGE,
  ): Promise<{ name: string; text: string } | { error: string } | undefined> {
    const adapter = this.chats[platform];
    if (!adapter || !hasDirectory(adapter)) return undefined;
    try {
      return await adapter.readSharedFile(reference);
    } catch (err) {
      return { error: t(lang, 'templateSend.fileUnreadable', { file: reference, error: (err as Error).message }) };
    }
  }

  // ---------------------------------------------------------------- for forms and autocomplete

  async choices(platform: ChatPlatform, channelId: string, prefix = ''): Promise<TemplateChoice[]> {
    const account = this.accountFor(platform, channelId);
    if ('error' in account || !account.businessAccountId) return [];
    const p = prefix.trim().toLowerCase();
    return (await this.store.listTemplates(account.businessAccountId))
      .filter(
        (tpl) => tpl.status === 'APPROVED' && !templateShape(tpl).unsupported && (!p || tpl.name.startsWith(p) || `${tpl.name}:${tpl.language}`.startsWith(p)),
      )
      .map((tpl) => ({
        ref: `${tpl.name}:${tpl.language}`,
        name: tpl.name,
        language: tpl.language,
        category: tpl.category,
        preview: renderTemplate(tpl, undefined, undefined, this.accounts.language(account)),
      }));
  }

  async fields(platform: ChatPlatform, channelId: string, ref: string): Promise<{ fields: TemplateField[] } | { error: string }> {
    const account = this.accountFor(platform, channelId);
    if ('error' in account) return { error: account.error };
    const r = await this.resolve(account, ref);
    return r.ok ? { fields: fieldsOf(r.shape) } : { error: r.text };
  }

  async list(platform: ChatPlatform, channelId: string): Promise<string> {
    const account = this.accountFor(platform, channelId);
    if ('error' in account) return account.error;
    const lang = this.accounts.language(account);
    if (!account.businessAccountId) return t(lang, 'templates.unknownTemplates', { account: account.name });
    const all = await this.store.listTemplates(account.businessAccountId);
    if (!all.length) return t(lang, 'templates.noneSynced');
    const lines = all.map((tpl) => {
      const shape = templateShape(tpl, lang);
      const needs = shape.unsupported
        ? t(lang, 'templateSend.listUnsupported', { why: shape.unsupported })
        : t(lang, 'templateSend.listValues', { count: shape.slots.filter((s) => s.required).length });
      const category = tpl.category?.toLowerCase() ?? t(lang, 'templateSend.uncategorised');
      const quality = tpl.quality ? t(lang, 'templateSend.quality', { quality: tpl.quality.toLowerCase() }) : '';
      return `• \`${tpl.name}:${tpl.language}\` — ${category}, ${sendability(tpl, lang)}${quality} — ${needs}`;
    });
    return [t(lang, 'templates.listHead', { account: account.name, count: all.length }), ...lines, t(lang, 'templates.listFoot')].join('\n');
  }
}

/** One line per problem; a count problem (`_`) replaces the per-field "missing" lines it sums up (written in `lang`). */
export function bullets(errors: Record<string, string>, lang: Language = DEFAULT_LANGUAGE): string {
  const order = ['_', 'phone', 'template'];
  const missing = t(lang, 'templateValues.missing', { label: '' });
  return Object.entries(errors)
    .filter(([k, v]) => !(errors._ && k !== '_' && v.startsWith(missing)))
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([, v]) => `• ${v}`)
    .join('\n');
}

function failed(errors: Record<string, string>, lang: Language, text?: string): TemplateSendResult {
  return { ok: false, errors, text: text ?? t(lang, 'templates.notSent', { bullets: bullets(errors, lang) }) };
}
