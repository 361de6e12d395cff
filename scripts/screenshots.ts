/**
 * `npm run screenshots`: every step of the story, live and still, at the sizes readers bring
 * (phones 360×740, 390×844 and 412×915, a landscape phone at 740×360, a desktop at 1440×900), from
 * the production build (dist/), into screenshots/<size>-<live|still>/ (not committed). Reduced
 * motion is emulated so each live step is captured the moment its map is complete (the map marks it
 * with data-idle-step); the still mode is a browser without WebGL, where the still pictures take
 * the map's place.
 * `npm run screenshots -- summit china` captures only the steps named.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { layoutFor } from '../src/shared/layout.ts';
import { startPreview } from './preview.ts';

const SIZES = [
  { width: 360, height: 740, mobile: true },
  { width: 390, height: 844, mobile: true },
  { width: 412, height: 915, mobile: true },
  { width: 740, height: 360, mobile: true },
  { width: 1440, height: 900, mobile: false },
];
const MODES = ['live', 'still'] as const;

const only = new Set(process.argv.slice(2));
const preview = await startPreview('dist');
const ORIGIN = preview.origin;

try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  for (const size of SIZES) {
    for (const mode of MODES) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.mobile ? 2 : 1,
        isMobile: size.mobile,
        hasTouch: size.mobile,
        reducedMotion: 'reduce',
      });
      if (mode === 'still') {
        // As on a device without WebGL: the story shows each step's still picture in the map's place.
        await context.addInitScript(() => {
          const getContext = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (
            this: HTMLCanvasElement,
            type: string,
            ...rest: unknown[]
          ) {
            if (/webgl/i.test(type)) return null;
            return (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
          } as typeof getContext;
        });
      }
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      const ids = await page.locator('.step').evaluateAll((els) => els.map((el) => el.id));
      const offset = layoutFor(size.width, size.height).triggerOffset;
      const folder = `screenshots/${size.width}x${size.height}-${mode}`;
      mkdirSync(folder, { recursive: true });
      for (const [index, id] of ids.entries()) {
        if (only.size > 0 && !only.has(id)) continue;
        await page.evaluate(
          ({ index, offset }) => {
            const el = document.querySelectorAll<HTMLElement>('.step')[index]!;
            window.scrollTo({
              top: el.getBoundingClientRect().top + window.scrollY - window.innerHeight * offset + 8,
              behavior: 'instant',
            });
          },
          { index, offset },
        );
        if (mode === 'live') {
          await page.locator(`.map[data-idle-step="${id}"]`).waitFor({ state: 'attached', timeout: 180_000 });
        } else {
          await page.waitForFunction(
            (stepId) => {
              const img = document.querySelector<HTMLImageElement>('.map-fallback img');
              return Boolean(img?.complete && img.naturalWidth > 0 && img.currentSrc.includes(`/map-${stepId}`));
            },
            id,
            { timeout: 180_000 },
          );
        }
        const file = `${folder}/${String(index + 1).padStart(2, '0')}-${id}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
  await browser.close();
} finally {
  await preview.stop();
}
