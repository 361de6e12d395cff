/**
 * `npm run bench [-- --runs 3] [--json] [--timeout 20]`: how soon a reader on a slow phone gets
 * the text and the live map. Loads the production build (dist/, gzip-compressed as a host would
 * send it) in the system's headless Chromium, as a 390×844 phone on Lighthouse's mobile network
 * (150 ms RTT, 1.6 Mbps down, 750 Kbps up, applied per request as Lighthouse's DevTools
 * throttling does) with the CPU slowed 4×, twice per run: the reader idle (no input at all), and
 * the reader scrolling at DOMContentLoaded. A benchmark, not a test: it prints figures (median
 * and range over the runs) next to the targets, and with --json writes test-results/bench.json.
 *
 * The first live map frame is seen from the page alone (the production build has no test hook):
 * the first animation frame in which the map's canvas is in the page and the still picture that
 * stands in for it (`.map-fallback`) is gone or no longer fully shown. The app removes that
 * picture when the map reports its first `idle` (everything in view drawn).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import {
  cumulativeLayoutShift,
  formatSummary,
  kindOf,
  longestTask,
  summarize,
  totalBlockingTime,
  type FileKind,
  type Shift,
  type Task,
} from './perf-figures.ts';
import { OFFLINE_RESOLVER_RULES } from './offline-browser.ts';
import { startPreview } from './preview.ts';

/** Lighthouse 12's mobile throttling as DevTools applies it (lighthouse-core/config/constants.js). */
const THROTTLING = {
  rttMs: 150,
  downloadKbps: 1.6 * 1024,
  uploadKbps: 750,
  cpuSlowdown: 4,
  /** Per-request throttling needs the RTT scaled up and the throughput down to match a real link. */
  requestLatencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadBytesPerSecond: (750 * 0.9 * 1024) / 8,
};

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

type Scenario = 'idle' | 'scrolling';

interface PageFigures {
  firstContentfulPaint: number | null;
  largestContentfulPaint: number | null;
  domContentLoadedEnd: number;
  scrolledAt: number | null;
  canvasAt: number | null;
  mapShownAt: number | null;
  tasks: Task[];
  shifts: Shift[];
  timeOrigin: number;
}

interface RunResult {
  scenario: Scenario;
  textPainted: number | null;
  largestContentfulPaint: number | null;
  interactive: number;
  scrolledAt: number | null;
  /** The map library is running: its canvas is in the page (still under the still picture). */
  mapCanvas: number | null;
  firstLiveMap: number | null;
  longestTaskBeforeMap: number;
  totalBlockingTimeBeforeMap: number;
  longTasksBeforeMap: number;
  cumulativeLayoutShift: number;
  /** Transferred bytes (gzip) of the requests made before the page was interactive, by kind. */
  bytesBeforeInteractive: Partial<Record<FileKind, number>>;
  bytesBeforeFirstLiveMap: number;
  /** Every request, for the waterfall (page time, ms; transferred bytes). */
  requests: Array<{ path: string; kind: FileKind; startedAt: number; finishedAt: number | null; bytes: number }>;
  otherOrigins: string[];
}

declare global {
  interface Window {
    __bench: {
      tasks: Task[];
      shifts: Shift[];
      largestPaint: number | null;
      scrolledAt: number | null;
      canvasAt: number | null;
      mapShownAt: number | null;
    };
    __benchMapShown?: () => void;
  }
}

/** Runs in the page before its own scripts: records tasks, shifts, the first scroll and the first live map frame. */
function instrumentPage(): void {
  const bench: Window['__bench'] = {
    tasks: [],
    shifts: [],
    largestPaint: null,
    scrolledAt: null,
    canvasAt: null,
    mapShownAt: null,
  };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
      bench.shifts.push({ start: entry.startTime, value: entry.value, hadRecentInput: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  // Reported only to observers, and only until the reader's first input, as in Lighthouse.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.largestPaint = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const scrolled = () => {
    bench.scrolledAt ??= performance.now();
    removeEventListener('scroll', scrolled, true);
    removeEventListener('wheel', scrolled, true);
  };
  addEventListener('scroll', scrolled, { capture: true, passive: true });
  addEventListener('wheel', scrolled, { capture: true, passive: true });

  const standingIn = (picture: Element | null) => {
    if (!picture) return false;
    const style = getComputedStyle(picture);
    return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) >= 1;
  };
  const poll = (frameTime: number) => {
    const canvas = document.querySelector('canvas.maplibregl-canvas');
    if (canvas) bench.canvasAt ??= frameTime;
    if (canvas && !standingIn(document.querySelector('.map-fallback'))) {
      bench.mapShownAt = frameTime;
      window.__benchMapShown?.();
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function measure(browser: Browser, origin: string, scenario: Scenario, timeoutMs: number): Promise<RunResult> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLING.requestLatencyMs,
      downloadThroughput: THROTTLING.downloadBytesPerSecond,
      uploadThroughput: THROTTLING.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });

    let mapShown!: () => void;
    const shown = new Promise<void>((resolve) => (mapShown = resolve));
    await page.exposeFunction('__benchMapShown', () => mapShown());
    // tsx keeps function names with a `__name` helper the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(instrumentPage);

    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    if (scenario === 'scrolling') {
      // A reader's wheel (a real input event, not a script's scroll) as soon as the page has loaded.
      page.once('domcontentloaded', () => void page.mouse.wheel(0, 300).catch(() => undefined));
    }

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await Promise.race([shown, deadline]);
    clearTimeout(timer);
    const figures: PageFigures = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        largestContentfulPaint: window.__bench.largestPaint,
        domContentLoadedEnd: navigation?.domContentLoadedEventEnd ?? NaN,
        scrolledAt: window.__bench.scrolledAt,
        canvasAt: window.__bench.canvasAt,
        mapShownAt: window.__bench.mapShownAt,
        tasks: window.__bench.tasks,
        shifts: window.__bench.shifts,
        timeOrigin: performance.timeOrigin,
      };
    });
    return await resultOf(scenario, figures, requests, origin);
  } finally {
    await context.close();
  }
}

