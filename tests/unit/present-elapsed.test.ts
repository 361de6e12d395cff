import { describe, expect, it } from 'vitest';
import { elapsedDuration, formatElapsed } from '../../src/shared/present/elapsed.ts';

describe('formatElapsed', () => {
  it('shows minutes and seconds, both two digits', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(999)).toBe('00:00');
    expect(formatElapsed(1000)).toBe('00:01');
    expect(formatElapsed(59_999)).toBe('00:59');
    expect(formatElapsed(60_000)).toBe('01:00');
    expect(formatElapsed(4 * 60_000 + 7_000)).toBe('04:07');
  });

  it('lets minutes run past an hour, as a lecture can', () => {
    expect(formatElapsed(75 * 60_000 + 3_000)).toBe('75:03');
    expect(formatElapsed(125 * 60_000)).toBe('125:00');
  });

  it('shows 00:00 for a clock that went backwards', () => {
    expect(formatElapsed(-5_000)).toBe('00:00');
  });
});

describe('elapsedDuration', () => {
  it('is an ISO 8601 duration', () => {
    expect(elapsedDuration(0)).toBe('PT0M0S');
    expect(elapsedDuration(75 * 60_000 + 3_500)).toBe('PT75M3S');
  });
});
