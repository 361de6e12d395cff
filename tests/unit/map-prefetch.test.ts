/**
 * The live map's files fetched ahead (issue 15): the build's list of them (the map's chunk, what it
 * imports, the worker and the data, no fonts) and the page's prefetch of that list, once, when idle.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Rolldown } from 'vite';
import { filesOfChunk, prefetchBlock } from '../../src/build/map/vite-plugin-map-prefetch.ts';
import { prefetchMap, whenLoadedAndIdle, type IdleWindow } from '../../src/app/map/prefetch.ts';
import { MAP_PREFETCH_ID } from '../../src/shared/map/prefetch-list.ts';

function chunk(fileName: string, imports: string[], css: string[] = [], assets: string[] = []) {
  return {
    type: 'chunk',
    fileName,
    imports,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set(assets) },
  } as unknown as Rolldown.OutputChunk;
}

describe('the build’s list', () => {
  const bundle = {
    'assets/create-map.js': chunk(
      'assets/create-map.js',
      ['assets/shared.js'],
      ['assets/create-map.css'],
      ['assets/maplibre-gl-worker.mjs', 'assets/map-data-first.json', 'assets/noto-sans-latin.woff2'],
    ),
    'assets/shared.js': chunk('assets/shared.js', ['assets/create-map.js'], [], ['assets/map-data-rest.json']),
    'assets/index.js': chunk('assets/index.js', ['assets/shared.js']),
  } as unknown as Rolldown.OutputBundle;

  it('is the chunk, what it imports (cycles too), their stylesheets and assets, without fonts', () => {
    expect(filesOfChunk(bundle, bundle['assets/create-map.js'] as Rolldown.OutputChunk)).toEqual([
      'assets/create-map.css',
      'assets/create-map.js',
      'assets/map-data-first.json',
      'assets/map-data-rest.json',
      'assets/maplibre-gl-worker.mjs',
      'assets/shared.js',
    ]);
  });

  it('goes in the page as JSON that is never run, relative to the page, with no way out of its element', () => {
    const block = prefetchBlock(['assets/a.js', 'assets/</script>.js']);
    expect(block.startsWith(`<script type="application/json" id="${MAP_PREFETCH_ID}">`)).toBe(true);
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    const json = block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual(['./assets/a.js', './assets/</script>.js']);
  });
});

/** A document with the page's list (or none), recording the links the prefetch adds. */
function page(list: string | null, saveData = false) {
  const links: Array<{ rel: string; href: string }> = [];
  const attributes = new Set<string>();
  const block =
    list === null
      ? null
      : {
          textContent: list,
          hasAttribute: (name: string) => attributes.has(name),
          setAttribute: (name: string) => void attributes.add(name),
        };
  const doc = {
    baseURI: 'https://news.example.org/graphics/story/',
    defaultView: { navigator: { connection: { saveData } } },
    getElementById: (id: string) => (id === MAP_PREFETCH_ID ? block : null),
    createElement: () => ({ rel: '', href: '' }),
    head: { append: (link: { rel: string; href: string }) => links.push(link) },
  } as unknown as Document;
  return { doc, links };
}

describe('prefetchMap', () => {
  it('asks for every listed file, against the page’s address, once', () => {
    const { doc, links } = page('["./assets/create-map.js","./assets/map-data-first.json"]');
    prefetchMap(doc);
    prefetchMap(doc);
    expect(links).toEqual([
      { rel: 'prefetch', href: 'https://news.example.org/graphics/story/assets/create-map.js' },
      { rel: 'prefetch', href: 'https://news.example.org/graphics/story/assets/map-data-first.json' },
    ]);
  });

  it('asks for nothing when the reader saves data, on a page without the list, or with a broken one', () => {
    for (const { doc, links } of [page('["./assets/a.js"]', true), page(null), page('{not json'), page('{"a":1}')]) {
      prefetchMap(doc);
      expect(links).toEqual([]);
    }
  });
});

describe('whenLoadedAndIdle', () => {
  function fakeWindow(readyState: DocumentReadyState, idle: boolean) {
    const target = new EventTarget();
    const idleCallbacks: Array<() => void> = [];
    const win = {
      document: { readyState },
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
      setTimeout: (fn: () => void) => (idleCallbacks.push(fn), idleCallbacks.length),
      clearTimeout: (id: number) => void (idleCallbacks[id - 1] = () => {}),
      ...(idle
        ? {
            requestIdleCallback: (fn: () => void) => (idleCallbacks.push(fn), idleCallbacks.length),
            cancelIdleCallback: (id: number) => void (idleCallbacks[id - 1] = () => {}),
          }
        : {}),
    } as unknown as IdleWindow;
    return {
      win,
      load: () => target.dispatchEvent(new Event('load')),
      runIdle: () => idleCallbacks.forEach((f) => f()),
    };
  }

  it('waits for the load, then for the browser to be idle', () => {
    const work = vi.fn();
    const { win, load, runIdle } = fakeWindow('interactive', true);
    whenLoadedAndIdle(work, win);
    runIdle();
    expect(work).not.toHaveBeenCalled();
    load();
    expect(work).not.toHaveBeenCalled();
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('on a loaded page waits only for idle, with a timer where idle callbacks are missing', () => {
    const work = vi.fn();
    const { win, runIdle } = fakeWindow('complete', false);
    whenLoadedAndIdle(work, win);
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped, before or after the load', () => {
    const work = vi.fn();
    const before = fakeWindow('loading', true);
    whenLoadedAndIdle(work, before.win)();
    before.load();
    before.runIdle();
    const after = fakeWindow('complete', true);
    whenLoadedAndIdle(work, after.win)();
    after.runIdle();
    expect(work).not.toHaveBeenCalled();
  });
});
