/**
 * The `{placeholders}` a saved reply may hold, filled from the conversation when it is sent. An unknown one is refused
 * when the reply is saved (`/wa replies add`), so a typo never reaches a customer as `{custmer_name}`. The list is the
 * one documented in docs/operations.md ("Saved replies").
 */
import type { CustomerRef } from '../../domain/whatsapp';

export interface PlaceholderValues {
  customer: CustomerRef;
  agentName?: string;
  accountName: string;
}

/** Each placeholder, what it becomes, and the value used when the conversation does not know it. */
export const PLACEHOLDERS: Record<string, { means: string; value: (v: PlaceholderValues) => string }> = {
  customer_name: {
    means: 'the customer’s WhatsApp profile name (“there” when unknown)',
    value: (v) => v.customer.name?.trim() || 'there',
  },
  customer_first_name: {
    means: 'the first word of the customer’s profile name (“there” when unknown)',
    value: (v) => v.customer.name?.trim().split(/\s+/)[0] || 'there',
  },
  customer_phone: {
    means: 'the customer’s number, +<digits> (empty when WhatsApp gave only a user id)',
    value: (v) => (v.customer.waId ? `+${v.customer.waId}` : ''),
  },
  agent_name: {
    means: 'the display name of the agent who sends it',
    value: (v) => v.agentName ?? '',
  },
  account_name: {
    means: 'the name of the WhatsApp number (department) it is sent from',
    value: (v) => v.accountName,
  },
};

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Placeholders in `text` that are not in the list, each once, in order. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(n.toLowerCase() in PLACEHOLDERS)))];
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => PLACEHOLDERS[name.toLowerCase()]?.value(values) ?? whole);
}

/** `{customer_name}`, `{customer_first_name}`, … for help texts. */
export const placeholderList = (): string =>
  Object.keys(PLACEHOLDERS)
    .map((n) => `\`{${n}}\``)
    .join(', ');
