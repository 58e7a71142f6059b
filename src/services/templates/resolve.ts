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
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { statusMeaning } from './status';
import { templateShape, type TemplateShape } from './variables';

const normLang = (l: string) => l.replace(/-/g, '_').toLowerCase();

export type Resolved =
  { ok: true; account: AccountConfig; template: TemplateRecord; shape: TemplateShape; ref: string } | { ok: false; key: 'template' | '_'; text: string };

/** The number a command typed in this channel sends from. */
export function accountFor(accounts: Accounts, platform: ChatPlatform, channelId: string): AccountConfig | { error: string } {
  const here = accounts.all.filter((a) => a[platform]?.channelId === channelId);
  if (here.length === 1) return here[0]!;
  if (here.length > 1)
    return {
      error: `several WhatsApp numbers post into this channel (${here.map((a) => a.name).join(', ')}); send templates from a channel of just one number`,
    };
  if (accounts.all.length === 1) return accounts.all[0]!;
  return { error: 'this channel is not the channel of a WhatsApp number: run the command in the channel where that number’s conversations appear' };
}

/** `name` or `name:language` → the synced, approved template and what it needs. */
export async function resolveTemplate(store: Store, account: AccountConfig, ref: string): Promise<Resolved> {
  if (!account.businessAccountId) {
    return {
      ok: false,
      key: '_',
      text: `the templates of ${account.name} are unknown: set WHATSAPP_BUSINESS_ACCOUNT_ID (or businessAccountId in BRIDGE_CONFIG), restart, and run \`/wa sync\``,
    };
  }
  const [rawName = '', rawLang] = ref.trim().split(':');
  const name = rawName.toLowerCase();
  const all = await store.listTemplates(account.businessAccountId);
  if (!all.length) return { ok: false, key: 'template', text: 'no templates are synced yet: run `/wa sync` (templates are read from WhatsApp Manager)' };
  const same = all.filter((t) => t.name === name);
  if (!same.length) {
    const approved = [...new Set(all.filter((t) => t.status === 'APPROVED').map((t) => t.name))];
    const close = approved.filter((n) => n.includes(name) || name.includes(n)).slice(0, 5);
    const hint = close.length
      ? `Did you mean ${close.map((n) => `\`${n}\``).join(', ')}?`
      : `Approved templates: ${
          approved
            .slice(0, 10)
            .map((n) => `\`${n}\``)
            .join(', ') || 'none'
        }${approved.length > 10 ? ', …' : ''}.`;
    return { ok: false, key: 'template', text: `there is no template \`${name || ref}\`. ${hint} See \`/wa templates\`.` };
  }
  const versions = () => same.map((t) => `\`${t.name}:${t.language}\` (${t.status.toLowerCase()})`).join(', ');
  let template: TemplateRecord | undefined;
  if (rawLang) {
    template = same.find((t) => normLang(t.language) === normLang(rawLang));
    if (!template) return { ok: false, key: 'template', text: `\`${name}\` has no \`${rawLang}\` version; it exists as ${versions()}` };
  } else if (same.length > 1) {
    return {
      ok: false,
      key: 'template',
      text: `\`${name}\` exists in ${same.length} languages: ${versions()}. Say which one, e.g. \`${name}:${same[0]!.language}\``,
    };
  } else {
    template = same[0]!;
  }
  const refOut = `${template.name}:${template.language}`;
  if (template.status !== 'APPROVED') {
    const why = template.status === 'REJECTED' && template.rejectionReason ? ` (${template.rejectionReason})` : '';
    return {
      ok: false,
      key: 'template',
      text: `\`${refOut}\` cannot be sent: its status is ${template.status}${why}. ${statusMeaning(template.status, {})}`.trim(),
    };
  }
  const shape = templateShape(template);
  if (shape.unsupported)
    return {
      ok: false,
      key: 'template',
      text: `\`${refOut}\` cannot be sent from the bridge: ${shape.unsupported}. Send it from WhatsApp Manager or another tool.`,
    };
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
export function refusal(account: AccountConfig, templateName: string): string {
  const perTemplate = Boolean(account.templateSendersByTemplate?.[templateName]);
  return `🚫 You may not send${perTemplate ? ` the template \`${templateName}\`` : ' WhatsApp templates'} from ${account.name}. Only the people listed in ${perTemplate ? `templateSendersByTemplate.${templateName}` : 'TEMPLATE_SENDERS (templateSenders in BRIDGE_CONFIG)'} may; ask an admin to add you.`;
}
