/**
 * SocketModeSender: SlackSender's deliveries (Events API callbacks, slash commands, interactivity) for an app in
 * Socket Mode. The payloads are the same; each goes in its envelope on the app's WebSocket (socket-mode.ts) instead
 * of being POSTed, signed, to /slack/events. The result reads like the HTTP one, so tests and drivers work on
 * either transport: status 200 when the app acknowledged the envelope, with the ack's `payload` as the body (what
 * Bolt answers over HTTP: empty, or e.g. a command's `{response_type, text}`), or 504 when no ack came in time
 * (Slack would then send it again, as after an HTTP error). Signature options mean nothing on the socket.
 * `post()` is inherited unchanged: it still POSTs to the HTTP URL, which shows that URL is not served.
 */
import { SlackSender, type CommandFields, type SendEventOptions, type SendResult, type SlackSenderOptions } from '../slack-sender';
import type { DeliverOptions, EnvelopeType, SocketModeServer } from './socket-mode';

export class SocketModeSender extends SlackSender {
  constructor(
    opts: SlackSenderOptions,
    private readonly socket: SocketModeServer,
    private readonly ackTimeoutMs?: number,
  ) {
    super(opts);
  }

  /** An Events API body in an `events_api` envelope; a redelivery (retryNum) sets `retry_attempt` / `retry_reason`. */
  override sendEnvelope(envelope: object, opts: SendEventOptions = {}): Promise<SendResult> {
    const retry = opts.retryNum === undefined ? {} : { retryAttempt: opts.retryNum, retryReason: opts.retryReason ?? 'http_timeout' };
    return this.over('events_api', envelope as Record<string, unknown>, retry);
  }

  /** The slash command's fields (as Slack would have posted them) as a `slash_commands` envelope's payload. */
  override sendCommand(fields: CommandFields): Promise<SendResult> {
    return this.over('slash_commands', this.commandFields(fields));
  }

  /** An interaction payload (block_actions, view_submission, …) in an `interactive` envelope. */
  override sendInteraction(payload: object): Promise<SendResult> {
    return this.over('interactive', payload as Record<string, unknown>);
  }

  /** Slack verifies no Request URL in Socket Mode: there is none. */
  override sendUrlVerification(): Promise<SendResult> {
    return Promise.reject(new Error('Socket Mode has no Request URL to verify'));
  }

  private async over(type: EnvelopeType, payload: Record<string, unknown>, opts: DeliverOptions = {}): Promise<SendResult> {
    const ack = await this.socket.deliver(type, payload, { ackTimeoutMs: this.ackTimeoutMs, ...opts });
    if (!ack) return { status: 504, body: '', headers: {} };
    const answer = ack.payload && Object.keys(ack.payload).length > 0 ? JSON.stringify(ack.payload) : '';
    return { status: 200, body: answer, headers: answer ? { 'content-type': 'application/json' } : {} };
  }
}
