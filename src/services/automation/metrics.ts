/**
 * The one counter of automatic messages (issue 13), by kind and outcome: an operator sees how many away messages,
 * greetings and keyword replies went out, and how many were held back (window closed, an agent replied, switched off).
 * Its name is defined here only (the metric prefix is the one src/http/metrics.ts uses).
 */
import { Counter, type Registry } from 'prom-client';
import type { AutomaticKind } from '../../domain/automatic';

export const AUTOMATIC_MESSAGES_METRIC = 'whatsapp_bridge_automatic_messages_total';

/**
 * sent: the answer itself; template: the approved template in its place (window closed); routed / fallback: a menu's
 * choice routed the conversation, by the customer's tap or by the fallback; the others: nothing sent.
 */
export type AutomaticOutcome = 'sent' | 'template' | 'window_closed' | 'agent_replied' | 'switched_off' | 'failed' | 'routed' | 'fallback';

export type CountAutomatic = (kind: AutomaticKind, outcome: AutomaticOutcome) => void;

export function automaticMessagesCounter(registry: Registry): CountAutomatic {
  const counter = new Counter({
    name: AUTOMATIC_MESSAGES_METRIC,
    help: 'Automatic messages (away, greeting, keyword, menu) by kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  return (kind, outcome) => counter.inc({ kind, outcome });
}
