/**
 * Issue 13, "Phone-first": on a 390×844 phone the tools take one slim row over the map and the map
 * keeps at least 45% of the screen above the step's card at every step; landscape phones keep at
 * least half the screen for the map; a step reached by a jump shows its end state (the reveal whole).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectClean, loadStory, settledOn, watchPage, type PageWatch } from './helpers.ts';

const story = loadStory();
const steps = story.steps;
const revealing = steps.filter((s) => s.reveal !== undefined);

/** The features a name label names: islands, countries and straits by their label's `target`, places by their own id. */
const named = new Set(
  (['labels', 'places'] as const).flatMap((dataset) =>
    (
      JSON.parse(readFileSync(`geo/kurils/out/${dataset}.geojson`, 'utf8')) as {
        features: Array<{ properties: { id: string; target?: string } }>;
      }
    ).features.map((f) => (dataset === 'places' ? f.properties.id : (f.properties.target ?? ''))),
  ),
);
named.delete('');

let watch: PageWatch;

test.beforeEach(async ({ page, baseURL }) => {
  watch = watchPage(page, baseURL!);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures it sets up from this pattern
test.afterEach(async ({}, testInfo) => {
  expectClean(watch, testInfo);
});

/** The tool chrome's bottom edge and the active card's top edge, in CSS px from the top of the screen. */
async function mapRegion(page: Page, stepId: string) {
  return page.evaluate((id) => {
    const row = document.querySelector('.tool-row')!.getBoundingClientRect();
    const card = document.querySelector(`#${id} .card`)!.getBoundingClientRect();
    const pane = document.querySelector('.map-pane')!.getBoundingClientRect();
    return {
      chrome: row.bottom,
      cardTop: card.top,
      pane: { left: pane.left, width: pane.width },
      width: innerWidth,
      height: innerHeight,
    };
  }, stepId);
}

/**
 * The step's highlighted or framed features that have a name label but are not named on the map,
 * or whose name meets the tools, the card or a screen edge.
 */
async function unnamedSubjects(
  page: Page,
  step: (typeof steps)[number],
  m: Awaited<ReturnType<typeof mapRegion>>,
): Promise<string[]> {
  const subjects = [...new Set([...step.highlight, ...(step.framed ?? [])])].filter((id) => named.has(id));
  if (subjects.length === 0) return [];
  const problems: string[] = [];
  const canvas = (await page.locator('.map-frame canvas').boundingBox())!;
  // Strips of the canvas outside the region, in canvas px: a label meeting one is covered or cut.
  const [top, bottom] = [m.chrome - canvas.y, m.cardTop - canvas.y];
  const [left, right] = [-canvas.x, m.width - canvas.x];
  const strips: Record<string, [[number, number], [number, number]]> = {
    'under the tools': [
      [left, -1000],
      [right, top],
    ],
    'under the card': [
      [left, bottom],
      [right, canvas.height + 1000],
    ],
    'cut at the left edge': [
      [left - 1000, -1000],
      [left + 1, canvas.height + 1000],
    ],
    'cut at the right edge': [
      [right - 1, -1000],
      [right + 1000, canvas.height + 1000],
    ],
  };
  const placed = new Set((await page.evaluate(() => window.__storyMap!.placedNames())).map((label) => label.names));
  for (const id of subjects) if (!placed.has(id)) problems.push(`${step.id}: ${id} is not named`);
  for (const [where, box] of Object.entries(strips)) {
    const meeting = await page.evaluate((b) => window.__storyMap!.placedNames(b), box);
    for (const id of subjects) {
      if (meeting.some((label) => label.names === id)) problems.push(`${step.id}: ${id}'s name is ${where}`);
    }
  }
  return problems;
}

/** The occupation route is drawn to its end: each arm's gradient one colour, its dated points all shown. */
async function revealComplete(page: Page, layer: string): Promise<boolean> {
  return page.evaluate((owner) => {
    const hook = window.__storyMap!;
    const arms = ['north', 'south'].map((arm) => JSON.stringify(hook.paint(`${owner}-${arm}-line`, 'line-gradient')));
    // The points' filter shows those dated up to the share of the campaign drawn: all of it.
    const points = hook.filter(`${owner}-circle`) as [string, unknown, [string, unknown, number]];
    return (
      arms.every((gradient) => gradient !== 'null' && !gradient.includes('rgba(0, 0, 0, 0)')) && points[2][2] === 1
    );
  }, layer);
}

test.describe('phone chrome and map room', () => {
  test.skip(({ isMobile }) => !isMobile, 'the phone layout');
  test.use({ reducedMotion: 'reduce' });

  test('at every step: the tools take at most 56 px, the map at least 45% of the screen above the card, each highlighted or framed feature is named, whole, between the tools and the card, and each labelled line shown carries its label', async ({
    page,
  }) => {
    test.setTimeout(steps.length * 20_000 + 60_000);
    // One page, stepped by the keyboard: a step's picture is the same however the reader arrives
    // (deep links are walked in story.spec.ts), and one map load keeps the walk short.
    await page.goto(`./#${steps[0]!.id}`);
    const problems: string[] = [];
    for (const step of steps) {
      if (step.index > 0) {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('ArrowDown');
      }
      await settledOn(page, step.id);
      const m = await mapRegion(page, step.id);
      expect(m.chrome, `tool chrome over the map on ${step.id}`).toBeLessThanOrEqual(56);
      expect((m.cardTop - m.chrome) / m.height, `map between tools and card on ${step.id}`).toBeGreaterThanOrEqual(
        0.45,
      );
      problems.push(...(await unnamedSubjects(page, step, m)));
      // Lines that carry meaning carry their label: the borders' years, the distances' figures.
      const lineLabels = await page.evaluate(() => window.__storyMap!.lineLabels());
      for (const layer of step.layers)
        if (layer in lineLabels && lineLabels[layer]!.length === 0)
          problems.push(`${step.id}: ${layer}'s line has no label`);
    }
    expect(problems).toEqual([]);
  });

  test('the settings button discloses the tools; Esc folds them and returns the focus', async ({ page }) => {
    await page.goto('./');
    await settledOn(page, steps[0]!.id);
    const toggle = page.getByRole('button', { name: 'Settings' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Reduce motion' })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Reduce motion' })).toBeVisible();
    await page.getByRole('button', { name: 'Explore map' }).focus();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(page.getByRole('button', { name: 'Reduce motion' })).toBeHidden();
  });

  test('landscape 740×360: the map keeps at least half the screen', async ({ page }) => {
    await page.setViewportSize({ width: 740, height: 360 });
    const step = steps[Math.floor(steps.length / 2)]!;
    await page.goto(`./#${step.id}`);
    await settledOn(page, step.id);
    const m = await mapRegion(page, step.id);
    const share = (m.pane.width * (m.height - m.chrome)) / (m.width * m.height);
    expect(m.pane.left, 'the map beside the text').toBeGreaterThan(0);
    expect(share, 'the map’s share of the screen').toBeGreaterThanOrEqual(0.5);
  });
});

test.describe('a step reached by a jump shows its end state', () => {
  test.use({ reducedMotion: 'no-preference' });

  for (const step of revealing) {
    test(`deep link to ${step.id}: the ${step.reveal} layer is drawn whole`, async ({ page }) => {
      await page.goto(`./#${step.id}`);
      await settledOn(page, step.id);
      await expect.poll(() => revealComplete(page, step.reveal!)).toBe(true);
    });

    test(`keyboard arrival at ${step.id}: the ${step.reveal} layer is drawn whole`, async ({ page }) => {
      const before = steps[step.index - 1]!;
      await page.goto(`./#${before.id}`);
      await settledOn(page, before.id);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('ArrowDown');
      await settledOn(page, step.id);
      await expect.poll(() => revealComplete(page, step.reveal!)).toBe(true);
    });
  }
});
