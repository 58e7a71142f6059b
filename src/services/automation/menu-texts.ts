/**
 * What the bridge writes in threads about the first-contact menu (issue 13 point 5), in English, gathered here so they
 * move into the agents' message catalogue (i18n) in one step.
 */
export const MENU_TEXTS = {
  /** Where the conversation went, in the thread it leaves (`where`: a link to the new thread, or the channel). */
  movedTo: (choice: string, account: string, where: string) => `🤖 menu: customer chose ${choice} → routed to ${account}: the conversation goes on in ${where}`,
  /** In the new thread: which choice brought it, and a link back (`from`: the earlier thread, or undefined). */
  movedFrom: (choice: string, from?: string) => `🤖 menu: customer chose ${choice}${from ? `; the conversation so far: ${from}` : ''}`,
  /** The thread stays: the account's own channel, or a label. */
  chose: (choice: string, outcome: string) => `🤖 menu: customer chose ${choice} → ${outcome}`,
  routedHere: (account: string) => `routed to ${account}`,
  labelled: (label: string) => `label ${label}`,
  /** The fallback's choice, as it reads in the lines above. */
  noAnswer: (minutes: number) => `nothing within ${minutes} min (default route)`,
  stays: 'stays here',
  /** The card's line for a label route (services/present/card.ts). */
  cardLabel: (label: string) => `🏷️ Label: *${label}*`,
  /** A platform without thread links (no cards): the channel instead. */
  channel: (channelId: string) => `channel ${channelId}`,
} as const;
