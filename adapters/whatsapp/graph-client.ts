/** The Graph API calls the bridge makes, on Node's fetch. Every failure comes back as a typed DeliveryError. */
import { DeliveryError } from '../../src/domain/errors';
import type { ListMessage, ReplyButtons } from '../../src/domain/interactive';
import type { CustomerRef } from '../../src/domain/whatsapp';
import { graphHttpError, isTokenRefused } from './errors';

export interface GraphClientOptions {
  baseUrl: string;
  version: string;
  timeoutMs?: number;
}

export interface GraphAccount {
  phoneNumberId: string;
  accessToken: string;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  return Number.isFinite(s) ? s * 1000 : undefined;
}

export class GraphClient {
  constructor(private readonly opts: GraphClientOptions) {}

  private url(path: string): string {
    return `${this.opts.baseUrl}/${this.opts.version}/${path}`;
  }

  async request(account: GraphAccount, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers: { authorization: `Bearer ${account.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw DeliveryError.retryable('whatsapp', {
        code: timedOut ? 'timeout' : 'network',
        meaning: timedOut ? 'the Graph API did not answer in time' : `the Graph API could not be reached (${(err as Error).message})`,
        action: 'nothing: the bridge retries',
      });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (!res.ok) throw graphHttpError(res.status, json, retryAfterMs(res.headers.get('retry-after')));
    return json;
  }

  /**
   * Whether Meta takes the account's token: the cheapest read there is (the phone number node, its id only). Graph checks
   * the token before it looks the node up, so any answer but a token error (190, 401) means the token is taken; no answer
   * (network, 5xx) proves nothing and rejects.
   */
  async checkToken(account: GraphAccount): Promise<void> {
    try {
      await this.request(account, 'GET', `${account.phoneNumberId}?fields=id`);
    } catch (err) {
      if (isTokenRefused(err) || !(err instanceof DeliveryError) || err.retryable) throw err;
    }
  }

  /** Sends a text; returns the wamid. A 200 means accepted by Meta, not delivered. */
  async sendText(account: GraphAccount, to: CustomerRef, text: string, replyToWamid?: string): Promise<string> {
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...recipientOf(to),
      type: 'text',
      text: { body: text, preview_url: /https?:\/\//.test(text) },
      ...(replyToWamid ? { context: { message_id: replyToWamid } } : {}),
    };
    return this.send(account, body);
  }

  /**
   * Reply buttons, Meta's body for an interactive `button` message
   * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages).
   */
  sendButtons(account: GraphAccount, to: CustomerRef, m: ReplyButtons): Promise<string> {
    return this.sendInteractive(account, to, 'button', m, { buttons: m.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) });
  }

  /**
   * A list, Meta's body for an interactive `list` message
   * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages): the button that
   * opens it and its sections of rows; a section's title and a row's description only when given.
   */
  sendList(account: GraphAccount, to: CustomerRef, m: ListMessage): Promise<string> {
    return this.sendInteractive(account, to, 'list', m, {
      button: m.button,
      sections: m.sections.map((s) => ({
        ...(s.title ? { title: s.title } : {}),
        rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
      })),
    });
  }

  /** What both interactive types share: the optional text header and footer around the body, then the type's action. */
  private sendInteractive(
    account: GraphAccount,
    to: CustomerRef,
    type: 'button' | 'list',
    m: { header?: string; body: string; footer?: string },
    action: Record<string, unknown>,
  ): Promise<string> {
    return this.send(account, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...recipientOf(to),
      type: 'interactive',
      interactive: {
        type,
        ...(m.header ? { header: { type: 'text', text: m.header } } : {}),
        body: { text: m.body },
        ...(m.footer ? { footer: { text: m.footer } } : {}),
        action,
      },
    });
  }

  private async send(account: GraphAccount, body: Record<string, unknown>): Promise<string> {
    const res = (await this.request(account, 'POST', `${account.phoneNumberId}/messages`, body)) as { messages?: { id?: string }[] };
    const wamid = res.messages?.[0]?.id;
    if (!wamid) {
      throw DeliveryError.permanent('whatsapp', {
        code: 'no_wamid',
        meaning: 'the Graph API accepted the message but returned no message id',
        action: 'check the message on the customer’s side',
      });
    }
    return wamid;
  }
}

/** `to` with a leading + so Meta never prepends the business's own country code. */
export function recipientOf(to: CustomerRef): { to: string } | { recipient: string } {
  if (to.waId) return { to: `+${to.waId.replace(/^\+/, '')}` };
  // A customer known only by a business-scoped user id (2026): Meta's BSUID guide sends with `recipient`
  // in place of `to`. Not checked against a live account here (see the closing note of the foundation issue).
  if (to.userId) return { recipient: to.userId };
  throw DeliveryError.permanent('whatsapp', {
    code: 'no_recipient',
    meaning: 'the customer has neither a phone number nor a user id',
    action: 'this conversation cannot be answered',
  });
}
