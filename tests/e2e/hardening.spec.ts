/**
 * Hardening (issue 11): the production build under a strict Content-Security-Policy (the page,
 * the speaker view, the iframe page and the in-page element on a strict host page), malformed
 * addresses, forged and hostile iframe messages, and a host's sticky header (`top-offset`).
 * Servers with a CSP are started here, on free ports, for this file alone.
 */
import { resolve } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { loadStory, mapReport } from './helpers.ts';
import { E2E_BUILD, hostOrigin, storyOrigin } from './servers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

const story = loadStory();
const steps = story.steps;
const HOST_PAGES = resolve(import.meta.dirname, 'host');

/** The policy the issue asks the story's own pages to run under, unchanged. */
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:";

/** What the README tells a newsroom to add for each embed kind, for a story at `story`. */
function hostPolicy(kind: 'iframe' | 'element', story: string): string {
  // (`img-src 'self' data:` for the host page's own icon.)
  return kind === 'iframe'
    ? `default-src 'self'; script-src 'self' ${story}; style-src 'self'; img-src 'self' data:; frame-src ${story}`
    : `default-src 'self'; script-src 'self' ${story}; style-src 'self' ${story}; font-src ${story}; ` +
        `img-src 'self' ${story} data: blob:; connect-src ${story}; worker-src blob: ${story}`;
}

let strictStory: StaticServer;
const strictHosts: Partial<Record<'iframe' | 'element', StaticServer>> = {};

test.beforeAll(async () => {
  strictStory = await startStaticServer({
    mounts: [
      {
        prefix: '/',
        dir: E2E_BUILD,
        headers: { 'Content-Security-Policy': STRICT, 'Access-Control-Allow-Origin': '*' },
      },
    ],
  });
  // The iframe's page comes from the strict story server; the element runs under the host's policy.
  const storyOf = { iframe: strictStory.origin, element: storyOrigin() };
  for (const kind of ['iframe', 'element'] as const) {
    strictHosts[kind] = await startStaticServer({
      hostname: 'localhost',
      mounts: [
        { prefix: '/host/', dir: HOST_PAGES, headers: { 'Content-Security-Policy': hostPolicy(kind, storyOf[kind]) } },
      ],
    });
  }
});

test.afterAll(async () => {
  await Promise.all([strictStory, ...Object.values(strictHosts)].map((server) => server?.close()));
});

test.use({ reducedMotion: 'reduce' });

/**
 * Page errors, console errors (a refused inline style or script is one, in any frame) and every
 * `securitypolicyviolation` event in any frame, the element's shadow root included.
 */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (process.env.DEBUG_CONSOLE) console.log(message.type(), message.text());
    if (message.text().startsWith('CSP violation')) problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.log(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return problems;
}

async function storyFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#embed iframe').elementHandle({ timeout: 30_000 });
  const frame = (await handle!.contentFrame())!;
  await frame.waitForFunction(() => document.querySelectorAll('.step').length > 0);
  return frame;
}

/** Waits for the live map in `where` to be drawn and still. */
async function liveMap(where: Page | Frame): Promise<void> {
  await where.waitForFunction(() => Boolean(window.__storyMap), undefined, { timeout: 60_000 });
  await where.evaluate(() => window.__storyMap!.idle());
  expect(await where.locator('.map-frame canvas').count()).toBe(1);
}

/** The host page URL for an embed of `storyUrl`, with the page's script in a file (tests/e2e/host/no-inline.js). */
function hostPage(origin: string, kind: 'iframe' | 'element', storyUrl: string, extra = ''): string {
  return `${origin}/host/no-inline.html?kind=${kind}&story=${encodeURIComponent(storyUrl)}${extra}`;
}

