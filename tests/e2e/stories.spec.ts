/**
 * One build, several stories: the e2e build holds the default story at `/` and the fixture story
 * (tests/fixtures/hokkaido-cities, built with `--with`) at `/hokkaido-cities/`, each its own page,
 * still maps, live map, favicon and social card, served by the same static server.
 */
import { expect, test } from '@playwright/test';
import { expectClean, expectStepState, loadStory, settledOn, watchPage, type PageWatch } from './helpers.ts';
import { loadFixtureStory } from '../stories.ts';

const main = loadStory();
const other = loadFixtureStory('hokkaido-cities');
const otherPath = `/${other.folder.slug}/`;

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

test('each story is prerendered at its own address, with its own text', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, { story }] of [
    ['/', { story: main }],
    [otherPath, other],
  ] as const) {
    await page.goto(new URL(path, baseURL).href);
    await expect(page.locator('h1')).toHaveText(story.meta.title);
    await expect(page.locator('.step')).toHaveCount(story.steps.length);
    await expect(page).toHaveTitle(story.meta.title);
  }
  await context.close();
});

test("the other story's folder without its slash is sent to the folder", async ({ page, baseURL }) => {
  await page.goto(new URL(`${otherPath.slice(0, -1)}?present`, baseURL).href);
  expect(new URL(page.url()).pathname).toBe(otherPath);
  expect(new URL(page.url()).search).toBe('?present');
});

test("the other story's live map shows its own steps, from its own build", async ({ page, baseURL }) => {
  const last = other.story.steps.at(-1)!;
  await page.goto(new URL(`${otherPath}#${last.id}`, baseURL).href);
  expectStepState(await settledOn(page, last.id), last);
  // Everything the page loaded came from its own folder, or is served as-is at every story's.
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  for (const url of loaded) expect(new URL(url).pathname, url).toMatch(new RegExp(`^${otherPath}`));
});

test('each story has a favicon and a 1200×630 social card named by its og: tags', async ({ page, baseURL }) => {
  for (const path of ['/', otherPath]) {
    const pageUrl = new URL(path, baseURL).href;
    await page.goto(pageUrl);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const iconResponse = await page.request.get(new URL(icon!, pageUrl).href);
    expect(iconResponse.ok()).toBe(true);
    expect(await iconResponse.text()).toContain('<svg');

    const meta = async (property: string) =>
      page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    expect(await meta('og:type')).toBe('article');
    expect(await meta('og:title')).toBe(await page.title());
    const card = await page.request.get(new URL((await meta('og:image'))!, pageUrl).href);
    expect(card.headers()['content-type']).toBe('image/png');
    const png = await card.body();
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    expect(size).toEqual({
      width: Number(await meta('og:image:width')),
      height: Number(await meta('og:image:height')),
    });
    expect(size).toEqual({ width: 1200, height: 630 });
  }
});

test("the root's offline copy leaves the other story's files to the other story's own", async ({ page, baseURL }) => {
  const root = await (await page.request.get(new URL('/sw.js', baseURL).href)).text();
  const nested = await (await page.request.get(new URL(`${otherPath}sw.js`, baseURL).href)).text();
  expect(root).toContain('"index.html"');
  expect(root).not.toContain(other.folder.slug);
  expect(nested).toContain('"index.html"');
  // robots.txt is the site's, at its root only.
  expect((await page.request.get(new URL('/robots.txt', baseURL).href)).ok()).toBe(true);
  expect((await page.request.get(new URL(`${otherPath}robots.txt`, baseURL).href)).status()).toBe(404);
});
