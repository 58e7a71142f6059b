/**
 * `templates create --file <template.json> [--account <name | phone number id>] [--dry-run]`: a template defined in
 * a file (Meta's create body), checked against Meta's rules locally (src/services/templates/create-rules.ts: every
 * violation listed with its place, nothing submitted), then submitted to the account's WhatsApp Business Account.
 * Meta's decision arrives later through the `message_template_status_update` webhook and is announced in the
 * account's channels as any template status change is (src/services/templates/status.ts).
 */
import { readFile } from 'node:fs/promises';
import { createTemplate, GraphClient } from '../../../adapters/whatsapp';
import type { AccountConfig } from '../../config';
import { DeliveryError } from '../../domain/errors';
import { templateViolations } from '../../services/templates/create-rules';
import { EXIT, UsageError, type AdminCommand, type CliContext } from '../command';
import { parseOptions, required } from '../support/args';
import { configOf } from '../support/session';

async function readDefinition(path: string, ctx: CliContext): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    ctx.io.err(`templates create: cannot read ${path} as JSON (${code ?? (err as Error).message}); nothing was submitted.`);
    return undefined;
  }
}

/** The account named by --account (its name or phone number id), else the only one with a WABA id. */
function accountFor(accounts: AccountConfig[], wanted: string | undefined): AccountConfig | string {
  if (wanted) {
    const a = accounts.find((x) => x.name === wanted || x.phoneNumberId === wanted);
    if (!a) return `no account is named ${wanted} (accounts: ${accounts.map((x) => x.name).join(', ')})`;
    return a.businessAccountId ? a : `account ${a.name} has no WhatsApp Business Account id (WHATSAPP_BUSINESS_ACCOUNT_ID or businessAccountId)`;
  }
  const withWaba = accounts.filter((a) => a.businessAccountId);
  const wabas = new Set(withWaba.map((a) => a.businessAccountId));
  if (wabas.size === 1) return withWaba[0]!;
  return wabas.size === 0
    ? 'no account has a WhatsApp Business Account id: set WHATSAPP_BUSINESS_ACCOUNT_ID (or businessAccountId in BRIDGE_CONFIG)'
    : `the accounts use ${wabas.size} WhatsApp Business Accounts: name one with --account (${withWaba.map((a) => a.name).join(', ')})`;
}

async function create(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseOptions(args, { file: { type: 'string' }, account: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const file = required(values.file, 'file');
  const definition = await readDefinition(file, ctx);
  if (!definition) return EXIT.failed;
  const violations = templateViolations(definition);
  if (violations.length) {
    ctx.io.err(`${file} breaks ${violations.length} of Meta's template rule${violations.length === 1 ? '' : 's'}; nothing was submitted:`);
    for (const v of violations) ctx.io.err(`  ${v.path}: ${v.message}`);
    return EXIT.failed;
  }
  const label = `${String(definition.name)} (${String(definition.language)})`;
  if (values['dry-run']) {
    ctx.io.out(`${label} follows Meta's template rules (not submitted: --dry-run).`);
    return EXIT.ok;
  }
  const config = configOf(ctx);
  if (!config) return EXIT.failed;
  const account = accountFor(config.accounts, values.account);
  if (typeof account === 'string') {
    ctx.io.err(`templates create: ${account}; nothing was submitted.`);
    return EXIT.failed;
  }
  const graph = new GraphClient({ baseUrl: config.whatsapp.graphApiUrl, version: config.whatsapp.graphApiVersion });
  try {
    const created = await createTemplate(graph, account.accessToken, account.businessAccountId!, definition);
    ctx.io.out(
      `Submitted ${label} to WhatsApp Business Account ${account.businessAccountId}: template id ${created.id}, status ${created.status}` +
        `${created.category ? `, category ${created.category}` : ''}.`,
    );
    ctx.io.out("Meta reviews it; its approval or rejection is announced in the account's channels when Meta's webhook arrives.");
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    ctx.io.err(`Meta refused ${label}: ${err.explanation.meaning} (${err.explanation.code}).${err.explanation.action ? ` ${err.explanation.action}.` : ''}`);
    return EXIT.failed;
  }
}

export const templatesCommand: AdminCommand = {
  name: 'templates',
  summary: 'create a message template from a JSON file (checked against Meta’s rules, then submitted)',
  help: (invokedAs) =>
    [
      `usage: ${invokedAs} create --file <template.json> [--account <name | phone number id>] [--dry-run]`,
      '',
      "The file holds Meta's create request body: name, category, language, components (HEADER, BODY, FOOTER,",
      'BUTTONS), optionally parameter_format. It is checked against Meta’s rules first (name, category, language code,',
      'variables {{1}}… in order with a sample value each, header / footer / body lengths, button limits); every',
      'violation is listed with its place in the file and nothing is submitted. Otherwise it is submitted to the',
      "account's WhatsApp Business Account; Meta's approval or rejection is announced in the account's channels.",
      '  --file <path>       the template definition (JSON)',
      '  --account <which>   the account (its name or phone number id) when several WhatsApp Business Accounts are configured',
      '  --dry-run           check the file only',
    ].join('\n'),
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub !== 'create') throw new UsageError(sub ? `unknown subcommand '${sub}' (templates has: create)` : 'a subcommand is required: create');
    return create(rest, ctx);
  },
};
