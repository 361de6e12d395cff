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

/** What `whenLoadedAndIdle` needs of the window. */
export type IdleWindow = Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'> & {
  document: Pick<Document, 'readyState'>;
  requestIdleCallback?: Window['requestIdleCallback'];
  cancelIdleCallback?: Window['cancelIdleCallback'];
};

/**
 * Runs `work` once the page has loaded and the browser is idle (at the latest `timeoutMs` after the
 * load), so fetching for the map never competes with the text, its fonts or its pictures.
 */
export function whenLoadedAndIdle(work: () => void, win: IdleWindow = window, timeoutMs = 2000): () => void {
  let cancel = () => win.removeEventListener('load', schedule);
  function schedule() {
    if (win.requestIdleCallback && win.cancelIdleCallback) {
      const id = win.requestIdleCallback(() => work(), { timeout: timeoutMs });
      cancel = () => win.cancelIdleCallback!(id);
    } else {
      const id = win.setTimeout(work, 200);
      cancel = () => win.clearTimeout(id);
    }
  }
  if (win.document.readyState === 'complete') schedule();
  else win.addEventListener('load', schedule, { once: true });
  return () => cancel();
}
