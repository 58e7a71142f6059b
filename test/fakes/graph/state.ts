/**
 * What the fake Graph API holds: the requests it received, accepted sends and read receipts, media
 * (uploaded or seeded) and templates per WhatsApp Business Account, plus the hooks tests set on sends.
 */
import { createHash } from 'node:crypto';
import type { GraphApp, GraphPhoneNumber, GraphTokenInfo } from './account';
import type { GraphCall, GraphTemplate, MediaDownload, MediaSpec, StoredMedia, UploadedMedia } from './types';

export class GraphState {
  readonly calls: GraphCall[] = [];
  readonly uploads: UploadedMedia[] = [];
  /** Media downloads served (GET on the download URL), in order. */
  readonly downloads: MediaDownload[] = [];
  readonly media = new Map<string, StoredMedia>();
  readonly templates = new Map<string, GraphTemplate[]>();
  /** Bodies of accepted sends (mark-as-read excluded). */
  readonly sent: Record<string, any>[] = [];
  /** wamids passed to mark-as-read. */
  readonly reads: string[] = [];
  /** Called with each successfully accepted message body (not for mark-as-read). */
  onMessageSent?: (body: Record<string, any>, wamid: string) => void;
  /** Awaited after a send is accepted and before its HTTP answer goes out (see FakeGraphApi). */
  beforeSendResponse?: (wamid: string) => Promise<void>;
  /** The wamid accepted while answering the current request, if any. */
  lastWamid?: string;
  /** What debug_token says of the access token (default: valid, never expires, both WhatsApp permissions). */
  tokenInfo: GraphTokenInfo = { is_valid: true, expires_at: 0, scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'] };
  /** When set, every call with the access token answers 190 "Session has expired" (subcode 463). */
  tokenExpired = false;
  /** Business numbers by phone number id (for GET /{id} and /{waba}/phone_numbers). */
  readonly phoneNumbers = new Map<string, GraphPhoneNumber>();
  /** WABAs the app is subscribed to (GET /{waba}/subscribed_apps). */
  readonly subscribedWabas = new Set<string>();
  app: GraphApp = { id: '1234567890123456', name: 'WhatsApp Bridge', secret: 'test-app-secret' };
  private counter = 0;
  /** Tokens the fake takes (`Authorization: Bearer …`); any other is refused with Meta's 190. */
  validTokens: Set<string>;

  constructor(
    readonly accessToken: string,
    /** Graph version segment to require; undefined = any `vNN.N`. */
    readonly requiredVersion: string | undefined,
    /** Base URL of the fake (known once it listens), for paging and download URLs. */
    readonly url: () => string,
  ) {
    this.validTokens = new Set([accessToken]);
  }

  /** One counter numbers wamids and uploaded media ids alike. */
  nextCounter(): number {
    return ++this.counter;
  }

  addMedia(id: string, spec: MediaSpec): void {
    this.media.set(id, { ...spec, sha256: createHash('sha256').update(spec.bytes).digest('hex') });
  }
}
