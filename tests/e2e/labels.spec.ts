import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { closeTools, expectClean, loadStory, openTools, settledOn, watchPage, type PageWatch } from './helpers.ts';

const story = loadStory();

/** The closest view of Iturup in the story, where its label has room in every name mode. */
const iturupStep = story.steps
  .filter((s) => s.camera.kind === 'bounds' && contains(s.camera.bounds, [147.9, 45.0]))
  .sort((a, b) => width(a) - width(b))[0]!;

function width(step: (typeof story.steps)[number]): number {
  return step.camera.kind === 'bounds' ? step.camera.bounds[2] - step.camera.bounds[0] : Infinity;
}
const iturupLabel = (
  JSON.parse(readFileSync('geo/kurils/out/labels.geojson', 'utf8')) as {
    features: Array<{ properties: { id: string }; geometry: { coordinates: [number, number] } }>;
  }
).features.find((f) => f.properties.id === 'label-iturup')!.geometry.coordinates;

function contains([w, s, e, n]: number[], [lng, lat]: [number, number]): boolean {
  return lng > w! && lng < e! && lat > s! && lat < n!;
}

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

/** Ink pixels (darker than mid-grey, so antialiased strokes count) in a box around a map point. */
async function inkAround(page: Page, lngLat: [number, number]): Promise<number> {
  const canvas = (await page.locator('.map-frame canvas').boundingBox())!;
  const { x, y } = await page.evaluate((c) => window.__storyMap!.project(c), lngLat);
  const clip = { x: canvas.x + x - 60, y: canvas.y + y - 20, width: 120, height: 40 };
  const png = await page.screenshot({ clip });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const c = document.createElement('canvas');
    c.width = image.width;
    c.height = image.height;
    const context = c.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 450) dark += 1;
    return dark;
  }, png.toString('base64'));
}

test('Japanese and Cyrillic labels are drawn from the self-hosted fonts', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the same fonts on every screen: drawn on the desktop');
  expect(iturupStep, 'a step framing Iturup').toBeDefined();
  const fontFiles: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('.woff2')) fontFiles.push(new URL(request.url()).pathname);
  });
  await page.goto(`./#${iturupStep.id}`);
  await settledOn(page, iturupStep.id);

  const names = page.getByRole('combobox', { name: 'Place names' });
  await openTools(page);
  await expect(names).toHaveValue(story.meta.defaults.names);
  await names.selectOption('ja');
  await closeTools(page);
  await page.evaluate(() => window.__storyMap!.idle());
  await expect.poll(() => fontFiles.some((f) => /noto-sans-jp-.*\.woff2$/.test(f))).toBe(true);
  await expect.poll(() => inkAround(page, iturupLabel), { message: 'kanji label pixels' }).toBeGreaterThan(40);

  await openTools(page);
  await names.selectOption('ru');
  await closeTools(page);
  await page.evaluate(() => window.__storyMap!.idle());
  await expect.poll(() => fontFiles.some((f) => /noto-sans-cyrillic-.*\.woff2$/.test(f))).toBe(true);
  await expect.poll(() => inkAround(page, iturupLabel), { message: 'Cyrillic label pixels' }).toBeGreaterThan(40);
});

test('the label text follows the chosen language', async ({ page }) => {
  await page.goto(`./#${iturupStep.id}`);
  await settledOn(page, iturupStep.id);
  const rendered = async () =>
    page.evaluate(() => window.__storyMap!.renderedLabels().filter((t) => /Iturup|Etorofu|択捉|Итуруп/.test(t)));
  await expect.poll(rendered).toContain('Iturup / Etorofu');
  await openTools(page);
  await page.getByRole('combobox', { name: 'Place names' }).selectOption('ja');
  await expect.poll(rendered).toContain('択捉島');
  await openTools(page);
  await page.getByRole('combobox', { name: 'Place names' }).selectOption('ru');
  await expect.poll(rendered).toContain('Итуруп');
  await openTools(page);
  await page.getByRole('combobox', { name: 'Place names' }).selectOption('en');
  await expect.poll(rendered).toContain('Iturup');
});
