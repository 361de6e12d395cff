/**
 * A story is found by its folder and builds on its own: a throwaway story from a fixture folder
 * (tests/fixtures/hokkaido-cities: its own story.md and dataset) built into a temporary site as a
 * story beside the default, with its prerendered page, still maps, embed scripts, social card and
 * offline copy. No change under src/ was needed for it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStory } from '../../scripts/build-story.ts';
import { SOCIAL_CARD } from '../../src/build/social-card/social-card.ts';
import { loadFixtureStory } from '../stories.ts';

const fixture = loadFixtureStory('hokkaido-cities');
let site = '';
let outDir = '';
let html = '';

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'story-build-'));
  ({ outDir } = await buildStory(fixture.folder, {
    siteDir: site,
    isDefault: false,
    others: [],
    mode: 'production',
    offline: true,
    siteUrl: 'https://news.example.org/maps/',
    ssrDir: join(site, '.ssr'),
  }));
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 180_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('a story built from its folder', () => {
  it('goes into the site folder named by its slug', () => {
    expect(outDir).toBe(join(site, 'hokkaido-cities'));
    expect(existsSync(join(site, '.ssr'))).toBe(false);
  });

  it('has its page prerendered with its own title, text and every step', () => {
    expect(html).toContain(`<title>${fixture.story.meta.title}</title>`);
    expect(html).toContain('Sapporo is the capital of Hokkaido');
    for (const step of fixture.story.steps) expect(html).toContain(`id="${step.id}"`);
    expect(html).not.toContain('<!--app-html-->');
  });

  it('has every still map its page shows', () => {
    const pictures = [...html.matchAll(/(?:src|srcset)="\.\/(assets\/map-[^"\s]+\.svg)"/g)].map((m) => m[1]!);
    for (const step of fixture.story.steps) {
      expect(pictures.some((path) => path.startsWith(`assets/map-${step.id}-`))).toBe(true);
    }
    for (const path of pictures) expect(existsSync(join(outDir, path)), path).toBe(true);
  });

  it('has the embed scripts, the favicon and an offline copy scoped to its folder, and no robots.txt', () => {
    for (const file of ['embed.js', 'embed-frame.js', 'favicon.svg', 'apple-touch-icon.png', 'sw.js']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    expect(html).toContain('<link rel="icon" href="./favicon.svg"');
    expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).toContain('"index.html"');
    expect(existsSync(join(outDir, 'robots.txt'))).toBe(false);
  });

  it('has a 1200×630 social card, named with absolute addresses by the og: and twitter: tags', () => {
    expect(pngSize(readFileSync(join(outDir, SOCIAL_CARD.fileName)))).toEqual({ width: 1200, height: 630 });
    const page = 'https://news.example.org/maps/hokkaido-cities/';
    for (const tag of [
      `<meta property="og:title" content="${fixture.story.meta.title}" />`,
      `<meta property="og:description" content="${fixture.story.meta.dek}" />`,
      `<meta property="og:url" content="${page}" />`,
      `<meta property="og:image" content="${page}social-card.png" />`,
      '<meta property="og:image:width" content="1200" />',
      '<meta property="og:image:height" content="630" />',
      '<meta name="twitter:card" content="summary_large_image" />',
    ]) {
      expect(html).toContain(tag);
    }
  });
});
