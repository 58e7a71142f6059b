/**
 * What every outbox job handler may use, and the shape of a handler. Every handler is safe to run twice (a crash
 * between the effect and the `done` mark re-runs it): it checks what is already recorded before acting.
 */
import type { ChatAdapter, ChatPlatform } from '../../../../domain/chat';
import { DeliveryError, type FailureExplanation } from '../../../../domain/errors';
import type { WhatsAppMedia, WhatsAppSender } from '../../../../domain/ports/whatsapp';
import type { JobKind, JobPayloads, OutboxJob } from '../../../../domain/records';
import type { Store } from '../../../../domain/store';
import type { Logger } from '../../../../logger';
import type { Accounts } from '../../../accounts';
import type { InboundStages } from '../../../ingest';
import type { SendPacer } from '../../../templates/pacing';
import type { CountAutomatic } from '../../../automation/metrics';
import type { Enqueue } from '../../enqueue';
import { outboxFailure } from '../../failures';

export interface HandlerDeps {
  store: Store;
  accounts: Accounts;
  chats: Partial<Record<ChatPlatform, ChatAdapter>>;
  whatsapp: WhatsAppSender;
  /** Files and reactions to and from WhatsApp. */
  media: WhatsAppMedia;
  /** The stages an `ingest` job's events go to; `statuses` also records send results (inbound/status.ts). */
  inbound: InboundStages;
  enqueue: Enqueue;
  /** Template sends wait for it: the number's throughput and Meta's pair rate. */
  pacer?: Pick<SendPacer, 'acquire'>;
  log: Logger;
  now?: () => Date;
  /** Counts automatic messages by kind and outcome (services/automation/metrics.ts). */
  countAutomatic?: CountAutomatic;
}

export interface HandlerContext extends Omit<HandlerDeps, 'now'> {
  now: () => Date;
  /** The adapter of a platform; a job for one this bridge does not run is refused for good. */
  chat(platform: ChatPlatform): ChatAdapter;
  /** An account by phone number id; a job for one no longer configured is refused for good. */
  account(accountId: string): NonNullable<ReturnType<Accounts['get']>>;
}

export type Explanation = FailureExplanation & { retryable: boolean };

/** One job kind's work, and (optionally) what a refusal the outbox will not retry leaves behind. */
export interface JobHandler<K extends JobKind> {
  run(payload: JobPayloads[K], job: OutboxJob): Promise<void>;
  failed?(payload: JobPayloads[K], explanation: Explanation, job: OutboxJob): Promise<void>;
}

export function handlerContext(deps: HandlerDeps): HandlerContext {
  return {
    ...deps,
    now: deps.now ?? (() => new Date()),
    chat(platform) {
      const adapter = deps.chats[platform];
      if (!adapter)
        throw DeliveryError.permanent(
          platform,
          outboxFailure('not_configured', 'notConfigured', {
            meaning: `${platform} is not configured in this bridge`,
            action: `configure ${platform} or remove it from the account`,
            detail: platform,
          }),
        );
      return adapter;
    },
    account(accountId) {
      const account = deps.accounts.get(accountId);
      if (!account) throw DeliveryError.permanent('whatsapp', noAccount(accountId));
      return account;
    },
  };
}

/** A job for a number no longer in the configuration: refused for good, the number named. */
export const noAccount = (accountId: string) =>
  outboxFailure('no_account', 'noAccount', { meaning: `number ${accountId} is no longer configured`, detail: accountId });
