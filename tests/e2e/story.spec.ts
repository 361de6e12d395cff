import { expect, test } from '@playwright/test';
import {
  expectClean,
  expectFramed,
  expectStepState,
  loadStory,
  mapReport,
  openTools,
  pixelAt,
  scrollToStep,
  settledOn,
  watchPage,
  type PageWatch,
} from './helpers.ts';
import { colour } from '../unit/kurils.ts';

const story = loadStory();
const steps = story.steps;
const middle = steps[Math.floor(steps.length / 2)]!;
const last = steps[steps.length - 1]!;

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

test('the article text and alt texts are in the HTML before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseURL!);
  await expect(page.locator('h1')).toHaveText(story.meta.title);
  await expect(page.locator('.step')).toHaveCount(steps.length);
  for (const step of [steps[0]!, middle, last]) {
    await expect(page.locator(`#${step.id} .alt`)).toContainText(step.alt);
  }
  await context.close();
});

test('walking every step in order lands on each declared state', async ({ page, isMobile }) => {
  test.setTimeout(steps.length * 20_000 + 60_000);
  // The flights are the desktop's to walk; on the phone each step lands at once (the same state).
  if (isMobile) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await settledOn(page, steps[0]!.id);
  for (const [index, step] of steps.entries()) {
    await scrollToStep(page, index);
    const report = await settledOn(page, step.id);
    expectStepState(report, step);
    await expectFramed(page, report, step);
    expect(await page.evaluate(() => window.__storyMap!.highlighted().sort())).toEqual([...step.highlight].sort());
    // The address follows once the scroll has settled (the map may already be on the step).
    await expect.poll(() => new URL(page.url()).hash).toBe(`#${step.id}`);
  }
});

test('the hash follows the step without adding history entries', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the address is the same on every screen: walked on the desktop');
  await page.goto('./');
  await settledOn(page, steps[0]!.id);
  const before = await page.evaluate(() => history.length);
  await scrollToStep(page, 2);
  await settledOn(page, steps[2]!.id);
  await scrollToStep(page, 4);
  await settledOn(page, steps[4]!.id);
  await expect.poll(() => new URL(page.url()).hash).toBe(`#${steps[4]!.id}`);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('the canvas draws land', async ({ page }) => {
  // Points well inside Hokkaido, from the OSM-derived island-scale data; the first step that
  // frames one of them is where the check happens.
  const inland: Array<[number, number]> = [
    [142.8, 43.4],
    [143.2, 43.8],
    [144.0, 43.4],
  ];
  const framed = steps.find(
    (s) =>
      s.camera.kind === 'bounds' &&
      inland.some(([lng, lat]) => {
        const [w, south, e, n] = (s.camera as { bounds: [number, number, number, number] }).bounds;
        return lng > w && lng < e && lat > south && lat < n;
      }),
  );
  expect(framed, 'a step that frames Hokkaido').toBeDefined();
  await page.goto(`./#${framed!.id}`);
  const report = await settledOn(page, framed!.id);
  const canvasBox = (await page.locator('.map-frame canvas').boundingBox())!;
  const land = hexToRgb(colour('land'));
  const sea = hexToRgb(colour('sea'));
  let checked = 0;
  let landColoured = 0;
  for (const lngLat of inland) {
    const { x, y } = await page.evaluate((c) => window.__storyMap!.project(c), lngLat);
    const clear =
      x > report.padding.left &&
      x < canvasBox.width - report.padding.right &&
      y > report.padding.top &&
      y < canvasBox.height - report.padding.bottom;
    if (!clear) continue;
    const pixel = await pixelAt(page, canvasBox.x + x, canvasBox.y + y);
    expect(distance(pixel, sea), `pixel at ${lngLat} is not sea`).toBeGreaterThan(20);
    // A label may sit on one of the points; the rest show the land colour.
    if (distance(pixel, land) < 30) landColoured += 1;
    checked += 1;
  }
  expect(checked, 'land points checked on screen').toBeGreaterThan(0);
  expect(landColoured, 'land-coloured pixels').toBeGreaterThan(0);
});

test('a deep link opens on its step at once, End goes to the last step, Home back to the first', async ({
  page,
  isMobile,
}) => {
  await page.goto(`./#${middle.id}`);
  await page.waitForFunction(() => Boolean(window.__storyMap));
  const atOnce = await mapReport(page);
  expect(atOnce.stepId).toBe(middle.id);
  expect(atOnce.moving, 'no flight on a deep link').toBe(false);
  let report = await settledOn(page, middle.id);
  expectStepState(report, middle);

  // Rapid scrolling: the End key on a desktop, a fling to the bottom on a phone.
  await jumpTo(page, 'end', isMobile);
  report = await settledOn(page, last.id);
  expectStepState(report, last);
  await expectFramed(page, report, last);

  await jumpTo(page, 'home', isMobile);
  report = await settledOn(page, steps[0]!.id);
  expectStepState(report, steps[0]!);
});

test('with reduced motion the camera is on target as soon as the step enters', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await settledOn(page, steps[0]!.id);
  for (const index of [1, Math.floor(steps.length / 2), steps.length - 1]) {
    const step = steps[index]!;
    await scrollToStep(page, index);
    await expect.poll(async () => (await mapReport(page)).stepId).toBe(step.id);
    const report = await mapReport(page);
    expect(report.moving, `no flight to ${step.id}`).toBe(false);
    expectStepState(report, step);
  }
});

