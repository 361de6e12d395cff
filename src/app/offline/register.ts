/**
 * The offline copy of the story: sw.js, the service worker scripts/service-worker.ts writes into
 * each build, precaches every file of that build, so the story, present mode and the speaker view
 * keep working when the network drops and on the next visit without one. Registered only once the
 * live map has drawn: a reader who only reads the opening (or whose device cannot run the map)
 * never downloads the map library in the background, and the page's own loading comes first.
 */

/** The mark StoryMap sets when the first full map is drawn. */
const MAP_RENDERED = 'story:map-rendered';

function mapRendered(): Promise<void> {
  return new Promise((resolve) => {
    const drawn = () => performance.getEntriesByName(MAP_RENDERED, 'mark').length > 0;
    if (drawn()) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver(() => {
      if (!drawn()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark' });
  });
}

/**
 * Registers the service worker beside the story's page (`storyUrl`), whose folder is its scope.
 * A build made with `--no-offline` has no registration at all (`__OFFLINE__`), and readers who
 * ask their browser to save data are not sent the whole story in the background.
 */
export function registerOffline(storyUrl: string): void {
  if (!__OFFLINE__) return;
  try {
    if (!('serviceWorker' in navigator)) return;
    if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
  } catch {
    // A sandboxed frame may refuse even the question.
    return;
  }
  void mapRendered()
    .then(() => navigator.serviceWorker.register(new URL('sw.js', storyUrl)))
    .catch((error: unknown) => console.warn('No offline copy:', error instanceof Error ? error.message : error));
}
