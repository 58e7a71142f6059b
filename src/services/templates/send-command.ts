/**
 * `/wa template <phone> <name>[:<language>] [values…]`, `/wa templates`, `/wa sync`, and the same checks for the
 * Slack form and Discord's autocomplete. A send is checked completely before anything reaches Meta: the phone
 * number, the template (synced, approved, in that language), who may send it, and every value. A mistake gets a
 * private answer with the template's text and a correct example; a good send opens (or reuses) the customer's
 * thread, shows the filled-in template there and queues the send through the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { AccountConfig } from '../../config';
import { hasDirectory, type ChatAdapter } from '../../domain/chat/adapter';
import type { ChatPlatform } from '../../domain/platform';
import type { MessageRecord, NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { TemplateChoice, TemplateField, TemplateRecord, TemplateSendRequest, TemplateSendResult } from '../../domain/templates';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import type { CommandReply, CommandRequest, Commands } from '../commands';
import { lane } from '../ingest';
import { parseRecipientsCsv, RecipientsCsvError, type CsvRecipient } from './csv';
import { normalizePhone } from './phone';
import { sendability, statusMeaning } from './status';
import { describeReport, type TemplateSync } from './sync';
import { assignArgs, buildMessage, describeTemplate, fieldsOf, renderTemplate, templateShape, type Built, type TemplateShape } from './variables';

export const EXAMPLE_PHONE = '+4915112345678';

const normLang = (l: string) => l.replace(/-/g, '_').toLowerCase();

export type Resolved =
  { ok: true; account: AccountConfig; template: TemplateRecord; shape: TemplateShape; ref: string } | { ok: false; key: 'template' | '_'; text: string };

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
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The number a command typed in this channel sends from. */
  accountFor(platform: ChatPlatform, channelId: string): AccountConfig | { error: string } {
    const here = this.accounts.all.filter((a) => a[platform]?.channelId === channelId);
    if (here.length === 1) return here[0]!;
    if (here.length > 1)
      return {
        error: `several WhatsApp numbers post into this channel (${here.map((a) => a.name).join(', ')}); send templates from a channel of just one number`,
      };
    if (this.accounts.all.length === 1) return this.accounts.all[0]!;
    return { error: 'this channel is not the channel of a WhatsApp number: run the command in the channel where that number’s conversations appear' };
  }

  /** `name` or `name:language` → the synced, approved template and what it needs. */
  async resolve(account: AccountConfig, ref: string): Promise<Resolved> {
    if (!account.businessAccountId) {
      return {
        ok: false,
        key: '_',
        text: `the templates of ${account.name} are unknown: set WHATSAPP_BUSINESS_ACCOUNT_ID (or businessAccountId in BRIDGE_CONFIG), restart, and run \`/wa sync\``,
      };
    }
    const [rawName = '', rawLang] = ref.trim().split(':');
    const name = rawName.toLowerCase();
    const all = await this.store.listTemplates(account.businessAccountId);
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
  async mayUse(account: AccountConfig, templateName: string, platform: ChatPlatform, userId: string): Promise<boolean> {
    const list = account.templateSendersByTemplate?.[templateName] ?? account.templateSenders ?? [];
    if (!list.length || list.includes(userId)) return true;
    const groups = list.filter((id) => /^S[A-Z0-9]{2,}$/.test(id));
    const adapter = this.chats[platform];
    for (const g of groups) {
      try {
        if (adapter && hasDirectory(adapter) && (await adapter.groupMembers(g)).includes(userId)) return true;
      } catch (err) {
        this.log.warn({ group: g, err: (err as Error).message }, 'could not read a user group’s members; treated as not a member');
      }
    }
    return false;
  }

  refusal(account: AccountConfig, templateName: string): string {
    const perTemplate = Boolean(account.templateSendersByTemplate?.[templateName]);
    return `🚫 You may not send${perTemplate ? ` the template \`${templateName}\`` : ' WhatsApp templates'} from ${account.name}. Only the people listed in ${perTemplate ? `templateSendersByTemplate.${templateName}` : 'TEMPLATE_SENDERS (templateSenders in BRIDGE_CONFIG)'} may; ask an admin to add you.`;
  }

  /** The whole check, then the send is queued. Used by the command line and by forms. */
  async send(req: TemplateSendRequest): Promise<TemplateSendResult> {
    const errors: Record<string, string> = {};
    const phone = normalizePhone(req.phone);
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
      return fail(errors, `❌ Not sent:\n${bullets(errors)}\n\n${describeTemplate(template, shape, example, ref)}`);
    }
    await this.queue(account, template, built.built, phone.digits, { platform: req.platform, userId: req.userId, name: req.userName });
    return {
      ok: true,
      text: `✅ \`${ref}\` is on its way to ${phone.e164}. It appears in the customer’s thread with its delivery status; their answer lands there too.`,
    };
  }

  /**
   * Persists the outbound message and queues its jobs: the filled-in template in the customer's thread (opened if
   * needed) and the send. `bulk` sends go without a thread post (the bulk's progress message reports them).
   */
  async queue(account: AccountConfig, template: TemplateRecord, built: Built, digits: string, sender: Sender, bulk?: { bulkId: string }): Promise<boolean> {
    const now = this.now();
    const conversation = await this.store.conversationForOutbound(account.phoneNumberId, { waId: digits }, now);
    const id = bulk ? `bulk:${bulk.bulkId}:${digits}` : `template:${randomUUID()}`;
    const record: MessageRecord = {
      _id: id,
      conversationId: conversation._id,
      direction: 'outbound',
      createdAt: now,
      text: built.text,
      state: 'queued',
      stateAt: now,
      mirrors: [],
      template: { name: template.name, language: template.language },
      sentBy: { platform: sender.platform, userId: sender.userId, name: sender.name },
    };
    const inserted = await this.store.insertMessage(record);
    if (!inserted && !bulk) return false;
    const who = sender.name ?? sender.userId;
    const body = `📨 Template *${template.name}* (${template.language}), sent by ${who} with \`/wa template ${template.name}\`:\n${built.text}`;
    const jobs: NewJob[] = [];
    if (!bulk) {
      for (const platform of this.accounts.platformsOf(account)) {
        jobs.push({
          kind: 'chat.post',
          lane: lane(platform, conversation._id),
          dedupeKey: `${platform}:post:${id}`,
          payload: {
            platform,
            conversationId: conversation._id,
            messageId: id,
            post: { author: { name: who, role: 'agent', detail: 'template' }, body },
            notify: false,
          },
        });
      }
    }
    jobs.push({
      kind: 'whatsapp.send_template',
      lane: lane('whatsapp', conversation._id),
      dedupeKey: bulk ? `bulk:${bulk.bulkId}:${digits}` : `whatsapp:template:${id}`,
      payload: {
        conversationId: conversation._id,
        messageId: id,
        accountId: account.phoneNumberId,
        to: { waId: digits },
        template: built.message,
        ...(bulk ? { bulk: { bulkId: bulk.bulkId, phone: digits } } : {}),
      },
    });
    await this.store.enqueue(jobs);
    return true;
  }

  /** A shared file named in a command (a CSV of recipients), read by the platform's adapter. */
  async readSharedFile(platform: ChatPlatform, reference: string): Promise<{ name: string; text: string } | { error: string } | undefined> {
    const adapter = this.chats[platform];
    if (!adapter || !hasDirectory(adapter)) return undefined;
    try {
      return await adapter.readSharedFile(reference);
    } catch (err) {
      return { error: `the file ${reference} could not be read (${(err as Error).message})` };
    }
  }

  // ---------------------------------------------------------------- for forms and autocomplete

  async choices(platform: ChatPlatform, channelId: string, prefix = ''): Promise<TemplateChoice[]> {
    const account = this.accountFor(platform, channelId);
    if ('error' in account || !account.businessAccountId) return [];
    const p = prefix.trim().toLowerCase();
    return (await this.store.listTemplates(account.businessAccountId))
      .filter((t) => t.status === 'APPROVED' && !templateShape(t).unsupported && (!p || t.name.startsWith(p) || `${t.name}:${t.language}`.startsWith(p)))
      .map((t) => ({ ref: `${t.name}:${t.language}`, name: t.name, language: t.language, category: t.category, preview: renderTemplate(t) }));
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
    if (!account.businessAccountId)
      return `The templates of ${account.name} are unknown: set WHATSAPP_BUSINESS_ACCOUNT_ID (or businessAccountId in BRIDGE_CONFIG).`;
    const all = await this.store.listTemplates(account.businessAccountId);
    if (!all.length) return 'No templates are synced yet: run `/wa sync`.';
    const lines = all.map((t) => {
      const shape = templateShape(t);
      const needs = shape.unsupported ? `cannot be sent from the bridge (${shape.unsupported})` : `${shape.slots.filter((s) => s.required).length} value(s)`;
      return `• \`${t.name}:${t.language}\` — ${t.category?.toLowerCase() ?? 'uncategorised'}, ${sendability(t)}${t.quality ? `, quality ${t.quality.toLowerCase()}` : ''} — ${needs}`;
    });
    return [
      `*Templates of ${account.name}* (${all.length}):`,
      ...lines,
      'Send one with `/wa template <phone> <name>[:<language>] [values…]`; a mistake shows what it needs.',
    ].join('\n');
  }
}