test('the motion toggle overrides the system setting and is remembered', async ({ page }) => {
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /motion/i, includeHidden: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await openTools(page);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: /motion/i, includeHidden: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await settledOn(page, (await mapReport(page)).stepId);
  await scrollToStep(page, 3);
  await expect.poll(async () => (await mapReport(page)).stepId).toBe(steps[3]!.id);
  expect((await mapReport(page)).moving, 'motion off: no flight').toBe(false);
});

test('resizing keeps the current step', async ({ page }) => {
  await page.goto('./');
  await settledOn(page, steps[0]!.id);
  await scrollToStep(page, 5);
  await settledOn(page, steps[5]!.id);
  const size = page.viewportSize()!;
  await page.setViewportSize({
    width: size.height > size.width ? 844 : 1024,
    height: size.height > size.width ? 390 : 700,
  });
  await expect.poll(async () => (await mapReport(page)).stepId).toBe(steps[5]!.id);
  await page.setViewportSize(size);
  const report = await settledOn(page, steps[5]!.id);
  expectStepState(report, steps[5]!);
});

test('the production bundle carries no test hook', async ({ page, isMobile }) => {
  test.skip(isMobile, 'a check of the built files: once is enough');
  const { readdirSync, readFileSync } = await import('node:fs');
  const files = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(`dist/assets/${file}`, 'utf8')).not.toContain('__storyMap');
  void page;
});

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

async function jumpTo(page: import('@playwright/test').Page, where: 'home' | 'end', isMobile: boolean): Promise<void> {
  if (!isMobile) {
    await page.locator('body').press(where === 'end' ? 'End' : 'Home');
    return;
  }
  await page.evaluate((to) => {
    window.scrollTo({ top: to === 'end' ? document.documentElement.scrollHeight : 0, behavior: 'instant' });
  }, where);
}

test('a revealed layer draws with the reader through its step, and whole at once without motion', async ({ page }) => {
  const revealing = steps.find((s) => s.reveal);
  expect(revealing, 'a step with reveal').toBeDefined();
  const reach = async () => {
    const filter = (await page.evaluate(() => window.__storyMap!.filter('occupation-1945-circle'))) as unknown[];
    return (filter[2] as [string, unknown, number])[2];
  };
  // Scrolled into from the step before: a deep link or a key would show the step's end state.
  const before = steps[revealing!.index - 1]!;
  await page.goto(`./#${before.id}`);
  await settledOn(page, before.id);
  await scrollToStep(page, revealing!.index);
  await settledOn(page, revealing!.id);
  // The markers' filter reaches as far through the campaign's dates as the reader is through the step.
  const atStart = await reach();
  expect(atStart, 'only the first dates at the start of the step').toBeLessThan(0.5);
  await page.evaluate((id) => window.scrollBy(0, document.getElementById(id)!.offsetHeight * 0.6), revealing!.id);
  await expect.poll(reach).toBeGreaterThan(atStart);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(reach, { message: 'whole at once under reduced motion' }).toBe(1);
});
