/**
 * The one place that reads the environment. A zod schema checks every variable: the core's here, each chat
 * platform's in its fragment (adapters/<platform>/config.ts, listed in adapters/registry.ts), all fed from here.
 * Anything wrong stops start-up with a message naming the variable and what it expects.
 * Several WhatsApp numbers (departments) can be described in a JSON file named by BRIDGE_CONFIG.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChatConfigFragment, ChatDestination } from '../adapters/chat-module';
import { CHAT_PLATFORMS, chatPlatformEntries, type ChatSettings } from '../adapters/registry';
import { metaDigits, whatsappEnv, whatsappSettings, whatsappSide } from '../adapters/whatsapp/config';
import { andList, language, list, orList } from './config-fields';
import { ConfigError } from './domain/errors';
import { automationFields, checkAutomation } from './services/automation/schema';
import { checkMenuRoutes } from './services/automation/menu-schema';
import type { ChatPlatform } from './domain/platform';

/** Who may send templates: an id any chat platform gives a person or a group (Slack U…/W…/S…, Discord snowflakes). */
const SENDERS = chatPlatformEntries().flatMap(([, p]) => p.config.senderIds);
const SENDER_ID = new RegExp(`^(${SENDERS.map((s) => s.pattern.source).join('|')})$`);
const SENDER_WHAT = orList(SENDERS.map((s) => s.what));
const templateSenders = list(SENDER_ID, SENDER_WHAT);
const TEMPLATE_NAME = /^[a-z0-9_]+$/;
/** Which messages in a bridged thread go to the customer (src/services/internal-notes.ts applies it). */
export const REPLY_MODES = ['notes', 'mention', 'all'] as const;
export type ReplyMode = (typeof REPLY_MODES)[number];
const replyMode = z.enum(REPLY_MODES, { message: `must be one of ${REPLY_MODES.join(', ')}` });
/** Chatwoot's prefixes for a line that stays internal; matched case-insensitively at the start of a message. */
export const DEFAULT_NOTE_PREFIXES = ['note:', 'private:'];
const NOTE_PREFIX = /^\S{1,20}$/;
const NOTE_PREFIX_WHAT = 'a prefix of 1–20 characters without spaces, like note:';
/** Minutes before the 24-hour window closes when an unanswered customer is recalled in the thread (0 or off: never). */
export const DEFAULT_WINDOW_REMINDER_MINUTES = 60;
const REMINDER_WHAT = 'must be a number of minutes from 0 (off) to 1439, or off';
const reminderMinutes = z.number({ message: REMINDER_WHAT }).int(REMINDER_WHAT).min(0, REMINDER_WHAT).max(1439, REMINDER_WHAT);
const windowReminder = z.union([reminderMinutes, z.literal('off').transform(() => 0)], { message: REMINDER_WHAT });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  BRIDGE_CONFIG: z.string().optional(),

  // WhatsApp's own variables: its fragment, adapters/whatsapp/config.ts.
  ...whatsappEnv.shape,

  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  // No attempt budget: a retryable failure is retried until delivered. This says when a stuck conversation is alerted.
  OUTBOX_STUCK_ALERT_MINUTES: z.coerce.number().positive().max(1440).default(15),
  OUTBOX_PARKED_PROBE_SECONDS: z.coerce.number().positive().max(3600).default(60),

  // Optional without a zod default: unset stays undefined in Config, and the templates service applies the default.
  TEMPLATE_SYNC_MINUTES: z.coerce.number().int().min(0, 'must be 0 (no schedule) or more minutes').max(1440).optional(),
  TEMPLATE_SENDERS: templateSenders,
  WHATSAPP_MESSAGES_PER_SECOND: z.coerce.number().positive().max(1000).optional(),

  BRIDGE_REPLY_MODE: replyMode.default('notes'),
  BRIDGE_NOTE_PREFIXES: list(NOTE_PREFIX, NOTE_PREFIX_WHAT).transform((l) => (l.length ? l : DEFAULT_NOTE_PREFIXES)),
  // The language of every text written for agents (src/i18n); an account's `language` in BRIDGE_CONFIG overrides it.
  // Unset stays undefined in Config (English: src/i18n DEFAULT_LANGUAGE), as the other optional settings do.
  BRIDGE_LANGUAGE: language.optional(),

  // Conversation lifecycle (src/services/lifecycle/): how long a closed conversation reopens in its own thread.
  BRIDGE_REOPEN_SAME_THREAD_DAYS: z.coerce.number().min(0).max(365).default(7),
  // The window reminder (services/outbox/handlers/chat-window-reminder.ts); an account's windowReminderMinutes wins.
  BRIDGE_WINDOW_REMINDER_MINUTES: z
    .string()
    .transform((v) => (v.trim().toLowerCase() === 'off' ? 'off' : Number(v)))
    .pipe(windowReminder)
    .default(DEFAULT_WINDOW_REMINDER_MINUTES),
  // Who may run admin subcommands (`/wa doctor`): user ids of any chat platform; empty = nobody.
  BRIDGE_ADMINS: list(SENDER_ID, SENDER_WHAT),
});
type CoreEnv = z.infer<typeof envSchema>;

