/**
 * FakeGraphApi: a protocol-faithful local stand-in for Meta's Graph API as used by the WhatsApp
 * Cloud API (Meta's Cloud API reference: messages, media, message templates; the payloads the tests
 * use and their sources are listed in test/fixtures/whatsapp/SOURCES.md).
 *
 * The bridge is pointed at it by using `fake.url` instead of `https://graph.facebook.com`; it then
 * calls `{url}/{version}/...` over real HTTP, so serialisation, auth headers, retries and timeouts
 * are exercised as in production.
 *
 * Endpoints served on one port:
 *   POST   /{version}/{phoneNumberId}/messages          send a message, or mark one as read
 *   POST   /{version}/{phoneNumberId}/media             multipart upload → {id}
 *   GET    /{version}/{wabaId}/message_templates        templates with Meta's cursor paging
 *   POST   /{version}/{wabaId}/message_templates        create a template (stored PENDING) → {id, status, category}
 *   GET    /{version}/{mediaId}                         media URL lookup
 *   DELETE /{version}/{mediaId}                         media deletion
 *   GET    /{version}/debug_token?input_token=…         the token's validity, expiry and permissions (doctor)
 *   GET    /{version}/{phoneNumberId}?fields=…          the business number (doctor)
 *   GET    /{version}/{wabaId}/phone_numbers            the account's numbers (doctor)
 *   GET    /{version}/{wabaId}/subscribed_apps          the apps receiving the account's webhooks (doctor)
 *   GET    /{version}/{appId}/subscriptions             the app's webhook (app access token only; doctor)
 *   GET    /whatsapp_business/attachments/?mid=...      the media download URL (Bearer required),
 *                                                       shaped like Meta's lookaside.fbsbx.com URL
 *
 * Faults (failNext / hangNext / dropNext) share one FIFO queue: each request consumes the first
 * queued fault whose `path` matches it, so tests can script "the 2nd send gets a 429" precisely.
 *
 * Parts: graph/server.ts (HTTP pipeline, routing, faults), graph/wire.ts (bodies, replies),
 * graph/errors.ts (Meta's error envelope), graph/state.ts, graph/messages.ts, graph/media.ts,
 * graph/templates.ts, graph/account.ts. This class is the tests' handle: configuration, inspection and faults.
 */
import { GraphServer } from './graph/server';
import { GraphState } from './graph/state';
import { setTemplates } from './graph/templates';
import type { GraphApp, GraphPhoneNumber, GraphTokenInfo } from './graph/account';
import type { DropSpec, FailSpec, FakeGraphApiOptions, GraphCall, GraphTemplate, HangSpec, MediaDownload, MediaSpec, UploadedMedia } from './graph/types';

export type {
  DropSpec,
  FailSpec,
  FakeGraphApiOptions,
  GraphCall,
  GraphTemplate,
  HangSpec,
  MediaDownload,
  MediaSpec,
  MetaErrorSpec,
  UploadedMedia,
} from './graph/types';

const DEFAULT_TOKEN = 'test-access-token';

export class FakeGraphApi {
  readonly calls: GraphCall[];
  readonly uploads: UploadedMedia[];
  /** Media downloads served (GET on the download URL), in order. */
  readonly downloads: MediaDownload[];
  readonly accessToken: string;

  private readonly state: GraphState;
  private readonly server: GraphServer;

  private constructor(opts: FakeGraphApiOptions) {
    this.accessToken = opts.accessToken ?? DEFAULT_TOKEN;
    this.state = new GraphState(this.accessToken, opts.version, () => this.url);
    this.server = new GraphServer(this.state);
    this.calls = this.state.calls;
    this.uploads = this.state.uploads;
    this.downloads = this.state.downloads;
  }

  static async start(opts: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
    const fake = new FakeGraphApi(opts);
    await fake.server.listen();
    return fake;
  }

  /** Called with each successfully accepted message body (not for mark-as-read). */
  get onMessageSent(): ((body: Record<string, any>, wamid: string) => void) | undefined {
    return this.state.onMessageSent;
  }
  set onMessageSent(hook: ((body: Record<string, any>, wamid: string) => void) | undefined) {
    this.state.onMessageSent = hook;
  }

  /**
   * Awaited after a send is accepted and before its HTTP answer goes out: lets a test deliver a status
   * webhook for that wamid that really does beat the send's own response (Meta gives no ordering).
   */
  get beforeSendResponse(): ((wamid: string) => Promise<void>) | undefined {
    return this.state.beforeSendResponse;
  }
  set beforeSendResponse(hook: ((wamid: string) => Promise<void>) | undefined) {
    this.state.beforeSendResponse = hook;
  }

