/**
 * Fetches what the live map needs into the browser's cache without running any of it: the list the
 * build left in the page (src/build/map/vite-plugin-map-prefetch.ts), each file as a low-priority
 * `prefetch`, all at once. Then the map, when it is wanted, finds its chunk, worker and data there
 * instead of asking for one after the other. Once per page (the block is marked as used); never for
 * a reader who asked their browser to save data, and nothing on a page without the list (the dev
 * server's, a newsroom's page around the in-page embed).
 */
import { MAP_PREFETCH_ID } from '../../shared/map/prefetch-list.ts';

export function prefetchMap(doc: Document = document): void {
  const block = doc.getElementById(MAP_PREFETCH_ID);
  if (!block || block.hasAttribute('data-fetched')) return;
  block.setAttribute('data-fetched', '');
  if (
    (doc.defaultView?.navigator as (Navigator & { connection?: { saveData?: boolean } }) | undefined)?.connection
      ?.saveData
  )
    return;
  const text = block.textContent;
  if (!text) return;
  let files: unknown;
  try {
    files = JSON.parse(text);
  } catch {
    return;
  }
  if (!Array.isArray(files)) return;
  for (const file of files) {
    if (typeof file !== 'string') continue;
    const link = doc.createElement('link');
    link.rel = 'prefetch';
    link.href = new URL(file, doc.baseURI).href;
    doc.head.append(link);
  }
}

/** What `whenPaintedAndIdle` needs of the window. */
export type IdleWindow = Pick<Window, 'addEventListener' | 'setTimeout' | 'clearTimeout'> & {
  document: Pick<Document, 'readyState'> & {
    fonts?: Pick<FontFaceSet, 'ready'>;
    images: ArrayLike<Pick<HTMLImageElement, 'loading' | 'decode'>>;
  };
  PerformanceObserver?: typeof PerformanceObserver;
  requestIdleCallback?: Window['requestIdleCallback'];
  cancelIdleCallback?: Window['cancelIdleCallback'];
};

/**
 * Resolves once the browser reports one of `pictures` as the largest paint so far; after
 * `timeoutMs` if it does not (a picture smaller than the text is never reported); at once where
 * there is no picture or the browser reports no largest paints (Safari).
 */
export function largestPaintOf(win: IdleWindow, pictures: readonly object[], timeoutMs: number): Promise<void> {
  const Observer = win.PerformanceObserver;
  if (pictures.length === 0 || !Observer?.supportedEntryTypes?.includes('largest-contentful-paint'))
    return Promise.resolve();
  return new Promise((painted) => {
    const done = () => {
      observer.disconnect();
      win.clearTimeout(timer);
      painted();
    };
    const observer = new Observer((list) => {
      const entries = list.getEntries() as Array<PerformanceEntry & { element?: object | null }>;
      if (entries.some((entry) => entry.element && pictures.includes(entry.element))) done();
    });
    const timer = win.setTimeout(done, timeoutMs);
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/**
 * Runs `work` once the page has painted what it shows first (loaded, its fonts in, its eager
 * pictures decoded and painted) and the browser is idle (at the latest `timeoutMs` after that),
 * so fetching for the map never competes with the text, its fonts or its pictures. On a fast
 * connection the load comes well before those paints, so the load alone is not enough.
 */
export function whenPaintedAndIdle(work: () => void, win: IdleWindow = window, timeoutMs = 2000): () => void {
  let stopped = false;
  let cancelIdle = () => {};
  void (async () => {
    if (win.document.readyState !== 'complete')
      await new Promise((loaded) => win.addEventListener('load', loaded, { once: true }));
    await win.document.fonts?.ready;
    const eager = Array.from(win.document.images).filter((image) => image.loading !== 'lazy');
    await Promise.all(eager.map((image) => image.decode().catch(() => {})));
    await largestPaintOf(win, eager, 1000);
    if (stopped) return;
    if (win.requestIdleCallback && win.cancelIdleCallback) {
      const id = win.requestIdleCallback(() => work(), { timeout: timeoutMs });
      cancelIdle = () => win.cancelIdleCallback!(id);
    } else {
      const id = win.setTimeout(work, 200);
      cancelIdle = () => win.clearTimeout(id);
    }
  })();
  return () => {
    stopped = true;
    cancelIdle();
  };
}
