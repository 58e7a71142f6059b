/**
 * Job kind → its handler (one file per kind in handlers/): what the worker runs for a job, and what a refusal it will
 * not retry leaves behind. Adding a job kind is one handler file and one line here (the mapped type makes a missing
 * kind a compile error).
 */
import { DeliveryError } from '../../domain/errors';
import type { JobKind, OutboxJob } from '../../domain/records';
import { chatCardHandler } from './handlers/chat-card';
import { chatChannelNoticeHandler } from './handlers/chat-channel-notice';
import { chatNoticeHandler } from './handlers/chat-notice';
import { chatPostHandler } from './handlers/chat-post';
import { chatReactHandler } from './handlers/chat-react';
import { chatRouteHandler } from './handlers/chat-route';
import { chatStatusHandler } from './handlers/chat-status';
import { chatWindowReminderHandler } from './handlers/chat-window-reminder';
import { ingestHandler } from './handlers/ingest';
import { menuFallbackHandler } from './handlers/menu-fallback';
import { handlerContext, type Explanation, type HandlerDeps, type JobHandler } from './handlers/support/context';
import { whatsappReactHandler } from './handlers/whatsapp-react';
import { whatsappSendHandler } from './handlers/whatsapp-send';
import { whatsappSendAutoHandler } from './handlers/whatsapp-send-auto';
import { whatsappSendInteractiveHandler } from './handlers/whatsapp-send-interactive';
import { whatsappSendMediaHandler } from './handlers/whatsapp-send-media';
import { whatsappSendTemplateHandler } from './handlers/whatsapp-send-template';
import { outboxFailure } from './failures';

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

export class JobRegistry {
  readonly handlers: JobHandlers;
  private readonly log: HandlerDeps['log'];

  constructor(deps: HandlerDeps) {
    const ctx = handlerContext(deps);
    this.log = deps.log;
    this.handlers = {
      ingest: ingestHandler(ctx),
      'chat.post': chatPostHandler(ctx),
      'chat.status': chatStatusHandler(ctx),
      'chat.notice': chatNoticeHandler(ctx),
      'chat.channel_notice': chatChannelNoticeHandler(ctx),
      'chat.react': chatReactHandler(ctx),
      'chat.card': chatCardHandler(ctx),
      'chat.window_reminder': chatWindowReminderHandler(ctx),
      'whatsapp.send': whatsappSendHandler(ctx),
      'whatsapp.send_template': whatsappSendTemplateHandler(ctx),
      'whatsapp.send_media': whatsappSendMediaHandler(ctx),
      'whatsapp.react': whatsappReactHandler(ctx),
      'whatsapp.send_auto': whatsappSendAutoHandler(ctx),
      'whatsapp.send_interactive': whatsappSendInteractiveHandler(ctx),
      'chat.route': chatRouteHandler(ctx),
      'automation.menu_fallback': menuFallbackHandler(ctx),
    };
  }

  private handler(job: OutboxJob): JobHandler<JobKind> {
    return this.handlers[job.kind] as JobHandler<JobKind>;
  }

  run(job: OutboxJob): Promise<void> {
    return this.handler(job).run(job.payload as never, job);
  }

  /**
   * A refusal the outbox does not retry (retryable failures are retried until delivered, and those that need a person
   * are parked, never failed): the job's handler records and tells what it means; a kind without one logs it.
   */
  async onPermanent(job: OutboxJob, error: Error): Promise<void> {
    const explanation: Explanation =
      error instanceof DeliveryError
        ? { ...error.explanation, retryable: false }
        : { ...outboxFailure('internal', 'internal', { meaning: error.message, detail: error.message }), retryable: false };
    if (job.kind.startsWith('chat.')) {
      this.log.error(
        { job: job._id, kind: job.kind, code: explanation.code },
        `delivery to chat refused, not retried: ${explanation.meaning}; ${explanation.action}`,
      );
    }
    await this.handler(job).failed?.(job.payload as never, explanation, job);
  }
}