  /** Base URL without trailing slash; the bridge appends `/{version}/...`. */
  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  // ---------------------------------------------------------------- configuration

  setTemplates(wabaId: string, templates: GraphTemplate[]): void {
    setTemplates(this.state, wabaId, templates);
  }

  /** The templates of a WABA as the fake holds them (set, or created through POST message_templates). */
  templatesOf(wabaId: string): GraphTemplate[] {
    return (this.state.templates.get(wabaId) ?? []).map((t) => ({ ...t }));
  }

  /** Meta's review: the template's status becomes APPROVED (the test then sends the status webhook, as Meta does). */
  approveTemplate(wabaId: string, id: string): void {
    const t = this.state.templates.get(wabaId)?.find((x) => x.id === id);
    if (!t) throw new Error(`no template ${id} in WABA ${wabaId}`);
    t.status = 'APPROVED';
  }

  addMedia(id: string, spec: MediaSpec): void {
    this.state.addMedia(id, spec);
  }

  /**
   * Which access tokens Meta takes from now on (default: the one the fake was started with); every call with another
   * is answered 401 with code 190, as Meta answers an expired or revoked token.
   */
  acceptTokens(...tokens: string[]): void {
    this.state.validTokens = new Set(tokens);
  }

  /**
   * A business number and its account (WABA), as doctor reads them; the app is subscribed to the WABA unless
   * `subscribed: false`. Defaults: CONNECTED, GREEN, TIER_1K, LIVE.
   */
  addPhoneNumber(id: string, wabaId: string, opts: Partial<Omit<GraphPhoneNumber, 'wabaId'>> & { subscribed?: boolean } = {}): void {
    const { subscribed = true, ...fields } = opts;
    this.state.phoneNumbers.set(id, {
      wabaId,
      display_phone_number: '+1 555-010-0000',
      verified_name: 'Jasper’s Market',
      quality_rating: 'GREEN',
      status: 'CONNECTED',
      messaging_limit_tier: 'TIER_1K',
      account_mode: 'LIVE',
      ...fields,
    });
    if (subscribed) this.state.subscribedWabas.add(wabaId);
    else this.state.subscribedWabas.delete(wabaId);
  }

  /** What debug_token says of the token (merged into the default: valid, never expires, both permissions). */
  setTokenInfo(info: Partial<GraphTokenInfo>): void {
    this.state.tokenInfo = { ...this.state.tokenInfo, ...info };
  }

  /** From now on every call with the token answers 190 "Session has expired" (false: valid again). */
  expireToken(expired = true): void {
    this.state.tokenExpired = expired;
  }

  /** The Meta app behind the token: its id, name, secret (for the app access token) and webhook subscription. */
  setApp(app: Partial<GraphApp>): void {
    this.state.app = { ...this.state.app, ...app };
  }

  get app(): GraphApp {
    return this.state.app;
  }

  failNext(spec: FailSpec): void {
    this.server.faults.push({ kind: 'fail', path: spec.path, remaining: spec.times ?? 1, spec });
  }

  /** Forgets the faults not yet consumed (a fault set with many `times` ends here). */
  clearFaults(): void {
    this.server.faults.length = 0;
  }

  /** Delays the matching request. It is still processed afterwards, as a real timed-out request may be. */
  hangNext(spec: HangSpec): void {
    this.server.faults.push({ kind: 'hang', path: spec.path, remaining: 1, ms: spec.ms });
  }

  /** Destroys the socket of the matching request without answering (a network error for the client). */
  dropNext(spec: DropSpec = {}): void {
    this.server.faults.push({ kind: 'drop', path: spec.path, remaining: 1 });
  }

  // ---------------------------------------------------------------- inspection

  /** Bodies of accepted POST .../messages sends, in order (mark-as-read bodies excluded). */
  sentMessages(): Record<string, any>[] {
    return [...this.state.sent];
  }

  /** wamids passed to mark-as-read, in order. */
  readReceipts(): string[] {
    return [...this.state.reads];
  }

  /** Forgets calls, sends, uploads and pending faults; configured templates and media stay. */
  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.downloads.length = 0;
    this.server.faults.length = 0;
    this.state.sent.length = 0;
    this.state.reads.length = 0;
  }
}
