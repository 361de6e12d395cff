/**
 * Issue 16, "Resilience": the story keeps working when the network drops after the first visit
 * (the offline copy's service worker), and no canvas size makes MapLibre warn that a step cannot
 * be fitted. (A lost WebGL context: readers.spec.ts.) Waits are on conditions, never sleeps.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  engage,
  expectClean,
  expectStepState,
  loadStory,
  mapReport,
  scrollToStep,
  settledOn,
  watchPage,
  type PageWatch,
} from './helpers.ts';
import { E2E_BUILD } from './servers.ts';

const story = loadStory();
const steps = story.steps;

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

/** Resolves once the offline copy is complete: its worker is activated and controls the page. */
async function offlineCopyReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

test.describe('offline after the first visit', () => {
  test('with the network gone: every step, present mode, the speaker view and a reload all work', async ({
    page,
    context,
    isMobile,
  }) => {
    test.skip(isMobile, 'the offline copy is the same files on every screen; present mode is the laptop’s');
    test.setTimeout(300_000);
    // Jumps rather than flights: the walk checks where the map lands, not how it travels.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const failed: string[] = [];
    const noteFailure = (request: { url(): string; failure(): { errorText: string } | null }) => {
      // A fetch cancelled by the reload that replaced its page is not a failure.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        failed.push(`${request.url()}: ${request.failure()?.errorText}`);
    };
    context.on('requestfailed', noteFailure);

    await page.goto('./');
    await engage(page);
    await settledOn(page, steps[0]!.id);
    await offlineCopyReady(page);
    await context.setOffline(true);

    for (const [index, step] of steps.entries()) {
      await scrollToStep(page, index);
      await expect(page.locator('.step.active')).toHaveAttribute('id', step.id);
      expectStepState(await settledOn(page, step.id), step);
    }
    const last = steps.length - 1;

    await page.keyboard.press('p');
    await expect(page.locator('.caption')).toBeVisible();
    await expect(page.locator('.caption .counter')).toContainText(`${last + 1} / ${steps.length}`);
    const opened = context.waitForEvent('page');
    await page.keyboard.press('s');
    const speaker = await opened;
    const speakerWatch = watchPage(speaker, page.url());
    await expect(speaker.locator('.position')).toHaveText(`Step ${last + 1} of ${steps.length}`);
    await speaker.close();
    expectClean(speakerWatch, test.info());
    await page.keyboard.press('Escape');
    await expect(page.locator('.caption')).toHaveCount(0);
    await expect(page.locator('.step.active')).toHaveAttribute('id', steps[last]!.id);

    await page.reload();
    await expect(page.locator('h1')).toHaveText(story.meta.title);
    expectStepState(await settledOn(page, steps[last]!.id), steps[last]!);
    await expect(page.locator('.map-notice')).toHaveCount(0);
    expect(failed, 'failed requests while offline').toEqual([]);
  });

  test('the worker precaches the whole build, the prerendered page and every lazy chunk included, and registers once', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'the same build on every screen');
    await page.goto('./');
    await engage(page);
    await offlineCopyReady(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    // Every file of the story's build but the worker itself, the embed scripts, which run in host
    // pages, and what only crawlers and home screens ask for; not the other stories' folders
    // beside it, which have copies of their own (stories.spec.ts).
    const otherStories = readdirSync(E2E_BUILD, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(E2E_BUILD, entry.name, 'index.html')))
      .map((entry) => `${entry.name}/`);
    const leftOut = ['sw.js', 'embed.js', 'embed-frame.js', 'robots.txt', 'social-card.png', 'apple-touch-icon.png'];
    const built = readdirSync(E2E_BUILD, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(E2E_BUILD, join(entry.parentPath, entry.name)))
      .filter((file) => !leftOut.includes(file) && !otherStories.some((folder) => file.startsWith(folder)));
    expect(built.length).toBeGreaterThan(50);
    expect(cached.map((url) => url.slice(1)).sort(), 'the offline copy is the whole build').toEqual(built.sort());
    for (const pattern of [/\/index\.html$/, /\/assets\/PresentMode-.*\.js$/, /\/assets\/SpeakerWindow-.*\.js$/]) {
      expect(
        cached.some((url) => pattern.test(url)),
        `${pattern} in the offline copy`,
      ).toBe(true);
    }
    for (const pattern of [/maplibre-gl-worker-.*\.mjs$/, /\/map-data-.*\.json$/, /\.woff2$/, /\/map-.*\.svg$/]) {
      expect(
        cached.some((url) => pattern.test(url)),
        `${pattern} in the offline copy`,
      ).toBe(true);
    }
    // The copy's index.html is the prerendered page, not the empty shell.
    const html = await page.evaluate(async () => {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          if (new URL(request.url).pathname.endsWith('/index.html')) return (await cache.match(request))!.text();
        }
      }
      return '';
    });
    expect(html).toContain(steps[0]!.alt);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
  });
});

/** mulberry32: a small seeded generator, so a failing size can be reproduced. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test.describe('any canvas size', () => {
  test('16 random window sizes from 320×480 to 2560×1440 log no MapLibre warning', async ({ page }, testInfo) => {
    // CSS sizes are what the padding depends on; the phone project would only multiply the pixels.
    test.skip(testInfo.project.name !== 'desktop', 'the sizes cover phones too');
    test.setTimeout(600_000);
    const warnings: string[] = [];
    page.on('console', (message) => {
      // Chrome's own notes on the software GL driver are not MapLibre's.
      if (message.type() === 'warning' && !/GL Driver Message|\[\.WebGL/.test(message.text())) {
        warnings.push(message.text());
      }
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const random = seeded(16);
    const sizes = Array.from({ length: 16 }, () => ({
      width: Math.round(320 + random() * (2560 - 320)),
      height: Math.round(480 + random() * (1440 - 480)),
    }));
    // Start on a framed step: fitting bounds is where the padding can outgrow the canvas.
    const framed = steps.findIndex((s) => s.camera.kind === 'bounds');
    await page.goto(`./#${steps[framed]!.id}`);
    await settledOn(page, steps[framed]!.id);
    let index = framed;
    for (const size of sizes) {
      await page.setViewportSize(size);
      // The map has taken the new size (its canvas fills its pane) and framed the step again.
      await expect
        .poll(
          async () => {
            const report = await mapReport(page);
            const pane = await page.locator('.map').evaluate((el) => [el.clientWidth, el.clientHeight]);
            return !report.moving && report.canvas.width === pane[0] && report.canvas.height === pane[1];
          },
          { message: `the map at ${size.width}×${size.height}` },
        )
        .toBe(true);
      index = (index + 1) % steps.length;
      await scrollToStep(page, index);
      // The page's resize handler may still put the reader back on the step before (it keeps the
      // step being read across a resize): whichever step ends up active, the map frames it.
      await expect
        .poll(
          async () => {
            const active = await page.locator('.step.active').getAttribute('id');
            const report = await mapReport(page);
            return report.stepId === active && !report.moving;
          },
          { message: `a framed step at ${size.width}×${size.height}` },
        )
        .toBe(true);
      await page.evaluate(() => window.__storyMap!.idle());
      expect(warnings, `warnings at ${size.width}×${size.height}`).toEqual([]);
    }
  });
});