test.describe('strict Content-Security-Policy', () => {
  test('the page shows the live map, legends drawn, with no violation and no style attribute', async ({ page }) => {
    const problems = await watch(page);
    await page.goto(`${strictStory.origin}/`);
    await page.mouse.move(2, 2);
    await liveMap(page);
    // A legend swatch keeps its colours (a refused style attribute left them blank).
    const swatch = page.locator('.card-legend .swatch').first();
    await expect(swatch).toBeVisible();
    expect(await swatch.locator('[fill]').first().getAttribute('fill')).toMatch(/^#/);
    const html = await (await page.request.get(`${strictStory.origin}/`)).text();
    expect(html).not.toMatch(/\sstyle=/);
    expect(problems).toEqual([]);
  });

  test('the speaker view runs with no violation', async ({ page, isMobile }) => {
    test.skip(isMobile, 'the speaker view is a laptop’s second window');
    const problems = await watch(page);
    await page.goto(`${strictStory.origin}/?speaker#${steps[2]!.id}`);
    await expect(page.getByText(`Step 3 of ${steps.length}`).first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the iframe page, on a host whose policy is the README’s, shows the live map with no violation', async ({
    page,
  }) => {
    const problems = await watch(page);
    await page.goto(hostPage(strictHosts.iframe!.origin, 'iframe', `${strictStory.origin}/`));
    const frame = await storyFrame(page);
    await liveMap(frame);
    expect(problems).toEqual([]);
  });

  test('the in-page element, on a host whose policy is the README’s, shows the live map with no violation', async ({
    page,
  }) => {
    const problems = await watch(page);
    await page.goto(hostPage(strictHosts.element!.origin, 'element', `${storyOrigin()}/`));
    const element = page.locator('kuril-story');
    await expect(element.locator('.step')).toHaveCount(steps.length);
    // The :host rules came from the linked stylesheet: a block, not the inline default.
    expect(await element.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await page.mouse.move(2, 2);
    await page.mouse.wheel(0, 400);
    await liveMap(page);
    expect(problems).toEqual([]);
  });
});

for (const hash of ['#%', '#%E0%A4%A']) {
  test(`a malformed address (${hash}) shows the live map with no page error`, async ({ page, isMobile }) => {
    test.skip(isMobile, 'the address is read the same on every screen');
    const problems = await watch(page);
    await page.goto(`/${hash}`);
    const report = await mapReport(page);
    expect(report.stepId).toBe(steps[0]!.id);
    await liveMap(page);
    expect(problems).toEqual([]);
  });
}

/** pym's message format: `pymxPYMx<id>xPYMx<type>xPYMx<message>`. */
const pym = (id: string, type: string, message: string) => ['pym', id, type, message].join('xPYMx');

test('iframe: a forged height or scroll message from another window of the story’s origin changes nothing', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'messages are read the same on every screen');
  const problems = await watch(page);
  await page.goto(hostPage(hostOrigin(), 'iframe', `${storyOrigin()}/`));
  await storyFrame(page);
  const iframe = page.locator('#embed iframe');
  await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(2000);
  const height = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  const scroll = await page.evaluate(() => window.scrollY);

  // Another window of the story's origin on the host page (a second embed, an advert on the same CDN).
  await page.evaluate((src) => {
    const other = document.createElement('iframe');
    other.name = 'forger';
    other.src = src;
    document.body.append(other);
    return new Promise((done) => other.addEventListener('load', done, { once: true }));
  }, `${storyOrigin()}/embed-frame.js`);
  const forger = page.frame({ name: 'forger' })!;
  const id = await page.locator('#embed').getAttribute('id');
  const forged = [
    pym(id!, 'height', '1000000000'),
    pym(id!, 'height', '150'),
    pym(id!, 'height', 'NaN'),
    pym(id!, 'scrollToChildPos', '5000'),
  ];
  await forger.evaluate((messages) => {
    for (const message of messages) parent.postMessage(message, '*');
  }, forged);
  // The story's own iframe sends its height again; once that has arrived the forgeries have too.
  const frame = await storyFrame(page);
  await frame.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(height, 0);
  expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
  expect(problems).toEqual([]);
});

test('iframe: hostile viewport numbers from the parent leave the iframe’s height and main thread within bounds', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'messages are read the same on every screen');
  const problems = await watch(page);
  await page.goto(hostPage(hostOrigin(), 'iframe', `${storyOrigin()}/`));
  const frame = await storyFrame(page);
  await page.mouse.move(2, 2);
  await liveMap(frame);
  const iframe = page.locator('#embed iframe');
  const height = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  const id = (await page.locator('#embed').getAttribute('id'))!;

  // Long tasks in the story's frame from here on.
  await frame.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const hostile = [
    '1440 20000 0 0 5000 1440',
    '1440 1000000 0 0 5000 1440',
    '1e9 1e9 -1e9 0 1e9 0',
    '1440 NaN 0 0 5000 1440',
    '1440 -500 0 0 5000 1440',
  ].map((numbers) => pym(id, 'viewport-iframe-position', numbers));
  await page.evaluate((messages) => {
    const target = document.querySelector<HTMLIFrameElement>('#embed iframe')!.contentWindow!;
    for (const message of messages) target.postMessage(message, '*');
  }, hostile);
  // Messages are handled in order: two frames after a last, harmless one, all have been.
  await page.evaluate(() => {
    const target = document.querySelector<HTMLIFrameElement>('#embed iframe')!.contentWindow!;
    target.postMessage('not a pym message', '*');
  });
  await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await frame.evaluate(() => window.__storyMap!.idle());

  expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(height, 0);
  const longest = await frame.evaluate(() =>
    Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
  );
  expect(longest).toBeLessThan(200);
  expect(problems).toEqual([]);
});

for (const kind of ['iframe', 'element'] as const) {
  test(`${kind}: with top-offset=60 every map control stays below a 60 px sticky host header`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(
      hostPage(hostOrigin(), kind, `${storyOrigin()}/`, `&header=60&attrs=${encodeURIComponent('top-offset=60')}`),
    );
    const where = kind === 'iframe' ? await storyFrame(page) : page;
    const root = kind === 'iframe' ? (where as Frame).locator('body') : page.locator('kuril-story');
    await expect(root.locator('.step')).toHaveCount(steps.length);
    await page.mouse.move(2, 2);

    // Scrolled into the middle of the story, where the map is pinned under the header.
    const middle = root.locator('.step').nth(Math.floor(steps.length / 2));
    const top = await middle.evaluate((el) => el.getBoundingClientRect().top);
    const frameTop =
      kind === 'iframe' ? await page.locator('#embed iframe').evaluate((el) => el.getBoundingClientRect().top) : 0;
    await page.evaluate((y) => window.scrollTo({ top: window.scrollY + y, behavior: 'instant' }), top + frameTop);
    await liveMap(where);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.y).toBe(0);
    expect(header!.height).toBe(60);

    const controls = root.locator('.map-tools :is(button, select, summary), .timeline button');
    await expect.poll(() => controls.count()).toBeGreaterThan(3);
    // Playwright gives frames' boxes in the host page's coordinates.
    await expect
      .poll(async () => {
        const boxes = await Promise.all((await controls.all()).map((control) => control.boundingBox()));
        return Math.min(...boxes.filter((box) => box !== null).map((box) => box.y));
      })
      .toBeGreaterThanOrEqual(60);
    const pane = await root.locator('.map-pane').boundingBox();
    expect(pane!.y).toBeGreaterThanOrEqual(59);
    expect(pane!.y + pane!.height).toBeLessThanOrEqual(page.viewportSize()!.height + 2);
    expect(problems).toEqual([]);
  });
}
