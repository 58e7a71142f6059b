/**
 * Before a template send: which WhatsApp number a command typed in a channel sends from, which synced template a
 * `name[:language]` reference means (approved, in one language, fillable by the bridge), and who may send it. Every
 * refusal is written for the agent who typed the command: what is wrong and what to type or ask instead.
 */
import type { AccountConfig } from '../../config';
import { hasDirectory, type ChatAdapter } from '../../domain/chat/adapter';
import type { ChatPlatform } from '../../domain/platform';
import type { Store } from '../../domain/store';
import type { TemplateRecord } from '../../domain/templates';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { statusMeaning, statusName } from './status';
import { templateShape, type TemplateShape } from './variables';

const normLang = (l: string) => l.replace(/-/g, '_').toLowerCase();

export type Resolved =
  { ok: true; account: AccountConfig; template: TemplateRecord; shape: TemplateShape; ref: string } | { ok: false; key: 'template' | '_'; text: string };

/** The number a command typed in this channel sends from; a refusal is in the channel's language. */
export function accountFor(accounts: Accounts, platform: ChatPlatform, channelId: string): AccountConfig | { error: string } {
  const here = accounts.all.filter((a) => a[platform]?.channelId === channelId);
  if (here.length === 1) return here[0]!;
  const lang = accounts.channelLanguage(platform, channelId);
  if (here.length > 1) return { error: t(lang, 'templateSend.severalNumbers', { names: here.map((a) => a.name).join(', ') }) };
  if (accounts.all.length === 1) return accounts.all[0]!;
  return { error: t(lang, 'templateSend.notAccountChannel') };
}

const code = (n: string) => `\`${n}\``;

/** `name` or `name:language` → the synced, approved template and what it needs; refusals in `lang` (the account's). */
export async function resolveTemplate(
  store: Store,
  account: AccountConfig,
  ref: string,
  lang: Language = account.language ?? DEFAULT_LANGUAGE,
): Promise<Resolved> {
  if (!account.businessAccountId) return { ok: false, key: '_', text: t(lang, 'templateSend.unknownTemplates', { account: account.name }) };
  const [rawName = '', rawLang] = ref.trim().split(':');
  const name = rawName.toLowerCase();
  const all = await store.listTemplates(account.businessAccountId);
  if (!all.length) return { ok: false, key: 'template', text: t(lang, 'templateSend.noneSynced') };
  const same = all.filter((tpl) => tpl.name === name);
  if (!same.length) {
    const approved = [...new Set(all.filter((tpl) => tpl.status === 'APPROVED').map((tpl) => tpl.name))];
    const close = approved.filter((n) => n.includes(name) || name.includes(n)).slice(0, 5);
    const hint = close.length
      ? t(lang, 'templateSend.didYouMean', { names: close.map(code).join(', ') })
      : t(lang, 'templateSend.approved', {
          names: approved.slice(0, 10).map(code).join(', ') || t(lang, 'templateSend.none'),
          more: approved.length > 10 ? ', …' : '',
        });
    return { ok: false, key: 'template', text: t(lang, 'templateSend.noSuch', { name: name || ref, hint }) };
  }
  // English has always shown Meta's code here (`in_appeal`); the other languages its name.
  const status = (s: string) => (lang === 'en' ? s.toLowerCase() : statusName(s, lang));
  const versions = () => same.map((tpl) => `\`${tpl.name}:${tpl.language}\` (${status(tpl.status)})`).join(', ');
  let template: TemplateRecord | undefined;
  if (rawLang) {
    template = same.find((tpl) => normLang(tpl.language) === normLang(rawLang));
    if (!template) return { ok: false, key: 'template', text: t(lang, 'templateSend.noVersion', { name, language: rawLang, versions: versions() }) };
  } else if (same.length > 1) {
    const example = `${name}:${same[0]!.language}`;
    return { ok: false, key: 'template', text: t(lang, 'templateSend.severalLanguages', { name, count: same.length, versions: versions(), example }) };
  } else {
    template = same[0]!;
  }
  const refOut = `${template.name}:${template.language}`;
  if (template.status !== 'APPROVED') {
    const why = template.status === 'REJECTED' && template.rejectionReason ? ` (${template.rejectionReason})` : '';
    const meaning = statusMeaning(template.status, {}, lang);
    return { ok: false, key: 'template', text: t(lang, 'templateSend.notApproved', { ref: refOut, status: template.status, why, meaning }).trim() };
  }
  const shape = templateShape(template, lang);
  if (shape.unsupported) return { ok: false, key: 'template', text: t(lang, 'templateSend.unsupported', { ref: refOut, why: shape.unsupported }) };
  return { ok: true, account, template, shape, ref: refOut };
}

/** Empty list: anyone in the channel may send. Slack user groups (S…) are resolved by the adapter. */
export async function mayUse(account: AccountConfig, templateName: string, userId: string, adapter: ChatAdapter | undefined, log: Logger): Promise<boolean> {
  const list = account.templateSendersByTemplate?.[templateName] ?? account.templateSenders ?? [];
  if (!list.length || list.includes(userId)) return true;
  const groups = list.filter((id) => /^S[A-Z0-9]{2,}$/.test(id));
  for (const g of groups) {
    try {
      if (adapter && hasDirectory(adapter) && (await adapter.groupMembers(g)).includes(userId)) return true;
    } catch (err) {
      log.warn({ group: g, err }, 'could not read a user group’s members; treated as not a member');
    }
  }
  return false;
}

/** Why this person may not send this template, and whom to ask. */
export function refusal(account: AccountConfig, templateName: string, lang: Language = account.language ?? DEFAULT_LANGUAGE): string {
  return account.templateSendersByTemplate?.[templateName]
    ? t(lang, 'templateSend.refusalTemplate', { template: templateName, account: account.name })
    : t(lang, 'templateSend.refusalAll', { account: account.name });
}