/** Every variable the bridge reads: the core's and each chat platform's (tests check that .env.example documents each one). */
export const ENV_VARIABLES = [...Object.keys(envSchema.shape), ...chatPlatformEntries().flatMap(([, p]) => Object.keys(p.config.env.shape))];

/** Per platform, where an account's conversations go there (each platform's fragment checks its ids). */
const accountDestinations = Object.fromEntries(chatPlatformEntries().map(([id, p]) => [id, p.config.accountDestination.optional()])) as Record<
  ChatPlatform,
  z.ZodOptional<z.ZodType<ChatDestination>>
>;

const accountSchema = z
  .object({
    name: z.string().optional(),
    phoneNumberId: metaDigits('phone number ID'),
    businessAccountId: metaDigits('WhatsApp Business Account ID').optional(),
    accessToken: z.string().min(10).optional(),
    ...accountDestinations,
    /** Who may send templates from this number (empty or unset: anyone in the channel). */
    templateSenders: z.array(z.string().regex(SENDER_ID, `each entry must be ${SENDER_WHAT}`)).optional(),
    /** Per template name: replaces `templateSenders` for that template (Odoo's "users allowed to use this template"). */
    templateSendersByTemplate: z
      .record(
        z.string().regex(TEMPLATE_NAME, 'must be a template name (a-z, 0-9, _)'),
        z.array(z.string().regex(SENDER_ID, `each entry must be ${SENDER_WHAT}`)),
      )
      .optional(),
    /** Cloud API throughput of this number (default WHATSAPP_MESSAGES_PER_SECOND, else 80). */
    messagesPerSecond: z.number().positive().max(1000).optional(),
    /** Which messages in the thread go to the customer (default BRIDGE_REPLY_MODE, else `notes`). */
    replyMode: replyMode.optional(),
    /** Lines starting with one of these stay internal in `notes` mode (default BRIDGE_NOTE_PREFIXES, else note: and private:). */
    notePrefixes: z
      .array(z.string().regex(NOTE_PREFIX, `each entry must be ${NOTE_PREFIX_WHAT}`))
      .min(1)
      .optional(),
    /** Minutes before the window closes when the owner is recalled to an unanswered customer (default BRIDGE_WINDOW_REMINDER_MINUTES; 0 or off: never). */
    windowReminderMinutes: windowReminder.optional(),
    /** The language of the texts written for this number's agents (default BRIDGE_LANGUAGE, else English). */
    language: language.optional(),
    /** Business hours, away message, greeting and keyword replies (services/automation/schema.ts). */
    ...automationFields,
  })
  .superRefine(checkAutomation);
const accountsFileSchema = z.object({ accounts: z.array(accountSchema).min(1) }).superRefine(checkMenuRoutes);

/** One business number as the bridge runs it: an account of the BRIDGE_CONFIG file (or the env's one) with its defaults applied. */
export type AccountConfig = Omit<z.infer<typeof accountSchema>, 'name' | 'accessToken'> & { name: string; accessToken: string };

