/**
 * The live map's files fetched ahead (issue 15): the build's list of them (the map's chunk, what it
 * imports, the worker and the data, no fonts) and the page's prefetch of that list, once, when idle.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Rolldown } from 'vite';
import { filesOfChunk, prefetchBlock } from '../../src/build/map/vite-plugin-map-prefetch.ts';
import { prefetchMap, whenPaintedAndIdle, type IdleWindow } from '../../src/app/map/prefetch.ts';
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

describe('whenPaintedAndIdle', () => {
  /** A window whose load, fonts, pictures, paints, timers and idle time the test releases one by one. */
  function fakeWindow(readyState: DocumentReadyState, { idle = true, fonts = true, paints = true } = {}) {
    const target = new EventTarget();
    const queued = { timer: [] as Array<() => void>, idle: [] as Array<() => void> };
    const observers: Array<{ callback: PerformanceObserverCallback; on: boolean }> = [];
    const painted: Array<{ element: object }> = [];
    const text = {};
    const report = (entry: { element: object }) => {
      painted.push(entry);
      observers.filter((o) => o.on).forEach((o) => deliver(o, [entry]));
    };
    const deliver = (observer: (typeof observers)[number], entries: typeof painted) =>
      observer.callback({ getEntries: () => entries } as unknown as PerformanceObserverEntryList, {} as never);
    let fontsIn = () => {};
    let pictureIn = () => {};
    const decoded = new Promise<void>((resolve) => (pictureIn = resolve));
    const picture = { loading: 'eager', decode: () => decoded };
    const lazy = { loading: 'lazy', decode: () => new Promise<void>(() => {}) };
    class Observer {
      static supportedEntryTypes = ['largest-contentful-paint', 'paint'];
      #self: (typeof observers)[number];
      constructor(callback: PerformanceObserverCallback) {
        this.#self = { callback, on: false };
        observers.push(this.#self);
      }
      observe(options: PerformanceObserverInit) {
        this.#self.on = true;
        if (options.buffered && painted.length > 0) deliver(this.#self, painted);
      }
      disconnect() {
        this.#self.on = false;
      }
    }
    const win = {
      document: {
        readyState,
        images: [picture, lazy],
        ...(fonts ? { fonts: { ready: new Promise((resolve) => (fontsIn = () => resolve({}))) } } : {}),
      },
      ...(paints ? { PerformanceObserver: Observer } : {}),
      addEventListener: target.addEventListener.bind(target),
      setTimeout: (fn: () => void) => queued.timer.push(fn),
      clearTimeout: (id: number) => void (queued.timer[id - 1] = () => {}),
      ...(idle
        ? {
            requestIdleCallback: (fn: () => void) => queued.idle.push(fn),
            cancelIdleCallback: (id: number) => void (queued.idle[id - 1] = () => {}),
          }
        : {}),
    } as unknown as IdleWindow;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const release = (fn: () => void) => async () => {
      await settle();
      fn();
      await settle();
    };
    const run = (what: 'timer' | 'idle') =>
      // Each callback runs once; ids stay the array's positions, for the cancel functions.
      release(() => queued[what].forEach((f, i) => ((queued[what][i] = () => {}), f())));
    return {
      win,
      load: release(() => target.dispatchEvent(new Event('load'))),
      fontsIn: release(() => fontsIn()),
      pictureIn: release(() => pictureIn()),
      /** The browser reports the text, then the eager picture, as the largest paint. */
      paintText: release(() => report({ element: text })),
      paint: release(() => report({ element: picture })),
      timers: run('timer'),
      idle: run('idle'),
    };
  }

  it.each([
    ['load', 'fontsIn', 'pictureIn', 'paint'],
    ['paint', 'pictureIn', 'fontsIn', 'load'],
    ['paint', 'load', 'pictureIn', 'fontsIn'],
    ['paint', 'load', 'fontsIn', 'pictureIn'],
  ] as const)(
    'waits for the load, the fonts, the eager pictures decoded and painted, then for idle (%s, %s, %s, %s)',
    async (...steps) => {
      const work = vi.fn();
      const page = fakeWindow('interactive');
      whenPaintedAndIdle(work, page.win);
      for (const step of steps) {
        if (step !== 'paint') await page.paintText();
        await page.idle();
        expect(work, `before ${step}`).not.toHaveBeenCalled();
        await page[step]();
      }
      expect(work).not.toHaveBeenCalled();
      await page.idle();
      expect(work).toHaveBeenCalledTimes(1);
    },
  );

  it('takes a picture painted before it looked, and goes on without one once its timer runs out', async () => {
    const early = vi.fn();
    const first = fakeWindow('complete');
    whenPaintedAndIdle(early, first.win);
    await first.paint();
    await first.fontsIn();
    await first.pictureIn();
    await first.idle();
    expect(early).toHaveBeenCalledTimes(1);

    const work = vi.fn();
    const page = fakeWindow('complete');
    whenPaintedAndIdle(work, page.win);
    await page.fontsIn();
    await page.pictureIn();
    await page.paintText();
    await page.idle();
    expect(work).not.toHaveBeenCalled();
    await page.timers();
    await page.idle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('without paint reports, font reports or idle callbacks waits for the pictures and a timer', async () => {
    const work = vi.fn();
    const page = fakeWindow('complete', { idle: false, fonts: false, paints: false });
    whenPaintedAndIdle(work, page.win);
    await page.timers();
    expect(work).not.toHaveBeenCalled();
    await page.pictureIn();
    await page.timers();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped, before or after it was scheduled', async () => {
    const work = vi.fn();
    for (const stopAfter of [0, 2, 4]) {
      const page = fakeWindow('loading');
      const stop = whenPaintedAndIdle(work, page.win);
      const steps = [page.load, page.fontsIn, page.pictureIn, page.paint];
      for (const [i, step] of steps.entries()) {
        if (i === stopAfter) stop();
        await step();
      }
      if (stopAfter === steps.length) stop();
      await page.timers();
      await page.idle();
    }
    expect(work).not.toHaveBeenCalled();
  });
});
