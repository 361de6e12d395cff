import { describe, expect, it } from 'vitest';
import {
  cumulativeLayoutShift,
  formatSummary,
  kindOf,
  longestTask,
  summarize,
  totalBlockingTime,
} from '../../scripts/perf-figures.ts';

describe('totalBlockingTime', () => {
  it('counts what each task runs past its first 50 ms', () => {
    expect(
      totalBlockingTime(
        [
          { start: 100, duration: 120 },
          { start: 400, duration: 40 },
        ],
        0,
        1000,
      ),
    ).toBe(70);
  });

  it('counts only the blocking part inside the window', () => {
    // Blocking from 150 to 300; the window starts at 200 (first paint) and ends at 250.
    expect(totalBlockingTime([{ start: 100, duration: 200 }], 200, 250)).toBe(50);
    // A task that starts at the window's end blocks nothing inside it.
    expect(totalBlockingTime([{ start: 250, duration: 200 }], 0, 250)).toBe(0);
  });
});

describe('longestTask', () => {
  it('is the longest task started before the moment, 0 with none', () => {
    const tasks = [
      { start: 10, duration: 80 },
      { start: 500, duration: 300 },
    ];
    expect(longestTask(tasks, 400)).toBe(80);
    expect(longestTask(tasks, 600)).toBe(300);
    expect(longestTask([], 600)).toBe(0);
  });
});

describe('cumulativeLayoutShift', () => {
  it('is the largest session window, shifts under 1 s apart belonging together', () => {
    const shifts = [
      { start: 0, value: 0.01, hadRecentInput: false },
      { start: 900, value: 0.02, hadRecentInput: false },
      { start: 3000, value: 0.025, hadRecentInput: false },
    ];
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.03);
  });

  it('closes a window after 5 s even with shifts every half second', () => {
    const shifts = Array.from({ length: 12 }, (_, i) => ({ start: i * 500, value: 0.01, hadRecentInput: false }));
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.1);
  });

  it('leaves out shifts the reader caused', () => {
    expect(cumulativeLayoutShift([{ start: 0, value: 0.3, hadRecentInput: true }])).toBe(0);
  });
});

describe('summarize', () => {
  it('gives the median and range', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, missing: 0, runs: 3 });
    expect(summarize([4, 1, 2, 3]).median).toBe(2.5);
  });

  it('counts a run that never got there as the slowest', () => {
    expect(summarize([5, null, 1])).toEqual({ median: 5, min: 1, max: 5, missing: 1, runs: 3 });
    expect(summarize([5, null, null]).median).toBeNull();
  });

  it('formats as median (min–max) and says how many runs never got there', () => {
    const s = (n: number) => `${n} s`;
    expect(formatSummary(summarize([3, 1, 2]), s)).toBe('2 s (1 s–3 s)');
    expect(formatSummary(summarize([2, 2]), s)).toBe('2 s');
    expect(formatSummary(summarize([5, null, 1]), s, 'never')).toBe('5 s (1 s–5 s), never in 1/3');
    expect(formatSummary(summarize([null, null, 1]), s, 'never')).toBe('never (got there in 1/3: 1 s)');
  });
});

describe('kindOf', () => {
  it('sorts served files by extension', () => {
    expect(kindOf('/')).toBe('HTML');
    expect(kindOf('/assets/index-abc.js')).toBe('JS');
    expect(kindOf('/assets/app.css')).toBe('CSS');
    expect(kindOf('/assets/font.woff2')).toBe('fonts');
    expect(kindOf('/assets/map-kurils-123.svg')).toBe('images');
    expect(kindOf('/assets/land-abc.geojson')).toBe('data');
    expect(kindOf('/sw.js')).toBe('JS');
  });
});