async function resultOf(
  scenario: Scenario,
  page: PageFigures,
  requests: Request[],
  origin: string,
): Promise<RunResult> {
  const end = page.mapShownAt ?? Infinity;
  const bytesBeforeInteractive: Partial<Record<FileKind, number>> = {};
  let bytesBeforeFirstLiveMap = 0;
  const otherOrigins = new Set<string>();
  const waterfall: RunResult['requests'] = [];
  for (const request of requests) {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    if (url.origin !== origin) otherOrigins.add(url.origin);
    const response = await request.response().catch(() => null);
    if (!response) continue;
    const sizes = await request.sizes().catch(() => null);
    const bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
    // Playwright times requests in wall-clock ms; the page counts from its own time origin.
    const startedAt = request.timing().startTime - page.timeOrigin;
    if (startedAt < page.domContentLoadedEnd) {
      const kind = kindOf(url.pathname);
      bytesBeforeInteractive[kind] = (bytesBeforeInteractive[kind] ?? 0) + bytes;
    }
    if (startedAt < end) bytesBeforeFirstLiveMap += bytes;
    const { responseEnd } = request.timing();
    waterfall.push({
      path: url.origin === origin ? url.pathname : url.href,
      kind: kindOf(url.pathname),
      startedAt: Math.round(startedAt),
      finishedAt: responseEnd >= 0 ? Math.round(startedAt + responseEnd) : null,
      bytes,
    });
  }
  const beforeMap = page.tasks.filter((task) => task.start < end);
  return {
    scenario,
    textPainted: page.firstContentfulPaint,
    largestContentfulPaint: page.largestContentfulPaint,
    interactive: page.domContentLoadedEnd,
    scrolledAt: page.scrolledAt,
    mapCanvas: page.canvasAt,
    firstLiveMap: page.mapShownAt,
    longestTaskBeforeMap: longestTask(page.tasks, end),
    totalBlockingTimeBeforeMap: totalBlockingTime(
      page.tasks,
      page.firstContentfulPaint ?? 0,
      Number.isFinite(end) ? end : Math.max(0, ...page.tasks.map((t) => t.start + t.duration)),
    ),
    longTasksBeforeMap: beforeMap.length,
    cumulativeLayoutShift: cumulativeLayoutShift(page.shifts),
    bytesBeforeInteractive,
    bytesBeforeFirstLiveMap,
    requests: waterfall,
    otherOrigins: [...otherOrigins],
  };
}