/** One line per problem; a count problem (`_`) replaces the per-field "missing" lines it sums up. */
export function bullets(errors: Record<string, string>): string {
  const order = ['_', 'phone', 'template'];
  return Object.entries(errors)
    .filter(([k, v]) => !(errors._ && k !== '_' && v.startsWith('missing: ')))
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([, v]) => `• ${v}`)
    .join('\n');
}

function fail(errors: Record<string, string>, text?: string): TemplateSendResult {
  return { ok: false, errors, text: text ?? `❌ Not sent:\n${bullets(errors)}` };
}

export interface BulkStarter {
  start(req: CommandRequest, recipients: { input: string; args?: string[] }[], ref: string, args: string[]): Promise<CommandReply>;
}

/** `/wa template`, `/wa templates`, `/wa sync`. */
export function registerTemplateCommands(
  commands: Commands,
  sender: TemplateSender,
  sync: TemplateSync,
  bulk: BulkStarter | undefined,
  afterQueue: () => void,
): void {
  commands.register(
    'template',
    'template <phone> <template>[:<language>] [values…]',
    'send an approved template (quote a value with spaces: "two words"; named variables as name=value; several numbers separated by commas)',
    async (args, req) => {
      const [phone, ref, ...rest] = args;
      if (!phone || !ref) {
        return {
          text: `Usage: \`/wa template <phone> <template>[:<language>] [values…]\`, e.g. \`/wa template ${EXAMPLE_PHONE} order_update:en "Jane Doe" 42\`. \`/wa templates\` lists the templates and what each needs.`,
        };
      }
      if (phone.includes(',') || phone.includes(';')) {
        if (!bulk) return { text: 'Sending to several numbers at once is not available here.' };
        const reply = await bulk.start(
          req,
          phone
            .split(/[,;]/)
            .map((p) => ({ input: p.trim() }))
            .filter((p) => p.input),
          ref,
          rest,
        );
        afterQueue();
        return reply;
      }
      // A phone number has no letters: this may be a shared file (a CSV of recipients) the platform can read.
      if (/[A-Za-z]/.test(phone) && bulk) {
        const file = await sender.readSharedFile(req.platform, phone);
        if (file && 'error' in file) return { text: `❌ Not sent: ${file.error}` };
        if (file) {
          let rows: CsvRecipient[];
          try {
            rows = parseRecipientsCsv(file.text);
          } catch (err) {
            if (err instanceof RecipientsCsvError) return { text: `❌ Not sent: ${file.name} ${err.message}` };
            throw err;
          }
          if (!rows.length) return { text: `❌ Not sent: ${file.name} has no recipients (one per row: phone[,value…])` };
          const reply = await bulk.start(req, rows, ref, rest);
          afterQueue();
          return reply;
        }
      }
      const r = await sender.send({
        platform: req.platform,
        userId: req.userId,
        userName: req.userName,
        channelId: req.channelId,
        phone,
        template: ref,
        args: rest,
      });
      if (r.ok) afterQueue();
      return { text: r.text };
    },
  );
  commands.register('templates', 'templates', 'list the synced templates, their status and what each needs', async (_args, req) => ({
    text: await sender.list(req.platform, req.channelId),
  }));
  commands.register('sync', 'sync', 'read the templates from WhatsApp Manager now', async () => {
    const reports = await sync.syncAll();
    return { text: reports.map(describeReport).join('\n') || 'No WhatsApp number is configured.' };
  });
}
