/**
 * `npm run bench:startup`: the page's startup on the production build (dist/) as a slow phone
 * sees it (`--dir` for another build): 390×844, CPU throttled 4× through the DevTools protocol, the reader idle. Prints the
 * first text paint, the longest main-thread task after it, the total blocking time after it and
 * the JavaScript (gzip) requested before the page is interactive (its `page:interactive` mark).
 * Median of `--runs` loads (3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { startPreview } from './preview.ts';

interface Task {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __startupTasks: Task[];
  }
}

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 3;
/** `--dir`: another build to measure (dist/ by default), e.g. an older one for comparison. */
const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag >= 0 ? (process.argv[dirFlag + 1] ?? 'dist') : 'dist';
/** How long the page is watched after its load event, the reader idle. */
const WATCH_MS = 4000;

function gzipBytesOf(pathname: string): number {
  const file = join(dir, decodeURIComponent(pathname));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const preview = await startPreview(dir);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const results: {
    paint: number;
    longest: number;
    longestOfAll: number;
    blocking: number;
    js: number;
    jsFiles: number;
    interactive: number;
  }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.__startupTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.__startupTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${preview.origin}/`, { waitUntil: 'load' });
    await page.waitForTimeout(WATCH_MS);
    const { paint, tasks, scripts, interactive } = await page.evaluate(() => {
      // The page's script marks when it answers the reader (src/app/page/adopt-page.svelte.ts).
      const interactive = performance.getEntriesByName('page:interactive')[0]?.startTime ?? Infinity;
      return {
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        tasks: window.__startupTasks,
        interactive,
        scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => entry.initiatorType !== 'fetch' && entry.startTime <= interactive)
          .map((entry) => new URL(entry.name).pathname),
      };
    });
    const js = scripts.filter((path) => ['.js', '.mjs'].includes(extname(path)));
    const after = tasks.filter((task) => task.start + task.duration > paint);
    results.push({
      paint,
      longest: Math.max(0, ...after.map((task) => task.duration)),
      longestOfAll: Math.max(0, ...tasks.map((task) => task.duration)),
      blocking: after.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      js: js.reduce((sum, path) => sum + gzipBytesOf(path), 0),
      jsFiles: js.length,
      interactive,
    });
    await context.close();
  }
  await browser.close();

  const ms = (n: number) => `${Math.round(n)} ms`;
  const rows: [string, string][] = [
    ['first text paint', ms(median(results.map((r) => r.paint)))],
    ['page interactive (its script has started)', ms(median(results.map((r) => r.interactive)))],
    ['longest task after it', ms(median(results.map((r) => r.longest)))],
    ['longest task of the whole load, paint or not', ms(median(results.map((r) => r.longestOfAll)))],
    ['blocking time after it (tasks over 50 ms)', ms(median(results.map((r) => r.blocking)))],
    [
      `JS before interactive (gzip, ${results[0]?.jsFiles ?? 0} files)`,
      `${(median(results.map((r) => r.js)) / 1024).toFixed(1)} KB`,
    ],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`\nProduction build (${dir}/), 390×844, CPU 4× slower, reader idle; median of ${runs}\n`);
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
  console.log(`\nEach run: ${results.map((r) => `${ms(r.longest)}`).join(', ')} (longest task)`);
} finally {
  await preview.stop();
}
