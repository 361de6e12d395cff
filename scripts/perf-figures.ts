/**
 * The arithmetic behind `npm run bench` and `npm run lighthouse`, kept pure so it is tested:
 * medians over runs, total blocking time in a window, cumulative layout shift by session
 * windows, and what kind of file a URL is.
 */
import { extname } from 'node:path';

/** A main-thread task as the Long Tasks API reports it (page time, ms). */
export interface Task {
  start: number;
  duration: number;
}

/** A layout shift as the Layout Instability API reports it (page time, ms). */
export interface Shift {
  start: number;
  value: number;
  hadRecentInput: boolean;
}

/** A task blocks input for whatever it runs beyond its first 50 ms. */
const BLOCKING_AFTER_MS = 50;

/**
 * Total blocking time between `from` and `to` (Lighthouse counts from first contentful paint):
 * for each task, the part of it past its first 50 ms that falls inside the window.
 */
export function totalBlockingTime(tasks: Task[], from: number, to: number): number {
  let total = 0;
  for (const task of tasks) {
    const blockingStart = Math.max(task.start + BLOCKING_AFTER_MS, from);
    const blockingEnd = Math.min(task.start + task.duration, to);
    if (blockingEnd > blockingStart) total += blockingEnd - blockingStart;
  }
  return total;
}

/** The longest task that started before `before`; 0 when none (the API reports only tasks ≥ 50 ms). */
export function longestTask(tasks: Task[], before: number): number {
  return Math.max(0, ...tasks.filter((task) => task.start < before).map((task) => task.duration));
}

/**
 * Cumulative layout shift as browsers define it since 2021: shifts not caused by the reader's own
 * input, grouped into session windows (a gap under 1 s, at most 5 s long), the largest window's sum.
 */
export function cumulativeLayoutShift(shifts: Shift[]): number {
  let largest = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].filter((s) => !s.hadRecentInput).sort((a, b) => a.start - b.start)) {
    if (shift.start - previous >= 1000 || shift.start - windowStart >= 5000) {
      windowStart = shift.start;
      windowSum = 0;
    }
    windowSum += shift.value;
    previous = shift.start;
    largest = Math.max(largest, windowSum);
  }
  return largest;
}

export interface Summary {
  /** null when the median run never got there. */
  median: number | null;
  min: number | null;
  max: number | null;
  /** Runs that never got there (within the time allowed). */
  missing: number;
  runs: number;
}

/**
 * Median and range over runs. A run that never got there (null) counts as slower than any that
 * did, so the median is null when most runs never got there; min and max are over the runs that did.
 */
export function summarize(values: Array<number | null>): Summary {
  const reached = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const ordered: Array<number | null> = [...reached, ...Array<null>(values.length - reached.length).fill(null)];
  const middle = (ordered.length - 1) / 2;
  const low = ordered[Math.floor(middle)] ?? null;
  const high = ordered[Math.ceil(middle)] ?? null;
  return {
    median: low === null || high === null ? null : (low + high) / 2,
    min: reached[0] ?? null,
    max: reached.at(-1) ?? null,
    missing: values.length - reached.length,
    runs: values.length,
  };
}

/** "median (min–max)" in the unit `format` gives, and how many runs never got there. */
export function formatSummary(summary: Summary, format: (n: number) => string, never = 'never'): string {
  const { median, min, max, missing, runs } = summary;
  if (runs === 0) return '—';
  const range = min === null || max === null ? '' : min === max ? format(min) : `${format(min)}–${format(max)}`;
  if (median === null) return range ? `${never} (got there in ${runs - missing}/${runs}: ${range})` : never;
  const spread = runs > 1 && min !== max ? ` (${range})` : '';
  return `${format(median)}${spread}${missing > 0 ? `, ${never} in ${missing}/${runs}` : ''}`;
}

export type FileKind = 'HTML' | 'CSS' | 'JS' | 'fonts' | 'images' | 'data' | 'other';

/** What a served file is, by its path's extension (`/` is the page). */
export function kindOf(pathname: string): FileKind {
  const ext = extname(pathname).toLowerCase();
  if (pathname.endsWith('/') || ext === '.html') return 'HTML';
  if (ext === '.js' || ext === '.mjs') return 'JS';
  if (ext === '.css') return 'CSS';
  if (ext === '.woff2' || ext === '.woff' || ext === '.ttf') return 'fonts';
  if (['.svg', '.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico'].includes(ext)) return 'images';
  if (['.geojson', '.json', '.pbf', '.mvt', '.webmanifest'].includes(ext)) return 'data';
  return 'other';
}
