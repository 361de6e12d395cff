/**
 * Embeds (issue 6): the story inside a newsroom's page on another site, under hostile CSS
 * (tests/e2e/host), as a pym.js iframe and as the <kuril-story> element. Scrolling the host page
 * walks every step with the map on screen; the iframe is exactly as tall as the story; two embeds
 * share a page; a copy under a base path works. Reduced motion: the camera jumps, so each step
 * settles at once.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { expectStepState, loadStory } from './helpers.ts';
import { hostOrigin, storyOrigin } from './servers.ts';
import { layoutFor } from '../../src/shared/layout.ts';
import type { MapReport } from '../../src/app/map/test-hook.ts';

const story = loadStory();
const steps = story.steps;
// The host pages are on another site than the story (localhost vs 127.0.0.1), as a newsroom's are.
const STORY = `${storyOrigin()}/`;
const HOST = `${hostOrigin()}/host/`;
const BASE_PATH_STORY = `${hostOrigin()}/graphics/2016/kurils/`;

test.use({ reducedMotion: 'reduce' });

/** Page errors, console errors and failed requests, on the host and in its frames. */
function watchEmbed(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // Leaving a page cancels what it was still fetching: not a failure of the embed.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  return problems;
}

/**
 * Storage refused as a browser refuses it to a cross-site iframe when third-party storage is
 * blocked (Chrome's incognito default, strict privacy settings): even reading `localStorage`
 * throws. In every frame, so the in-page element meets it too.
 */
async function blockStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'] as const) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(
            `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
            'SecurityError',
          );
        },
      });
    }
  });
}

async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe').elementHandle({ timeout: 30_000 });
  return (await handle!.contentFrame())!;
}

async function storyFrame(page: Page): Promise<Frame> {
  const frame = await frameOf(page);
  await frame.waitForFunction(() => document.querySelectorAll('.step').length > 0);
  return frame;
}

/** The report of the map in `where` once it shows `stepId` and has stopped. */
async function settled(where: Page | Frame, stepId: string): Promise<MapReport> {
  await where.waitForFunction(
    (id) => {
      const report = window.__storyMap?.report();
      return report?.stepId === id && !report.moving;
    },
    stepId,
    { timeout: 60_000 },
  );
  await where.evaluate(() => window.__storyMap!.idle());
  return where.evaluate(() => window.__storyMap!.report());
}

/** Scrolls the HOST page so that step `index` of the story in the iframe is the active one. */
async function hostScrollToFrameStep(page: Page, frame: Frame, index: number): Promise<void> {
  const iframeTop = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const { stepTop, width } = await frame.evaluate(
    (i) => ({
      stepTop: document.querySelectorAll('.step')[i]!.getBoundingClientRect().top + window.scrollY,
      width: window.innerWidth,
    }),
    index,
  );
  const height = page.viewportSize()!.height;
  const offset = layoutFor(width, height).triggerOffset;
  await page.evaluate(
    (top) => window.scrollTo({ top, behavior: 'instant' }),
    iframeTop + stepTop - height * offset + 8,
  );
}

/** Scrolls the host page so that step `index` of the `nth` <kuril-story> is its active one. */
async function hostScrollToElementStep(page: Page, index: number, nth = 0): Promise<void> {
  const element = page.locator('kuril-story').nth(nth);
  const width = await element.evaluate((el) => el.getBoundingClientRect().width);
  const stepTop = await element
    .locator('.step')
    .nth(index)
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const height = page.viewportSize()!.height;
  const offset = layoutFor(width, height).triggerOffset;
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), stepTop - height * offset + 8);
}

async function expectOnScreen(page: Page, box: { y: number; height: number } | null, what: string): Promise<void> {
  const height = page.viewportSize()!.height;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(-2);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(height + 2);
}

test('iframe on another site with storage blocked: scrolling the host page walks every step, the map pinned on screen, the iframe as tall as the story', async ({
  page,
}) => {
  test.setTimeout(steps.length * 10_000 + 60_000);
  const problems = watchEmbed(page);
  await blockStorage(page);
  await page.goto(`${HOST}iframe.html?story=${encodeURIComponent(STORY)}`);
  const frame = await storyFrame(page);
  // The hostile stylesheet is really in force on the host, and storage really refused in the frame.
  expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
  const storage = await frame.evaluate(() => {
    try {
      return typeof localStorage;
    } catch (error) {
      return String(error);
    }
  });
  expect(storage).toContain('Access is denied');

  for (const [index, step] of steps.entries()) {
    await hostScrollToFrameStep(page, frame, index);
    const report = await settled(frame, step.id);
    expectStepState(report, step);
    await expectOnScreen(page, await frame.locator('.map-pane').boundingBox(), `map on ${step.id}`);
    await expect(frame.locator('.step.active')).toHaveAttribute('id', step.id);
  }

  // The iframe follows its content's height: no scrollbar inside, no gap below.
  await expect
    .poll(async () => {
      const iframeHeight = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);
      const content = await frame.evaluate(() => document.documentElement.scrollHeight);
      return Math.abs(iframeHeight - content);
    })
    .toBeLessThanOrEqual(2);
  expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
  // The embed leaves the host's address alone and passes it nothing of the host page.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(frame.url()).searchParams.has('parentUrl')).toBe(false);
  expect(problems).toEqual([]);
});

test('element on another site with storage blocked: scrolling the host page walks every step with the map on screen, styles isolated both ways', async ({
  page,
}) => {
  test.setTimeout(steps.length * 10_000 + 60_000);
  const problems = watchEmbed(page);
  await blockStorage(page);
  await page.goto(`${HOST}element.html?story=${encodeURIComponent(STORY)}`);
  const element = page.locator('kuril-story');
  await expect(element.locator('.step')).toHaveCount(steps.length);
  // The host's rules stop at the shadow root; the story's own rules do not reach the host.
  expect(
    await element
      .locator('.step .text p')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily),
  ).toContain('Source Serif 4');
  expect(await page.locator('body > h1').evaluate((el) => getComputedStyle(el).fontFamily)).toBe('serif');
  await expect(element.locator('.story')).toBeVisible();

  for (const [index, step] of steps.entries()) {
    await hostScrollToElementStep(page, index);
    const report = await settled(page, step.id);
    expectStepState(report, step);
    await expectOnScreen(page, await element.locator('.map-pane').boundingBox(), `map on ${step.id}`);
    await expect(element.locator('.step.active')).toHaveAttribute('id', step.id);
  }
  expect(new URL(page.url()).hash).toBe('');
  expect(problems).toEqual([]);
});

test('two embeds on one page each follow the host’s scroll', async ({ page }) => {
  const problems = watchEmbed(page);
  await page.goto(
    `${HOST}element.html?story=${encodeURIComponent(STORY)}&count=2&attrs=${encodeURIComponent('intro=hide&credits=hide')}`,
  );
  const [first, second] = [page.locator('kuril-story').nth(0), page.locator('kuril-story').nth(1)];
  await expect(first.locator('.step')).toHaveCount(steps.length);
  await expect(second.locator('.step')).toHaveCount(steps.length);
  await expect(first.locator('.intro')).toHaveCount(0);

  await hostScrollToElementStep(page, 4, 0);
  await expect(first.locator('.step.active')).toHaveAttribute('id', steps[4]!.id);
  await expectOnScreen(page, await first.locator('.map-pane').boundingBox(), 'first map');

  await hostScrollToElementStep(page, 9, 1);
  await expect(second.locator('.step.active')).toHaveAttribute('id', steps[9]!.id);
  await expectOnScreen(page, await second.locator('.map-pane').boundingBox(), 'second map');
  // The first story is behind the reader now: it stays on its last step.
  await expect(first.locator('.step.active')).toHaveAttribute('id', steps[steps.length - 1]!.id);
  await expect(second.locator('.map-pane canvas')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a copy under a base path works, every file fetched from that folder', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the same addresses on every screen');
  const problems = watchEmbed(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${HOST}iframe.html?story=${encodeURIComponent(BASE_PATH_STORY)}`);
  const frame = await storyFrame(page);
  for (const index of [0, 8, steps.length - 1]) {
    await hostScrollToFrameStep(page, frame, index);
    await settled(frame, steps[index]!.id);
  }
  const storyRequests = requests.filter((url) => !url.startsWith(HOST) && !url.startsWith('data:'));
  expect(storyRequests.length).toBeGreaterThan(5);
  for (const url of storyRequests) expect(url.startsWith(BASE_PATH_STORY), url).toBe(true);
  expect(problems).toEqual([]);
});

