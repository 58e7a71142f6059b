/**
 * SlackSender: delivers requests to the bridge's `POST /slack/events` exactly as Slack does.
 *
 * - Signature: `X-Slack-Signature: v0=hex(HMAC-SHA256(signingSecret, "v0:<ts>:<rawBody>"))` plus
 *   `X-Slack-Request-Timestamp` (Slack "Verifying requests from Slack"; Bolt verify-request.ts).
 * - Content-Type is exactly `application/json` for Events API callbacks and exactly
 *   `application/x-www-form-urlencoded` (no charset) for slash commands and interactivity:
 *   Bolt compares the form type literally and answers 400 to anything else.
 * - Events are wrapped in the `event_callback` envelope; redeliveries carry
 *   `X-Slack-Retry-Num` / `X-Slack-Retry-Reason` like Slack's retry policy.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SlackSenderOptions {
  /** Full URL of the bridge's events endpoint, e.g. http://127.0.0.1:1234/slack/events. */
  url: string;
  signingSecret: string;
  teamId?: string;
  apiAppId?: string;
  /** The bot user the app is installed as; appears in `authorizations[0].user_id`. */
  botUserId?: string;
  /** Supplies a `response_url` for commands that don't give one (e.g. `() => fake.newResponseUrl()`). */
  newResponseUrl?: () => string;
}

export interface SendOptions {
  /** Unix seconds put in X-Slack-Request-Timestamp (default: now); use an old value to test replay protection. */
  timestamp?: number;
  /** Sign with a wrong secret. */
  badSignature?: boolean;
}

export interface SendEventOptions extends SendOptions {
  eventId?: string;
  eventTime?: number;
  retryNum?: number;
  retryReason?: string;
}

export interface SendResult {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface CommandFields {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
  response_url?: string;
  trigger_id?: string;
  [field: string]: string | undefined;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** The legacy verification token Slack still puts in payloads; Bolt ignores it. */
const VERIFICATION_TOKEN = 'fake-verification-token';

export class SlackSender {
  private readonly opts: Required<Omit<SlackSenderOptions, 'newResponseUrl'>> & Pick<SlackSenderOptions, 'newResponseUrl'>;

  constructor(opts: SlackSenderOptions) {
    this.opts = {
      teamId: 'T0FAKETEAM',
      apiAppId: 'A0FAKEAPP',
      botUserId: 'U0FAKEBOT',
      ...opts,
    };
  }

  /** Wraps `event` in the real event_callback envelope and delivers it signed. */
  sendEvent(event: object, opts: SendEventOptions = {}): Promise<SendResult> {
    return this.sendEnvelope(this.envelope(event as Record<string, unknown>, opts), opts);
  }

  /** Delivers an already complete Events API body (e.g. a fixture envelope) signed, unchanged. */
  sendEnvelope(envelope: object, opts: SendEventOptions = {}): Promise<SendResult> {
    return this.post(JSON.stringify(envelope), JSON_TYPE, opts, retryHeaders(opts));
  }

  /** Slack's Request URL handshake; Bolt answers it itself. */
  sendUrlVerification(challenge: string, opts: SendOptions = {}): Promise<SendResult> {
    return this.post(JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' }), JSON_TYPE, opts);
  }

  /** A slash command as the form body Slack posts (field order as Slack sends them). */
  sendCommand(fields: CommandFields, opts: SendOptions = {}): Promise<SendResult> {
    return this.post(new URLSearchParams(this.commandFields(fields)).toString(), FORM_TYPE, opts);
  }

  /** Interactivity (block_actions, view_submission, …): form body `payload=<json>`. */
  sendInteraction(payload: object, opts: SendOptions = {}): Promise<SendResult> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM_TYPE, opts);
  }

  /** Low level: sign and POST any raw body with any content type. */
  async post(rawBody: string, contentType: string, opts: SendOptions = {}, extraHeaders: Record<string, string> = {}): Promise<SendResult> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = opts.badSignature ? `${this.opts.signingSecret}-wrong` : this.opts.signingSecret;
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': signSlackRequest(secret, timestamp, rawBody),
        ...extraHeaders,
      },
      body: rawBody,
    });
    return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers.entries()) };
  }

  protected envelope(event: Record<string, unknown>, opts: SendEventOptions): Record<string, unknown> {
    const { teamId, apiAppId, botUserId } = this.opts;
    return {
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      context_team_id: teamId,
      context_enterprise_id: null,
      api_app_id: apiAppId,
      event,
      type: 'event_callback',
      event_id: opts.eventId ?? newEventId(),
      event_time: opts.eventTime ?? Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: teamId, user_id: botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: eventContext(String(event.type ?? ''), teamId, apiAppId, event.channel),
    };
  }

  protected commandFields(fields: CommandFields): Record<string, string> {
    const { teamId, apiAppId } = this.opts;
    const responseUrl = fields.response_url ?? this.opts.newResponseUrl?.();
    const ordered: Record<string, string | undefined> = {
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      team_domain: 'fake-workspace',
      channel_id: fields.channel_id,
      channel_name: 'bridge',
      user_id: fields.user_id,
      user_name: fields.user_id.toLowerCase(),
      command: fields.command,
      text: fields.text,
      api_app_id: apiAppId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: fields.trigger_id ?? newTriggerId(),
      ...definedOnly(fields),
    };
    return definedOnly(ordered);
  }
}

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** `v0=` + hex HMAC-SHA256 of "v0:<timestamp>:<rawBody>". */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

function retryHeaders(opts: SendEventOptions): Record<string, string> {
  if (opts.retryNum === undefined) return {};
  return { 'X-Slack-Retry-Num': String(opts.retryNum), 'X-Slack-Retry-Reason': opts.retryReason ?? 'http_timeout' };
}

/** Real event_context values are "4-" + unpadded base64 of {"et","tid","aid","cid"}. */
function eventContext(eventType: string, teamId: string, appId: string, channel: unknown): string {
  const context = { et: eventType, tid: teamId, aid: appId, ...(typeof channel === 'string' ? { cid: channel } : {}) };
  return `4-${Buffer.from(JSON.stringify(context)).toString('base64').replace(/=+$/, '')}`;
}

function newEventId(): string {
  return `Ev0${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Shaped like Slack's "13345224609.738474920.8088930838d88f008e0". */
function newTriggerId(): string {
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  return `${digits(11)}.${digits(9)}.${randomBytes(16).toString('hex')}`;
}
