/**
 * How Slack reaches the bridge, chosen by SLACK_APP_TOKEN: Bolt's ExpressReceiver on our express server (POST
 * /slack/events, signed with SLACK_SIGNING_SECRET), or Socket Mode: a WebSocket the bridge opens itself
 * (apps.connections.open with the app-level token), so Slack needs no public URL and /slack/events is not mounted.
 * Bolt's receivers are pluggable transports behind one small interface (bolt-js src/types/receiver.ts); everything
 * registered on the App (inbound.ts) works the same over either. Either way Slack's acknowledgement waits until
 * Bolt has processed the request, so an ack means "stored" and a failure leaves Slack to retry.
 */
import { App, ExpressReceiver, SocketModeReceiver, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Express } from 'express';
import type { Logger } from '../../src/logger';
import { boltLogger, slackCode } from './outbound';

export interface SlackTransport {
  readonly receiver: Receiver;
  readonly socketMode: boolean;
  /** Slack can reach the bridge now (Socket Mode: the WebSocket is open; it is closed while reconnecting). */
  connected(): boolean;
  /** Opens the connection (Socket Mode: resolves on Slack's `hello`); nothing to do over HTTP. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TransportOptions {
  signingSecret?: string;
  appToken?: string;
  apiUrl: string;
  /** Our express app: the HTTP receiver mounts /slack/events on it (unused in Socket Mode). */
  http?: Express;
  log: Logger;
  /** Socket Mode: the wait between reconnection attempts after the first, immediate one. */
  reconnectRetryMs?: number;
}

/** How long stop() waits for Slack to answer the WebSocket close handshake. */
const CLOSE_WAIT_MS = 3000;
/** apps.connections.open answers that no retry fixes (the app-level token is wrong or revoked). */
export const FATAL_APP_TOKEN = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'not_allowed_token_type']);
/** A refused app-level token is retried rarely (it may be reinstated), not in a tight loop. */
const FATAL_RETRY_MS = 60_000;

export function createSlackTransport(o: TransportOptions): SlackTransport {
  return o.appToken ? socketModeTransport(o.appToken, o) : httpTransport(o);
}

function httpTransport(o: TransportOptions): SlackTransport {
  // src/config.ts already refuses a Slack side with neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN.
  if (!o.signingSecret || !o.http) throw new Error('the HTTP receiver needs SLACK_SIGNING_SECRET and the express app');
  const receiver = new ExpressReceiver({
    signingSecret: o.signingSecret,
    endpoints: '/slack/events',
    // Hold the HTTP answer until the reply is persisted: a Slack ack then means "stored".
    processBeforeResponse: true,
    app: o.http,
    logger: boltLogger(o.log),
  });
  return { receiver, socketMode: false, connected: () => true, start: () => Promise.resolve(), stop: () => Promise.resolve() };
}

/**
 * Bolt's SocketModeReceiver acks an Events API envelope before the listeners run (App.processEvent: "Events API
 * requests are acknowledged right away"), and a command's or view's ack as soon as the listener calls ack(). Over
 * HTTP, processBeforeResponse holds the answer until the listeners are done; this receiver does the same on the
 * socket: ack() only records the answer, which is sent once processEvent has resolved. A listener that throws
 * (the database is away) leaves the envelope unacknowledged, and Slack sends it again (retry_attempt), as it does
 * after an HTTP 500. Slack waits 3 s for an ack either way.
 */
class AckWhenProcessedReceiver extends SocketModeReceiver {
  constructor(
    options: ConstructorParameters<typeof SocketModeReceiver>[0],
    private readonly log: Logger,
  ) {
    super(options);
  }

  override init(app: App): void {
    // The receiver only ever calls app.processEvent: an App whose processEvent defers the ack stands in for it.
    const deferring = Object.create(app) as App;
    deferring.processEvent = async (event: ReceiverEvent) => {
      let answer: { body: unknown } | undefined;
      await app.processEvent({
        ...event,
        ack: (body?: unknown) => {
          answer ??= { body };
          return Promise.resolve();
        },
      });
      if (answer) await event.ack(answer.body);
      else this.log.warn({ type: event.body.type }, 'no listener acknowledged a Socket Mode request; Slack will show an error');
    };
    super.init(deferring);
  }
}

function socketModeTransport(appToken: string, o: TransportOptions): SlackTransport {
  const receiver = new AckWhenProcessedReceiver(
    {
      appToken,
      logger: boltLogger(o.log),
      // Reconnecting is ours (below): the client's own loop waits a ping timeout (5 s) before each attempt and leaves
      // a failed attempt as an unhandled rejection (@slack/socket-mode SocketModeClient.delayReconnectAttempt).
      autoReconnectEnabled: false,
      // apps.connections.open goes where the Web API is (the fake in tests). No retryConfig: the client then gives
      // that call its own (100 retries) while Slack cannot be reached.
      installerOptions: { clientOptions: { slackApiUrl: o.apiUrl } },
    },
    o.log,
  );
  const client = receiver.client;
  const retryMs = o.reconnectRetryMs ?? 5000;
  let open = false;
  let started = false;
  let stopping = false;
  let reconnecting: Promise<void> | undefined;

  /** Opens a new connection at once (Slack: "be ready to … connect to new WebSocket URLs as quickly as possible"), then retries. */
  const reconnect = () => {
    if (stopping || reconnecting) return;
    reconnecting = (async () => {
      for (let attempt = 0; !stopping; attempt += 1) {
        try {
          await receiver.start();
          return;
        } catch (err) {
          const code = slackCode(err);
          if (code && FATAL_APP_TOKEN.has(code))
            o.log.error({ code }, `SLACK_APP_TOKEN was refused by Slack (${code}): no Slack events arrive until it is replaced`);
          else o.log.warn({ err, attempt }, 'Slack Socket Mode reconnection failed; retrying');
          await new Promise((r) => setTimeout(r, code && FATAL_APP_TOKEN.has(code) ? FATAL_RETRY_MS : retryMs));
        }
      }
    })().finally(() => {
      reconnecting = undefined;
    });
  };

  // Lifecycle events of @slack/socket-mode's SocketModeClient: `connected` follows Slack's hello; `disconnected` follows
  // every closed socket (Slack's `disconnect` message — refresh_requested, warning — a lost network, or our stop()).
  client.on('connected', () => {
    open = true;
    o.log.info('Slack Socket Mode connection open');
  });
  client.on('disconnected', () => {
    const was = open;
    open = false;
    if (!started || stopping) return;
    if (was) o.log.info('Slack Socket Mode connection closed; reconnecting');
    reconnect();
  });
  return {
    receiver,
    socketMode: true,
    connected: () => open,
    start: async () => {
      await receiver.start();
      started = true;
    },
    stop: async () => {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WAIT_MS);
      });
      await Promise.race([client.disconnect(), gaveUp]);
      clearTimeout(timer);
      open = false;
    },
  };
}
