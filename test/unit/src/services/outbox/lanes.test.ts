/** The worker's lane bookkeeping (src/services/outbox/lanes.ts); the worker's own use is worker-lanes.test.ts. */
import { LaneTracker } from '../../../../../src/services/outbox/lanes';

test('a lane with a job in flight cannot start another; once finished it can, for a poll that read after the finish', () => {
  const lanes = new LaneTracker();
  const before = lanes.mark();
  lanes.started('a');
  expect(lanes.mayStart('a', before)).toBe(false);
  expect(lanes.mayStart('b', before)).toBe(true);
  expect([...lanes.running]).toEqual(['a']);
  lanes.finished('a');
  expect(lanes.running.size).toBe(0);
  // The poll that read before the finish may have missed the head: it must not start the lane.
  expect(lanes.mayStart('a', before)).toBe(false);
  expect(lanes.mayStart('a', lanes.mark())).toBe(true);
});

test('forget drops only finishes a poll with that mark has seen', () => {
  const lanes = new LaneTracker();
  lanes.started('a');
  lanes.finished('a');
  const mark = lanes.mark();
  lanes.started('b');
  lanes.finished('b');
  lanes.forget(mark);
  // `b` finished after the mark: an older read could still lack its head, so it stays remembered.
  expect(lanes.mayStart('a', 0)).toBe(true);
  expect(lanes.mayStart('b', mark)).toBe(false);
});
