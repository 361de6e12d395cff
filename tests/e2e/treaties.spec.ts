/**
 * The second story the engine serves, story/treaties/ (no Kuril code serves it: its own story file,
 * layers.yaml and dataset): text first, every step's declared map state on the way down, its own
 * legend and deep links, at /treaties/ of the same build as the default story.
 */
import { expect, test } from '@playwright/test';
import {
  expectClean,
  expectFramed,
  expectStepState,
  scrollToStep,
  settledOn,
  watchPage,
  type PageWatch,
} from './helpers.ts';
import { loadStory } from '../stories.ts';

const treaties = loadStory('treaties');
const { story } = treaties;
const steps = story.steps;
const path = `/${treaties.folder.slug}/`;

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

test('its text, alt texts and legends are in the HTML before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL(path, baseURL).href);
  await expect(page.locator('h1')).toHaveText(story.meta.title);
  await expect(page.locator('.step')).toHaveCount(steps.length);
  for (const step of steps) await expect(page.locator(`#${step.id} .alt`)).toContainText(step.alt);
  await expect(page.locator(`#${steps[1]!.id} .card-legend`)).toContainText('Treaty of Shimoda, 1855');
  await expect(page.locator(`#${steps[2]!.id} .card-legend`)).toContainText('Treaty of Saint Petersburg, 1875');
  await context.close();
});

test('walking every step in order lands on each declared state', async ({ page, baseURL }) => {
  test.setTimeout(steps.length * 30_000 + 60_000);
  await page.goto(new URL(path, baseURL).href);
  for (const [index, step] of steps.entries()) {
    await scrollToStep(page, index);
    const report = await settledOn(page, step.id);
    expectStepState(report, step);
    await expectFramed(page, report, step);
    expect(await page.evaluate(() => window.__storyMap!.highlighted().sort())).toEqual([...step.highlight].sort());
    await expect.poll(() => new URL(page.url()).hash).toBe(`#${step.id}`);
  }
});

test('a deep link opens at its step, and the timeline has the story’s own years', async ({ page, baseURL }) => {
  const last = steps.at(-1)!;
  await page.goto(new URL(`${path}#${last.id}`, baseURL).href);
  expectStepState(await settledOn(page, last.id), last);
  await expect(page.locator('.timeline')).toContainText('1855');
  await expect(page.locator('.timeline')).toContainText('1875');
  await expect(page.locator('.timeline')).not.toContainText('1945');
});
