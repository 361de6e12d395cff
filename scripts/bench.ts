/**
 * `npm run bench`: loads the production build (dist/) in headless Chromium at 390×844 and prints
 * time to first text paint, time to first map render, bytes by kind (gzip) and the main thread's
 * long tasks during a full scroll through the story. A benchmark, not a test: it prints figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { startPreview } from './preview.ts';

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks: LongTask[];
  }
}

function kindOf(path: string): string {
  const ext = extname(path);
  if (path.endsWith('/') || ext === '.html') return 'HTML';
  if (ext === '.js' || ext === '.mjs')
    return path.includes('maplibre') || path.includes('create-map') ? 'JS (map library)' : 'JS (app)';
  if (ext === '.css') return 'CSS';
  if (ext === '.woff2' || ext === '.woff') return 'fonts';
  if (ext === '.geojson' || ext === '.json') return 'data';
  return 'other';
}

function gzipBytesOf(pathname: string): number {
  const file = join('dist', pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

const preview = await startPreview('dist');
const ORIGIN = preview.origin;

try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const requests: URL[] = [];
  page.on('requestfinished', (request) => requests.push(new URL(request.url())));

  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  // The live map loads when the reader first scrolls (the still picture stands in until then).
  const engagedAt = await page.evaluate(() => {
    window.scrollBy(0, 1);
    return performance.now();
  });
  await page.waitForFunction(() => performance.getEntriesByName('story:map-rendered').length > 0, undefined, {
    timeout: 120_000,
  });
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const mapChunk = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
      /create-map[^/]*\.js$/.test(entry.name),
    );
    return {
      firstTextPaint: paint?.startTime ?? NaN,
      mapLibraryLoaded: mapChunk ? mapChunk.responseEnd : NaN,
      firstMapRender: performance.getEntriesByName('story:map-rendered')[0]?.startTime ?? NaN,
    };
  });

  // A full scroll through the story, one step at a time, letting each flight finish.
  const stepCount = await page.locator('.step').count();
  await page.evaluate(() => (window.__longTasks = []));
  for (let i = 0; i < stepCount; i += 1) {
    await page.evaluate((index) => {
      const el = document.querySelectorAll('.step')[index]!;
      window.scrollTo({
        top: el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.75 + 8,
        behavior: 'instant',
      });
    }, i);
    await page.waitForTimeout(2600);
  }
  const longTasks = await page.evaluate(() => window.__longTasks);
  await browser.close();

  const byKind = new Map<string, { files: number; bytes: number }>();
  const seen = new Set<string>();
  for (const url of requests) {
    if (url.origin !== ORIGIN || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const kind = kindOf(url.pathname);
    const entry = byKind.get(kind) ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += gzipBytesOf(url.pathname);
    byKind.set(kind, entry);
  }

  const ms = (n: number) => `${Math.round(n)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows: Array<[string, string]> = [
    ['time to first text paint', ms(timing.firstTextPaint)],
    ['map library loaded', ms(timing.mapLibraryLoaded)],
    ['text painted before map library', timing.firstTextPaint < timing.mapLibraryLoaded ? 'yes' : 'NO'],
    ['reader first scrolls at', ms(engagedAt)],
    ['live map drawn after that scroll', ms(timing.firstMapRender - engagedAt)],
    ...[...byKind.entries()]
      .sort()
      .map(([kind, { files, bytes }]): [string, string] => [
        `${kind} (gzip, ${files} file${files === 1 ? '' : 's'})`,
        kb(bytes),
      ]),
    ['total (gzip)', kb([...byKind.values()].reduce((sum, e) => sum + e.bytes, 0))],
    ['app JS without maplibre ≤ 40 KB', (byKind.get('JS (app)')?.bytes ?? 0) <= 40 * 1024 ? 'yes' : 'NO'],
    ['long tasks during full scroll', String(longTasks.length)],
    ['longest task', longTasks.length ? ms(Math.max(...longTasks.map((t) => t.duration))) : '—'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nProduction build, headless Chromium (SwiftShader), 390×844, ${stepCount} steps\n`);
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
} finally {
  await preview.stop();
}