test('options: a dark, English-only embed that starts at a later step, and a compact preview', async ({ page }) => {
  const problems = watchEmbed(page);
  const start = steps[6]!;
  await page.goto(
    `${HOST}element.html?story=${encodeURIComponent(STORY)}&attrs=${encodeURIComponent(`theme=dark&names=en&start=${start.id}&credits=hide`)}`,
  );
  const element = page.locator('kuril-story');
  await expect(element.locator('.step')).toHaveCount(steps.length - 6);
  await expect(element.locator('.step').first()).toHaveAttribute('id', start.id);
  await expect(element.locator('.map-story')).toHaveAttribute('data-theme', 'dark');
  await expect(element.locator('.credits')).toHaveCount(0);
  await expect(element.locator('select')).toHaveValue('en');

  await page.goto(`${HOST}iframe.html?story=${encodeURIComponent(STORY)}&options=${encodeURIComponent('&preview')}`);
  const preview = (await frameOf(page)).locator('.preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('link', { name: 'Read the full story' })).toHaveAttribute('href', STORY);
  await expect(preview.locator('img')).toHaveJSProperty('complete', true);
  expect(await preview.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('no service worker in a newsroom’s pages, unless the iframe is asked for the offline copy', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'registering is the same on every screen');
  test.setTimeout(180_000);
  const problems = watchEmbed(page);
  // The copy under the host's own origin: a worker of the story's could be registered for it.
  const registrations = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
  const drawn = (where: Page | Frame) =>
    where.waitForFunction(() => performance.getEntriesByName('story:map-rendered').length > 0);

  await page.goto(`${HOST}iframe.html?story=${encodeURIComponent(BASE_PATH_STORY)}`);
  const frame = await storyFrame(page);
  await settled(frame, steps[0]!.id);
  await drawn(frame);
  await page.goto(`${HOST}element.html?story=${encodeURIComponent(BASE_PATH_STORY)}`);
  await settled(page, steps[0]!.id);
  await drawn(page);
  expect(await registrations(), 'service workers after both embeds drew their maps').toEqual([]);

  await page.goto(
    `${HOST}iframe.html?story=${encodeURIComponent(BASE_PATH_STORY)}&options=${encodeURIComponent('&offline')}`,
  );
  await settled(await storyFrame(page), steps[0]!.id);
  await expect.poll(registrations, { message: 'the opted-in iframe’s worker' }).toEqual([BASE_PATH_STORY]);
  expect(problems).toEqual([]);
});