/** What loadConfig returns: checked against this schema once built, and typed from it. */
const configSchema = z.object({
  port: z.number(),
  logLevel: envSchema.shape.LOG_LEVEL.unwrap(),
  mongodbUri: z.string().optional(),
  dataDir: z.string(),
  whatsapp: whatsappSettings,
  /** Each account with its defaults applied (checked by accountSchema). */
  accounts: z.array(z.custom<AccountConfig>()),
  /** The configured chat platforms' settings (adapters/registry.ts), each typed from its fragment's schema. */
  chats: z.custom<Partial<ChatSettings>>(),
  /** `stuckAlertMinutes`: a conversation failing this long is alerted; `parkedProbeSeconds`: how often paused deliveries are tried. */
  outbox: z.object({ concurrency: z.number(), stuckAlertMinutes: z.number(), parkedProbeSeconds: z.number() }),
  /** Unset when TEMPLATE_SYNC_MINUTES is unset (the default, 15, is applied by the templates service). */
  templateSyncMinutes: z.number().optional(),
  /** WHATSAPP_MESSAGES_PER_SECOND; unset means Meta's default of 80. */
  messagesPerSecond: z.number().optional(),
  /** BRIDGE_REOPEN_SAME_THREAD_DAYS. */
  lifecycle: z.object({ sameThreadDays: z.number() }),
  /** BRIDGE_ADMINS: the chat user ids that may run admin subcommands (`/wa doctor`); empty or unset = nobody. */
  admins: z.array(z.string()).optional(),
  /** BRIDGE_LANGUAGE (unset: English): the agents' language where no account says (a command in a channel of no account). */
  language: language.optional(),
});
export type Config = z.infer<typeof configSchema>;

type Env = Record<string, string | undefined>;

function describe(issues: z.core.$ZodIssue[], prefix = '', accountOf?: (index: number) => string | undefined): string {
  return issues
    .map((i) => {
      // An account's problem also names the account (its name, else its number), not only its place in the list.
      const account = i.path[0] === 'accounts' && typeof i.path[1] === 'number' ? accountOf?.(i.path[1]) : undefined;
      return `  ${prefix}${i.path.join('.') || '(file)'}: ${i.message}${account ? ` (account ${account})` : ''}`;
    })
    .join('\n');
}

function fail(message: string): never {
  throw new ConfigError(`Invalid configuration:\n${message}\nSee .env.example for every variable.`);
}

/**
 * Problems with a platform side: all of its variables or none (a variable's `alternatives` stand-in counts for it).
 * Returns whether the side is configured.
 */
function checkTogether(env: Env, names: readonly string[], side: string, problems: string[], alternatives: ChatConfigFragment['alternatives'] = {}): boolean {
  const standIns = Object.values(alternatives).map((a) => a.variable);
  const set = [...names, ...standIns].filter((n) => env[n]);
  if (set.length === 0) return false;
  for (const n of names) {
    const alternative = alternatives[n];
    if (env[n] || (alternative && env[alternative.variable])) continue;
    const unless = alternative ? `, unless ${alternative.variable} is set (${alternative.what})` : '';
    problems.push(`  ${n}: required when the ${side} side is configured (${set.join(', ')} set)${unless}`);
  }
  return true;
}

function accountsFromFile(path: string, env: CoreEnv): AccountConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    // Node's JSON message quotes the text around the error, which may be a token: only the position is kept.
    const position = /position (\d+)/.exec((err as Error).message)?.[1];
    const why = (err as NodeJS.ErrnoException).code ?? (position ? `syntax error at character ${position}` : 'syntax error');
    fail(`  BRIDGE_CONFIG: cannot read ${path} as JSON (${why})`);
  }
  const parsed = accountsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const listed = (raw as { accounts?: { name?: unknown; phoneNumberId?: unknown }[] } | null)?.accounts;
    const accountOf = (i: number) => {
      const a = Array.isArray(listed) ? listed[i] : undefined;
      const id = a?.name ?? a?.phoneNumberId;
      return typeof id === 'string' ? id : undefined;
    };
    fail(describe(parsed.error.issues, `BRIDGE_CONFIG ${path}: `, accountOf));
  }
  return parsed.data.accounts.map((a) => {
    const accessToken = a.accessToken ?? env.WHATSAPP_ACCESS_TOKEN;
    if (!accessToken) fail(`  BRIDGE_CONFIG: account ${a.phoneNumberId} has no accessToken and WHATSAPP_ACCESS_TOKEN is not set`);
    return {
      ...a,
      name: a.name ?? a.phoneNumberId,
      accessToken,
      replyMode: a.replyMode ?? env.BRIDGE_REPLY_MODE,
      notePrefixes: a.notePrefixes ?? env.BRIDGE_NOTE_PREFIXES,
      windowReminderMinutes: a.windowReminderMinutes ?? env.BRIDGE_WINDOW_REMINDER_MINUTES,
      language: a.language ?? env.BRIDGE_LANGUAGE,
    };
  });
}

