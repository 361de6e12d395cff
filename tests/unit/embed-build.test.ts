/**
 * The embed's build plumbing and the host script's pure parts: which stylesheets reach the shadow
 * root and in what order, the placeholder they replace, pym's page scan removed, the iframe URL
 * and the origin pattern pym checks messages against.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import {
  EMBED_CSS_PLACEHOLDER,
  cssReachableFrom,
  fillCssPlaceholder,
  withoutPymAutoInit,
} from '../../src/build/embed/vite-plugin-embed.ts';
import { frameUrl, originPattern } from '../../src/app/embed/frame-parent.ts';

const chunk = (fileName: string, imports: string[], dynamicImports: string[], css: string[]) =>
  ({
    type: 'chunk',
    fileName,
    imports,
    dynamicImports,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
  }) as unknown as Rolldown.OutputChunk;

function bundleOf(...chunks: Rolldown.OutputChunk[]): Rolldown.OutputBundle {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

describe('cssReachableFrom', () => {
  const bundle = bundleOf(
    chunk('embed.js', ['assets/app.js', 'assets/svelte.js'], [], []),
    chunk(
      'assets/app.js',
      ['assets/svelte.js', 'assets/palette.js'],
      ['assets/map.js', 'assets/present.js'],
      ['assets/app.css'],
    ),
    chunk('assets/palette.js', [], [], ['assets/palette.css']),
    chunk('assets/svelte.js', [], [], []),
    chunk('assets/map.js', ['assets/palette.js', 'assets/maplibre.js'], [], ['assets/map.css']),
    chunk('assets/maplibre.js', [], [], ['assets/maplibre.css']),
    chunk('assets/present.js', ['assets/app.js'], ['assets/map.js'], ['assets/present.css']),
    // Only the page loads these.
    chunk('assets/index.js', ['assets/app.js'], ['assets/speaker.js'], ['assets/fonts.css']),
    chunk('assets/speaker.js', [], [], ['assets/speaker.css']),
  );

  it('lists static CSS dependencies first, then what loads later, each once', () => {
    expect(cssReachableFrom(bundle, 'embed.js')).toEqual([
      'assets/palette.css',
      'assets/app.css',
      'assets/maplibre.css',
      'assets/map.css',
      'assets/present.css',
    ]);
  });

  it('leaves out what only other entries load, and copes with assets and missing files', () => {
    const withAsset = { ...bundle, 'assets/x.woff2': { type: 'asset' } } as unknown as Rolldown.OutputBundle;
    const css = cssReachableFrom(withAsset, 'embed.js');
    expect(css).not.toContain('assets/fonts.css');
    expect(css).not.toContain('assets/speaker.css');
    expect(cssReachableFrom(bundle, 'nope.js')).toEqual([]);
  });
});

describe('fillCssPlaceholder', () => {
  const hrefs = ['./assets/app-1.css', './assets/map-2.css'];

  it.each(['"', "'", '`'])('replaces the placeholder in %s quotes with a JSON array', (quote) => {
    const code = `var h=${quote}${EMBED_CSS_PLACEHOLDER}${quote},g=1;`;
    expect(fillCssPlaceholder(code, hrefs)).toBe('var h=["./assets/app-1.css","./assets/map-2.css"],g=1;');
  });

  it('fails when the minifier dropped or duplicated it', () => {
    expect(() => fillCssPlaceholder('var h=[];', hrefs)).toThrow('found it 0 times');
    const twice = `f("${EMBED_CSS_PLACEHOLDER}");g('${EMBED_CSS_PLACEHOLDER}')`;
    expect(() => fillCssPlaceholder(twice, hrefs)).toThrow('found it 2 times');
  });

  it('does not take mismatched quotes for the placeholder', () => {
    expect(() => fillCssPlaceholder(`x="${EMBED_CSS_PLACEHOLDER}'`, hrefs)).toThrow('found it 0 times');
  });
});

describe('withoutPymAutoInit', () => {
  const pym = readFileSync(createRequire(import.meta.url).resolve('pym.js'), 'utf8');

  it("removes pym's scan of the page at load time and nothing else", () => {
    const stripped = withoutPymAutoInit(pym);
    expect(pym).toContain('lib.autoInit(true);');
    expect(stripped).not.toContain('lib.autoInit(true);');
    expect(stripped).toContain('lib.autoInit = function');
    expect(pym.length - stripped.length).toBe('lib.autoInit(true);'.length);
  });

  it('fails loudly if a new pym no longer matches', () => {
    expect(() => withoutPymAutoInit('lib.autoInit();')).toThrow('autoInit');
  });
});

describe('frameUrl', () => {
  const page = 'https://news.example.com/world/2016/12/kurils.html';

  it('resolves relative URLs against the host page and keeps options and hash', () => {
    expect(frameUrl('/graphics/kurils/?embed&theme=dark#summit', page)?.href).toBe(
      'https://news.example.com/graphics/kurils/?embed&theme=dark#summit',
    );
  });

  it('adds the embed flag when it is missing', () => {
    expect(frameUrl('https://cdn.example.org/kurils/', page)?.href).toBe('https://cdn.example.org/kurils/?embed');
    expect(frameUrl(' https://cdn.example.org/kurils/index.html?theme=dark ', page)?.href).toBe(
      'https://cdn.example.org/kurils/index.html?theme=dark&embed',
    );
    expect(frameUrl('https://cdn.example.org/kurils/?embed=1', page)?.search).toBe('?embed=1');
  });

  it('refuses URLs that are not http(s)', () => {
    expect(frameUrl('javascript:alert(1)', page)).toBeNull();
    expect(frameUrl(' JavaScript:alert(1)', page)).toBeNull();
    expect(frameUrl('data:text/html,<script>alert(1)</script>', page)).toBeNull();
    expect(frameUrl('http://[', page)).toBeNull();
  });
});

describe('originPattern', () => {
  // pym tests `origin.match(new RegExp(xdomain + '$'))`.
  const admits = (origin: string, candidate: string) => new RegExp(originPattern(origin) + '$').test(candidate);

  it("admits exactly the story's origin", () => {
    expect(admits('https://cdn.example.org', 'https://cdn.example.org')).toBe(true);
    expect(admits('http://127.0.0.1:4195', 'http://127.0.0.1:4195')).toBe(true);
  });

  it('refuses look-alikes', () => {
    expect(admits('https://cdn.example.org', 'https://evil-cdn.example.org')).toBe(false);
    expect(admits('https://cdn.example.org', 'https://cdnXexample.org')).toBe(false);
    expect(admits('https://cdn.example.org', 'http://cdn.example.org')).toBe(false);
    expect(admits('https://cdn.example.org', 'https://cdn.example.org.evil.com')).toBe(false);
    expect(admits('http://127.0.0.1:4195', 'http://127.0.0.1:41950')).toBe(false);
  });
});
