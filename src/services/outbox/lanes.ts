/**
 * Which lanes have a job in flight in this worker, and which finished while a poll was reading. A poll reads only
 * pending jobs: a head that was running during the read is missing from it, so the lane's next job looks like the
 * head. If that head then went back to pending (parked, backing off), the next job must not run before it. So a poll
 * takes a mark before it reads, and skips every lane that finished after that mark; the finish wakes a fresh poll,
 * which reads the lane again (test/unit/src/services/outbox/worker-lanes.test.ts).
 */
export class LaneTracker {
  private readonly active = new Set<string>();
  /** Each lane's last finish, numbered in order. */
  private readonly finishedAt = new Map<string, number>();
  private finishes = 0;

  /** Taken before a poll reads the outbox. */
  mark(): number {
    return this.finishes;
  }

  /** Whether the poll that read after `mark` may start this lane's head: nothing runs on it, nothing ended since. */
  mayStart(lane: string, mark: number): boolean {
    return !this.active.has(lane) && (this.finishedAt.get(lane) ?? 0) <= mark;
  }

  started(lane: string): void {
    this.active.add(lane);
  }

  finished(lane: string): void {
    this.finishedAt.set(lane, ++this.finishes);
    this.active.delete(lane);
  }

  /** After the poll that took `mark`: one poll reads at a time, so no later one can have missed these finishes. */
  forget(mark: number): void {
    for (const [lane, n] of this.finishedAt) if (n <= mark) this.finishedAt.delete(lane);
  }

  get running(): ReadonlySet<string> {
    return this.active;
  }
}
