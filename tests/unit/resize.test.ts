/**
 * Resizes and rotations keep the reader on the step they were reading: the plan
 * (src/shared/scroll/resize-plan.ts) and the burst of events read as one (src/app/page/resize-burst.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planResize, readingAtBurstStart, type ResizeFacts } from '../../src/shared/scroll/resize-plan.ts';
import { onResizeBurst } from '../../src/app/page/resize-burst.ts';

const facts = (extra: Partial<ResizeFacts> = {}): ResizeFacts => ({
  presenting: false,
  framed: false,
  readingBefore: 4,
  modeChanged: false,
  triggerChanged: false,
  ...extra,
});

describe('resize plan', () => {
  it('puts the reader back on the step they were reading', () => {
    expect(planResize(facts())).toEqual({ kind: 'place', index: 4, restartScroller: false });
  });

  it('sets the scroller up again when the trigger line moved (a phone turned to landscape)', () => {
    expect(planResize(facts({ modeChanged: true, triggerChanged: true }))).toEqual({
      kind: 'place',
      index: 4,
      restartScroller: true,
    });
  });

  it('leaves a reader in the intro where they are', () => {
    expect(planResize(facts({ readingBefore: -1 }))).toEqual({ kind: 'rescan', restartScroller: false });
    expect(planResize(facts({ readingBefore: -1, triggerChanged: true }))).toEqual({
      kind: 'rescan',
      restartScroller: true,
    });
  });

  it('only measures the layout while presenting', () => {
    expect(planResize(facts({ presenting: true, modeChanged: true }))).toEqual({ kind: 'layout' });
  });

  it('in an iframe, growing with its content is no new layout; a new width is', () => {
    expect(planResize(facts({ framed: true }))).toEqual({ kind: 'rescan', restartScroller: false });
    expect(planResize(facts({ framed: true, modeChanged: true, triggerChanged: true }))).toEqual({
      kind: 'place',
      index: 4,
      restartScroller: true,
    });
  });
});

describe('a burst of resize events', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks where the reader is at its first event and settles once, after a quiet spell', () => {
    const target = new EventTarget();
    let reading = 3;
    const began = vi.fn(() => reading);
    const settled = vi.fn();
    onResizeBurst(target, began, settled, 150);
    target.dispatchEvent(new Event('resize'));
    reading = 7; // the reflow moved the page under the trigger line
    vi.advanceTimersByTime(100);
    target.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(100);
    target.dispatchEvent(new Event('resize'));
    expect(settled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(began).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledExactlyOnceWith(3);
  });

  it('starts a new burst after one has settled', () => {
    const target = new EventTarget();
    let reading = 1;
    const settled = vi.fn();
    onResizeBurst(target, () => reading, settled, 150);
    target.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(150);
    reading = 2;
    target.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(150);
    expect(settled.mock.calls).toEqual([[1], [2]]);
  });

  it('stops listening, and drops a pending burst, when stopped', () => {
    const target = new EventTarget();
    const settled = vi.fn();
    const stop = onResizeBurst(target, () => 0, settled, 150);
    target.dispatchEvent(new Event('resize'));
    stop();
    vi.advanceTimersByTime(500);
    target.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(500);
    expect(settled).not.toHaveBeenCalled();
  });
});

describe('readingAtBurstStart', () => {
  const reading = (over: Partial<Parameters<typeof readingAtBurstStart>[0]> = {}) =>
    readingAtBurstStart({ following: true, jumpedTo: null, active: 6, inIntro: () => false, ...over });

  it('is the active step once the page follows the reader', () => {
    expect(reading()).toBe(6);
  });

  it('is the intro (-1) above the first step', () => {
    expect(reading({ inIntro: () => true })).toBe(-1);
  });

  it('is unknown (-1) before the scroller starts: an early scroll is not thrown back to the first step', () => {
    expect(reading({ following: false, active: 0 })).toBe(-1);
  });

  it('is the linked step before the scroller starts when a deep link opened the page there', () => {
    expect(reading({ following: false, jumpedTo: 6 })).toBe(6);
  });
});