const load = (averages: number[]) => averages.map((n) => n.toFixed(2)).join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${Math.round(ms)} ms`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const KINDS: FileKind[] = ['HTML', 'CSS', 'JS', 'fonts', 'images', 'data', 'other'];

interface Row {
  label: string;
  idle: string;
  scrolling: string;
  target: string;
}

function rowsOf(results: RunResult[], timeoutMs: number): Row[] {
  const of = (scenario: Scenario) => results.filter((r) => r.scenario === scenario);
  const row = (
    label: string,
    pick: (r: RunResult) => number | null,
    format: (n: number) => string,
    target = '',
    never = 'never',
  ): Row => ({
    label,
    idle: formatSummary(summarize(of('idle').map(pick)), format, never),
    scrolling: formatSummary(summarize(of('scrolling').map(pick)), format, never),
    target,
  });
  const notWithin = `not within ${timeoutMs / 1000} s`;
  const jsBefore = (r: RunResult) => r.bytesBeforeInteractive.JS ?? 0;
  const allBefore = (r: RunResult) => Object.values(r.bytesBeforeInteractive).reduce((sum, n) => sum + n, 0);
  const presentKinds = KINDS.filter((kind) => results.some((r) => (r.bytesBeforeInteractive[kind] ?? 0) > 0));
  return [
    row('text painted (first contentful paint)', (r) => r.textPainted, seconds, '≈ 1.7 s'),
    row('largest contentful paint', (r) => r.largestContentfulPaint, seconds),
    row('interactive (DOMContentLoaded end)', (r) => r.interactive, seconds),
    {
      ...row('reader scrolled at', (r) => r.scrolledAt, seconds),
      idle: '—',
    },
    row('map library running (its canvas in the page)', (r) => r.mapCanvas, seconds, '', notWithin),
    row('**first live map frame**', (r) => r.firstLiveMap, seconds, '≤ 4 s idle, ≤ 5 s scrolling', notWithin),
    row('longest task before the live map', (r) => r.longestTaskBeforeMap, millis, '≤ 100 ms idle'),
    row('long tasks (≥ 50 ms) before the live map', (r) => r.longTasksBeforeMap, String),
    row('total blocking time, FCP → live map', (r) => r.totalBlockingTimeBeforeMap, millis),
    row(
      'cumulative layout shift',
      (r) => r.cumulativeLayoutShift,
      (n) => n.toFixed(3),
      '0',
    ),
    row('**JS before interactive** (gzip)', jsBefore, kilobytes, '≤ 40 KB'),
    row('all bytes before interactive (gzip)', allBefore, kilobytes),
    ...presentKinds.map((kind) =>
      row(`  ${kind} before interactive`, (r) => r.bytesBeforeInteractive[kind] ?? 0, kilobytes),
    ),
    row('all bytes before the live map (gzip)', (r) => r.bytesBeforeFirstLiveMap, kilobytes),
    row('requests to other origins', (r) => r.otherOrigins.length, String, '0'),
  ];
}

function printTable(rows: Row[]): void {
  const header: Row = { label: 'metric', idle: 'reader idle', scrolling: 'reader scrolls at DCL', target: 'target' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `| ${r.label.padEnd(width('label'))} | ${r.idle.padEnd(width('idle'))} | ${r.scrolling.padEnd(width('scrolling'))} | ${r.target.padEnd(width('target'))} |`;
  console.log(line(header));
  console.log(
    `|${['label', 'idle', 'scrolling', 'target'].map((k) => '-'.repeat(width(k as keyof Row) + 2)).join('|')}|`,
  );
  for (const r of rows) console.log(line(r));
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const timeoutMs = Number(args.timeout) * 1000;
if (!Number.isInteger(runs) || runs < 1 || !(timeoutMs > 0)) {
  console.error('usage: npm run bench -- [--runs N] [--timeout SECONDS] [--json]');
  process.exit(2);
}

const loadBefore = loadavg();
const preview = await startPreview('dist', { gzip: true });
const results: RunResult[] = [];
try {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${OFFLINE_RESOLVER_RULES}`],
  });
  try {
    for (let run = 1; run <= runs; run += 1) {
      // Alternating, so a busy moment on a shared machine does not fall on one scenario only.
      for (const scenario of ['idle', 'scrolling'] as const) {
        const result = await measure(browser, preview.origin, scenario, timeoutMs);
        results.push(result);
        const map =
          result.firstLiveMap === null
            ? `no live map within ${timeoutMs / 1000} s`
            : `live map ${seconds(result.firstLiveMap)}`;
        console.error(`run ${run}/${runs}, reader ${scenario}: text ${seconds(result.textPainted ?? NaN)}, ${map}`);
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await preview.stop();
}

const built = statSync('dist/index.html').mtime.toISOString();
console.log(
  `\nProduction build of ${built}, served gzip-compressed; Chromium ${chromiumPath()} headless (SwiftShader WebGL),` +
    ` 390×844 phone, network ${THROTTLING.rttMs} ms RTT / ${THROTTLING.downloadKbps / 1024} Mbps down / ${THROTTLING.uploadKbps} Kbps up` +
    ` (as DevTools throttles: ${THROTTLING.requestLatencyMs} ms per request), CPU ${THROTTLING.cpuSlowdown}× slower.` +
    ` Median (min–max) of ${runs} run${runs === 1 ? '' : 's'}; load average ${load(loadBefore)} before, ${load(loadavg())} after.\n`,
);
const rows = rowsOf(results, timeoutMs);
printTable(rows);

const others = new Set(results.flatMap((r) => r.otherOrigins));
if (others.size > 0) console.log(`\nRequests to other origins: ${[...others].join(', ')}`);

if (args.json) {
  mkdirSync('test-results', { recursive: true });
  const report = { built, measuredAt: new Date().toISOString(), throttling: THROTTLING, runs: results, table: rows };
  writeFileSync('test-results/bench.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwrote test-results/bench.json');
}
