import { describe, expect, it } from 'vitest';
import { activeIndexAt, progressWithin, scrollTopFor } from '../../src/shared/scroll/active-step.ts';

describe('activeIndexAt', () => {
  const tops = [100, 900, 1700, 2500];

  it('is the first step before any step reaches the trigger line', () => {
    expect(activeIndexAt([600, 1400], 400)).toBe(0);
  });

  it('is the last step whose top has passed the line', () => {
    expect(activeIndexAt(tops, 1000)).toBe(1);
    expect(activeIndexAt(tops, 1700)).toBe(2);
  });

  it('is the last step after a jump to the end, whatever happened on the way', () => {
    expect(
      activeIndexAt(
        tops.map((t) => t - 5000),
        400,
      ),
    ).toBe(3);
  });
});

describe('progressWithin', () => {
  it('runs from 0 at the top of the step to 1 at its bottom', () => {
    expect(progressWithin(400, 800, 400)).toBe(0);
    expect(progressWithin(0, 800, 400)).toBe(0.5);
    expect(progressWithin(-800, 800, 400)).toBe(1);
  });

  it('clamps, and treats an empty step as complete', () => {
    expect(progressWithin(1000, 800, 400)).toBe(0);
    expect(progressWithin(0, 0, 400)).toBe(1);
  });
});

describe('scrollTopFor', () => {
  it('puts the step just past the trigger line', () => {
    const line = 422;
    const scroll = scrollTopFor(3000, line);
    expect(3000 - scroll).toBeLessThan(line);
    expect(activeIndexAt([1000 - scroll, 3000 - scroll, 5000 - scroll], line)).toBe(1);
  });

  it('never scrolls above the page', () => {
    expect(scrollTopFor(10, 400)).toBe(0);
  });
});
