/**
 * Keeps template sends under Meta's limits (notes §10): a number's throughput (80 messages per second by
 * default) and the pair rate (one message every 6 seconds to the same user; more gives 131056).
 * Slots are reserved before waiting, so concurrent sends each get their own.
 */
export interface PacerOptions {
  /** Messages per second for a business number (phone number id). */
  perSecond: (accountId: string) => number;
  /** Minimum gap between two messages to the same user. */
  pairIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const PAIR_INTERVAL_MS = 6000;

export class SendPacer {
  private readonly nextFree = new Map<string, number>();
  private readonly lastToUser = new Map<string, number>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: PacerOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Resolves when a message from `accountId` to `recipient` may go out; the slot is then taken. */
  async acquire(accountId: string, recipient: string): Promise<void> {
    // First the pair rate: only this customer's messages wait for it, …
    const pairKey = `${accountId}:${recipient}`;
    let now = this.now();
    const last = this.lastToUser.get(pairKey);
    const pairAt = last === undefined ? now : Math.max(now, last + this.opts.pairIntervalMs);
    this.lastToUser.set(pairKey, pairAt);
    this.forgetOld(now);
    if (pairAt > now) await this.sleep(pairAt - now);
    // … then the number's throughput, shared by every send from it.
    now = this.now();
    const at = Math.max(now, this.nextFree.get(accountId) ?? 0);
    this.nextFree.set(accountId, at + 1000 / Math.max(this.opts.perSecond(accountId), 0.001));
    if (this.lastToUser.get(pairKey) === pairAt) this.lastToUser.set(pairKey, at);
    if (at > now) await this.sleep(at - now);
  }

  private forgetOld(now: number): void {
    if (this.lastToUser.size < 10_000) return;
    for (const [k, t] of this.lastToUser) if (now - t > this.opts.pairIntervalMs) this.lastToUser.delete(k);
  }
}