function accountFromEnv(env: CoreEnv, chatEnv: Partial<Record<ChatPlatform, unknown>>): AccountConfig {
  const destinations = Object.fromEntries(
    chatPlatformEntries().map(([id, p]) => [id, chatEnv[id] === undefined ? undefined : p.config.destination(chatEnv[id] as never)]),
  ) as Partial<Record<ChatPlatform, ChatDestination>>;
  return {
    name: 'default',
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID!,
    businessAccountId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
    accessToken: env.WHATSAPP_ACCESS_TOKEN!,
    ...destinations,
    ...(env.TEMPLATE_SENDERS.length ? { templateSenders: env.TEMPLATE_SENDERS } : {}),
    replyMode: env.BRIDGE_REPLY_MODE,
    notePrefixes: env.BRIDGE_NOTE_PREFIXES,
    windowReminderMinutes: env.BRIDGE_WINDOW_REMINDER_MINUTES,
    ...(env.BRIDGE_LANGUAGE ? { language: env.BRIDGE_LANGUAGE } : {}),
  };
}

export function loadConfig(rawEnv: Env): Config {
  // An empty variable (FOO= in .env) means "not set", as operators expect.
  const cleaned = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  // Every problem is reported at once, so an operator fixes the configuration in one pass.
  const problems: string[] = [];
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) problems.push(describe(parsed.error.issues));
  // Each chat platform's fragment is fed the same environment; `on` lists the sides whose variables are set.
  const chatEnv: Partial<Record<ChatPlatform, unknown>> = {};
  const on: ChatPlatform[] = [];
  for (const [id, p] of chatPlatformEntries()) {
    const side = p.config.env.safeParse(cleaned);
    if (side.success) chatEnv[id] = side.data;
    else problems.push(describe(side.error.issues));
    if (checkTogether(cleaned, p.config.required, p.label, problems, p.config.alternatives)) on.push(id);
  }
  if (on.length === 0) {
    const entries = chatPlatformEntries();
    problems.push(
      `  Neither ${entries.map(([, p]) => p.label).join(' nor ')} is configured: set ${entries
        .map(([, p]) => andList([...p.config.required, p.config.channelVariable]))
        .join(', and/or ')}`,
    );
  }
  if (!cleaned.BRIDGE_CONFIG) {
    for (const n of ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN'].filter((x) => !cleaned[x]))
      problems.push(`  ${n}: required (or describe accounts in a BRIDGE_CONFIG file)`);
  }
  if (problems.length || !parsed.success) fail(problems.join('\n'));
  const env = parsed.data;

  const accounts = env.BRIDGE_CONFIG ? accountsFromFile(env.BRIDGE_CONFIG, env) : [accountFromEnv(env, chatEnv)];
  for (const a of accounts) {
    for (const [id, p] of chatPlatformEntries()) {
      const destination = a[id];
      if (destination && !on.includes(id))
        fail(`  ${p.config.required[0]}: account ${a.name} routes to ${p.label} channel ${destination.channelId} but the ${p.label} side is not configured`);
    }
    if (!chatPlatformEntries().some(([id]) => a[id])) {
      const channelVariables = chatPlatformEntries().map(([, p]) => p.config.channelVariable);
      fail(`  ${env.BRIDGE_CONFIG ? `BRIDGE_CONFIG: account ${a.name}` : channelVariables.join(' / ')}: no channel to post conversations into`);
    }
  }
  const ids = accounts.map((a) => a.phoneNumberId);
  if (new Set(ids).size !== ids.length) fail('  BRIDGE_CONFIG: the same phoneNumberId is listed twice');

  return configSchema.parse({
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    mongodbUri: env.MONGODB_URI,
    dataDir: env.DATA_DIR,
    whatsapp: whatsappSide(env),
    accounts,
    chats: Object.fromEntries(on.map((id) => [id, CHAT_PLATFORMS[id].config.side(chatEnv[id] as never)])) as Partial<ChatSettings>,
    outbox: { concurrency: env.OUTBOX_CONCURRENCY, stuckAlertMinutes: env.OUTBOX_STUCK_ALERT_MINUTES, parkedProbeSeconds: env.OUTBOX_PARKED_PROBE_SECONDS },
    templateSyncMinutes: env.TEMPLATE_SYNC_MINUTES,
    messagesPerSecond: env.WHATSAPP_MESSAGES_PER_SECOND,
    lifecycle: { sameThreadDays: env.BRIDGE_REOPEN_SAME_THREAD_DAYS },
    admins: env.BRIDGE_ADMINS.length ? env.BRIDGE_ADMINS : undefined,
    language: env.BRIDGE_LANGUAGE,
  });
}
