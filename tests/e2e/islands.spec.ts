import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectClean, loadStory, openTools, settledOn, watchPage, type PageWatch } from './helpers.ts';

const story = loadStory();
// The step that frames the four islands most closely shows Iturup large enough to tap.
const islandsStep = story.steps.find((s) => s.id === 'two-of-four') ?? story.steps[0]!;

/** A point inside Iturup: its label's anchor, which the data pipeline places inside the polygon. */
const insideIturup = (
  JSON.parse(readFileSync('geo/kurils/out/labels.geojson', 'utf8')) as {
    features: Array<{ properties: { id: string }; geometry: { coordinates: [number, number] } }>;
  }
).features.find((f) => f.properties.id === 'label-iturup')!.geometry.coordinates;

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

test('an island answers by keyboard: names in three scripts, area, status; Esc closes', async ({ page }) => {
  await page.goto(`./#${islandsStep.id}`);
  await settledOn(page, islandsStep.id);
  const summary = page.locator('.panel-picker summary');
  await openTools(page);
  await summary.focus();
  await page.keyboard.press('Enter');
  const iturup = page.getByRole('button', { name: 'Iturup' });
  await iturup.focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Iturup' });
  await expect(card).toContainText('択捉島');
  await expect(card).toContainText('Etorofu');
  await expect(card).toContainText('Итуруп');
  await expect(card).toContainText(/3,1\d\d km²/);
  await expect(card).toContainText('Administered by Russia since 1945; claimed by Japan.');
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(iturup).toBeFocused();
});

test('tapping an island on the map opens its card', async ({ page }) => {
  await page.goto(`./#${islandsStep.id}`);
  await settledOn(page, islandsStep.id);
  const { x, y } = await page.evaluate((point) => window.__storyMap!.project(point), insideIturup);
  expect(await page.evaluate((p) => window.__storyMap!.landAt(p), { x, y })).toContain('iturup');
  const canvas = (await page.locator('.map-frame canvas').boundingBox())!;
  await page.mouse.click(canvas.x + x, canvas.y + y);
  await expect(page.getByRole('dialog', { name: 'Iturup' })).toContainText('択捉島');
});
