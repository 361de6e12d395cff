/**
 * Shared end-to-end helpers: the real story (the default story, parsed by the build's own parser
 * through tests/stories.ts, so the walk follows whatever the story file says), page watchers that fail a test on
 * any page error, console error or request to another origin, and step navigation.
 */
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Story } from '../../src/shared/story/types.ts';
import { layoutFor } from '../../src/shared/layout.ts';
import type { MapReport } from '../../src/app/map/test-hook.ts';
import { loadStory as loadStoryFolder } from '../stories.ts';

/** The story served at the root of the e2e build. */
export function loadStory(): Story {
  return loadStoryFolder().story;
}

export interface PageWatch {
  problems: string[];
}

/** Records page errors, console errors and any request that leaves the page's own origin. */
export function watchPage(page: Page, baseURL: string): PageWatch {
  const origin = new URL(baseURL).origin;
  const watch: PageWatch = { problems: [] };
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) watch.problems.push(`request to another origin: ${request.url()}`);
  });
  return watch;
}

/**
 * The live map loads once the reader does something (scrolls, points, taps, presses a key) or
 * came by a deep link: a pointer move stands in for a reader who has just arrived.
 */
export async function engage(page: Page): Promise<void> {
  if (await page.evaluate(() => Boolean(window.__storyMap))) return;
  await page.mouse.move(2, 2);
}

/** What the map shows now; waits for the map to exist (it loads after the text is painted). */
export async function mapReport(page: Page): Promise<MapReport> {
  await engage(page);
  await page.waitForFunction(() => Boolean(window.__storyMap), undefined, { timeout: 60_000 });
  return page.evaluate(() => window.__storyMap!.report());
}

/** Waits until the map shows `stepId` and has stopped moving and drawing. */
export async function settledOn(page: Page, stepId: string): Promise<MapReport> {
  await engage(page);
  await page.waitForFunction(() => Boolean(window.__storyMap), undefined, { timeout: 60_000 });
  // On a timeout the error says where the map and the page were instead.
  let last = '';
  try {
    await expect
      .poll(
        async () => {
          const report = await mapReport(page);
          last = `map on ${report.stepId}, moving: ${report.moving}; page at ${page.url()}, scrollY ${await page.evaluate(() => scrollY)}`;
          return report.stepId === stepId && !report.moving;
        },
        { timeout: 60_000, intervals: [100, 250, 500] },
      )
      .toBe(true);
  } catch (error) {
    throw new Error(`the map did not settle on ${stepId} (last seen: ${last})`, { cause: error });
  }
  await page.evaluate(() => window.__storyMap!.idle());
  return mapReport(page);
}

/** Scrolls so that step `index` is the active one, the way a reader's scroll would. */
export async function scrollToStep(page: Page, index: number): Promise<void> {
  const viewport = page.viewportSize()!;
  const offset = layoutFor(viewport.width, viewport.height).triggerOffset;
  await page.evaluate(
    ({ index, offset }) => {
      const el = document.querySelectorAll<HTMLElement>('.step')[index]!;
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.ceil(top - window.innerHeight * offset + 8), behavior: 'instant' });
    },
    { index, offset },
  );
}

/** Asserts the map shows exactly the step's declared layers, highlight and camera. */
export function expectStepState(report: MapReport, step: Story['steps'][number]): void {
  const expectedLayers = [...new Set([...step.layers, ...step.muted])].sort();
  expect(Object.keys(report.layers).sort(), `layers on step ${step.id}`).toEqual(expectedLayers);
  for (const id of step.muted) expect(report.layers[id], `muted ${id} on ${step.id}`).toBeLessThan(0.5);
  for (const id of step.layers) expect(report.layers[id], `full ${id} on ${step.id}`).toBeCloseTo(1, 2);

  const declared = step.camera.kind === 'center' ? step.camera : report.expected;
  const [lng, lat] = report.camera.center;
  expect(longitudeGap(lng, declared.center[0]), `longitude on ${step.id}`).toBeLessThan(0.02);
  // Where the whole world is shorter than the canvas (the widest frames on a narrow screen),
  // MapLibre places it vertically itself, never past the poles: the latitude is the map's there.
  const worldHeight = 512 * 2 ** report.camera.zoom;
  if (worldHeight >= report.canvas.height) {
    expect(Math.abs(lat - declared.center[1]), `latitude on ${step.id}`).toBeLessThan(0.02);
  }
  expect(
    Math.abs(report.camera.zoom - (step.camera.kind === 'center' ? step.camera.zoom : report.expected.zoom)),
    `zoom on ${step.id}`,
  ).toBeLessThan(0.05);
  expect(Math.abs(report.camera.bearing - step.camera.bearing), `bearing on ${step.id}`).toBeLessThan(0.5);
  expect(Math.abs(report.camera.pitch - step.camera.pitch), `pitch on ${step.id}`).toBeLessThan(0.5);
}

/** For framed steps: every corner of the framed box lies inside the map, clear of the padding. */
export async function expectFramed(page: Page, report: MapReport, step: Story['steps'][number]): Promise<void> {
  if (step.camera.kind !== 'bounds') return;
  const [west, south, east, north] = step.camera.bounds;
  const corners: Array<[number, number]> = [
    [west, south],
    [west, north],
    [east, south],
    [east, north],
  ];
  const slack = 3;
  for (const [lng, lat] of corners) {
    // Take the copy of the corner in the world the camera looks at (boxes may cross 180°).
    const centerLng = report.camera.center[0];
    const corner: [number, number] = [lng + 360 * Math.round((centerLng - lng) / 360), lat];
    const { x, y } = await page.evaluate((c) => window.__storyMap!.project(c), corner);
    expect(x, `x of ${corner} on ${step.id}`).toBeGreaterThanOrEqual(report.padding.left - slack);
    expect(x, `x of ${corner} on ${step.id}`).toBeLessThanOrEqual(report.canvas.width - report.padding.right + slack);
    expect(y, `y of ${corner} on ${step.id}`).toBeGreaterThanOrEqual(report.padding.top - slack);
    expect(y, `y of ${corner} on ${step.id}`).toBeLessThanOrEqual(report.canvas.height - report.padding.bottom + slack);
  }
}

/**
 * On phones the tools fold behind the Settings button: opens them when they are folded (nothing to
 * do on wide screens, where they are always shown). By keyboard, so focus rings stay as they were.
 */
export async function openTools(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Settings' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.press('Enter');
  }
}

/** Folds a phone's open tools away again, so their panel does not cover the map. */
export async function closeTools(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Settings' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'true') {
    await toggle.press('Enter');
  }
}

export function expectClean(watch: PageWatch, testInfo: TestInfo): void {
  expect(watch.problems, `problems in ${testInfo.title}`).toEqual([]);
}

/** The colour of one screen pixel, decoded in the page from a 1×1 screenshot. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, png.toString('base64'));
}

/** Degrees between two longitudes, across the antimeridian when shorter. */
function longitudeGap(a: number, b: number): number {
  const gap = Math.abs(a - b) % 360;
  return Math.min(gap, 360 - gap);
}
