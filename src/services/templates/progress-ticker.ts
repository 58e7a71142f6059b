/**
 * The timer behind a bulk send's progress message (bulk.ts): runs `tick` every `everyMs` while it reports open work,
 * and stops at the first tick that finds none; `wake()` starts it again when new work is stored.
 *
 * A tick that found nothing open stops the timer only if no `wake()` came while it ran: a bulk stored while that
 * tick's query was in flight is not in what the query returned. Stopping then (as the timer once did) left that bulk
 * without a progress message and without its final report until the next restart (templates-bulk's restart test
 * caught it: a `/wa template` right after start-up met the start-up tick).
 */
export class ProgressTicker {
  private timer?: NodeJS.Timeout;
  private running = false;
  private wakes = 0;

  constructor(
    private readonly tick: () => Promise<boolean>,
    private readonly everyMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** New open work: ticks until a tick that started after this call finds none. */
  wake(): void {
    this.wakes++;
    if (this.timer) return;
    this.timer = setInterval(() => void this.run(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get active(): boolean {
    return this.timer !== undefined;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const wakes = this.wakes;
    try {
      const open = await this.tick();
      if (!open && wakes === this.wakes) this.stop();
    } catch (err) {
      this.onError(err);
    } finally {
      this.running = false;
    }
  }
}
