/**
 * Present mode (issue 7): slides driven by the keys a lecturer's clicker sends, a speaker window
 * kept in step both ways, fullscreen, blanking, a reload that resumes, and captions legible on a
 * projector. Laptops and projectors only: the desktop project.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  expectClean,
  expectFramed,
  expectStepState,
  loadStory,
  settledOn,
  watchPage,
  type PageWatch,
} from './helpers.ts';

const story = loadStory();
const steps = story.steps;

let watch: PageWatch;

test.skip(({ isMobile }) => isMobile, 'presenting is for laptops and projectors');

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== 'skipped') expectClean(watch, testInfo);
});

async function expectSlide(page: Page, index: number): Promise<void> {
  const step = steps[index]!;
  await expect(page.locator('.caption .counter')).toContainText(`${index + 1} / ${steps.length}`);
  const report = await settledOn(page, step.id);
  expectStepState(report, step);
  await expectFramed(page, report, step);
  expect(await page.evaluate(() => window.__storyMap!.highlighted().sort())).toEqual([...step.highlight].sort());
  await expect.poll(() => new URL(page.url()).hash).toBe(`#${step.id}`);
  expect(new URL(page.url()).searchParams.has('present')).toBe(true);
}

test('the keys walk every slide, each on its step’s map state; clickers’ PageDown and PageUp included', async ({
  page,
}) => {
  test.setTimeout(steps.length * 20_000 + 60_000);
  // Jumps: the slides' map states are the point here (story.spec.ts walks the flights).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?present');
  await expectSlide(page, 0);
  await expect(page.locator('.story')).toBeHidden();
  const forward = ['PageDown', 'ArrowRight', 'ArrowDown', ' '];
  for (let index = 1; index < steps.length; index++) {
    await page.keyboard.press(forward[index % forward.length]!);
    await expectSlide(page, index);
  }
  await page.keyboard.press('PageDown');
  await expectSlide(page, steps.length - 1);
  for (const [key, index] of [
    ['PageUp', steps.length - 2],
    ['ArrowLeft', steps.length - 3],
    ['ArrowUp', steps.length - 4],
    ['Home', 0],
    ['End', steps.length - 1],
  ] as const) {
    await page.keyboard.press(key);
    await expectSlide(page, index);
  }
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expectSlide(page, 4);
});

test('p and the Present button start presenting; Esc returns to the story at the same step', async ({ page }) => {
  await page.goto(`./#${steps[2]!.id}`);
  await settledOn(page, steps[2]!.id);
  await page.keyboard.press('p');
  await expectSlide(page, 2);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 3);
  await page.keyboard.press('Escape');
  await expect(page.locator('.caption')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('.step.active')).toHaveAttribute('id', steps[3]!.id);
  await expect(page.locator(`#${steps[3]!.id} .card`)).toBeInViewport();
  await settledOn(page, steps[3]!.id);

  await page.getByRole('button', { name: 'Present' }).click();
  await expectSlide(page, 3);
});

test('f asks for fullscreen; b and . blank the screen and bring it back', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { fullscreenCalls: string[] }).fullscreenCalls = calls;
    Element.prototype.requestFullscreen = function () {
      calls.push(this.nodeName);
      return Promise.resolve();
    };
  });
  await page.goto('./?present');
  await expectSlide(page, 0);
  await page.keyboard.press('f');
  expect(await page.evaluate(() => (window as unknown as { fullscreenCalls: string[] }).fullscreenCalls)).toEqual([
    'HTML',
  ]);
  await page.keyboard.press('b');
  await expect(page.locator('.blank')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Screen blanked' })).toHaveCount(1);
  await page.keyboard.press('b');
  await expect(page.locator('.blank')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(page.locator('.blank')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.locator('.blank')).toHaveCount(0);
  await expectSlide(page, 1);
});

test('a reload resumes on the same slide', async ({ page }) => {
  await page.goto('./?present');
  await expectSlide(page, 0);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expectSlide(page, 2);
  await page.reload();
  await expectSlide(page, 2);
});

test('the speaker window shows notes and the next step, and the two windows stay in step both ways', async ({
  page,
  context,
}) => {
  const withNotes = steps.findIndex((s) => s.notes !== undefined);
  expect(withNotes, 'a step with speaker notes').toBeGreaterThanOrEqual(0);
  await page.goto(`./?present#${steps[withNotes]!.id}`);
  await expectSlide(page, withNotes);

  const opened = context.waitForEvent('page');
  await page.keyboard.press('s');
  const speaker = await opened;
  const speakerWatch = watchPage(speaker, page.url());
  await expect(speaker.getByRole('heading', { level: 1 })).toContainText(story.meta.title);
  await expect(speaker.locator('.position')).toHaveText(`Step ${withNotes + 1} of ${steps.length}`);
  await expect(speaker.locator('.notes')).toContainText(steps[withNotes]!.notes!);
  await expect(speaker.locator('.next')).toContainText(steps[withNotes + 1]!.plain.slice(0, 40));

  // The speaker drives the slides…
  await speaker.keyboard.press('ArrowRight');
  await expectSlide(page, withNotes + 1);
  await speaker.getByRole('button', { name: /Next/ }).click();
  await expectSlide(page, withNotes + 2);
  // …and follows them.
  await page.keyboard.press('PageUp');
  await expect(speaker.locator('.position')).toHaveText(`Step ${withNotes + 2} of ${steps.length}`);
  expect(new URL(speaker.url()).hash).toBe(`#${steps[withNotes + 1]!.id}`);
  await expectSlide(page, withNotes + 1);
  expect(speakerWatch.problems).toEqual([]);
});

test('captions stay legible and inside their band on a 1920×1080 projector', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}?present`);
  await expect(page.locator('.caption')).toBeVisible();
  for (const [index] of steps.entries()) {
    if (index > 0) await page.keyboard.press('PageDown');
    await expect(page.locator('.caption .counter')).toContainText(`${index + 1} / ${steps.length}`);
    const caption = await page.locator('.caption').evaluate((el) => {
      const text = el.querySelector('.text')!;
      return {
        fontPx: parseFloat(getComputedStyle(text).fontSize),
        height: el.getBoundingClientRect().height,
        overflows: el.scrollHeight > el.clientHeight + 1,
      };
    });
    expect(caption.fontPx, `caption type on ${steps[index]!.id}`).toBeGreaterThanOrEqual(32);
    expect(caption.height, `caption band on ${steps[index]!.id}`).toBeLessThanOrEqual(1080 * 0.35 + 1);
    expect(caption.overflows, `caption overflows on ${steps[index]!.id}`).toBe(false);
  }
  await context.close();
});
