/**
 * `npm run screenshots`: every step of the story at 1440×900 and 390×844, from the production
 * build (dist/), into screenshots/ (not committed). Reduced motion is emulated so each step is
 * captured the moment its map is complete (the map marks it with data-idle-step).
 * `npm run screenshots -- summit china` captures only the steps named.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { layoutFor } from '../src/lib/layout.ts';
import { startPreview } from './preview.ts';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900, mobile: false },
  { name: 'phone', width: 390, height: 844, mobile: true },
];

const only = new Set(process.argv.slice(2));
const preview = await startPreview('dist');
const ORIGIN = preview.origin;

try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.mobile ? 2 : 1,
      isMobile: size.mobile,
      hasTouch: size.mobile,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const ids = await page.locator('.step').evaluateAll((els) => els.map((el) => el.id));
    const offset = layoutFor(size.width, size.height).triggerOffset;
    mkdirSync(`screenshots/${size.name}`, { recursive: true });
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
      await page.locator(`.map[data-idle-step="${id}"]`).waitFor({ state: 'attached', timeout: 60_000 });
      const file = `screenshots/${size.name}/${String(index + 1).padStart(2, '0')}-${id}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
  await browser.close();
} finally {
  await preview.stop();
}
