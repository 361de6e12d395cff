/**
 * The offline copy's service worker (registered by src/app/offline/register.ts), written by
 * Workbox into a finished build, after the prerender, so that its precache list holds the final
 * index.html and every hashed asset: the app, its lazy chunks (map library and worker, present
 * mode, speaker view), data, fonts and still pictures.
 *
 * Updates: each entry has a revision (hashed names are their own), so a new build's worker
 * fetches only what changed, then waits until no open page still runs the old one before it takes
 * over and drops what the new build no longer has. A page is served by one build, never a mix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

const SW_FILE = 'sw.js';

/**
 * Writes `sw.js` for the build in `outDir`; returns how many files it precaches and their bytes.
 * `otherStories`: folders of `outDir` that hold other stories' builds (the default story's build
 * has the others beside its files), each with a worker of its own.
 */
export async function writeServiceWorker(
  outDir: string,
  otherStories: readonly string[] = [],
): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*.{html,js,mjs,css,woff2,woff,geojson,json,svg}'],
    // The embed scripts run in newsrooms' pages, which no worker of the story's ever controls.
    globIgnores: [SW_FILE, 'embed.js', 'embed-frame.js', ...otherStories.map((folder) => `${folder}/**`)],
    swDest: join(outDir, SW_FILE),
    // One file, no importScripts from elsewhere: the page's CSP allows only its own origin.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    cacheId: 'kuril-story',
    // Content-hashed names under assets/ need no revision of their own.
    dontCacheBustURLsMatching: /^assets\//,
    // ?present, ?speaker, ?embed&theme=dark… are all the one prerendered index.html.
    ignoreURLParametersMatching: [/.*/],
    // The map library's chunk is about 1 MB.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // The first visit's page is taken over as soon as its copy is complete, so present mode and
    // the speaker view already come from it when the network drops. Never skipWaiting: an update
    // waits for the old build's pages to close.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  return { count, size };
}

/**
 * `--no-offline`: instead of a service worker, one that removes itself and the story's caches,
 * so readers who kept an earlier build's offline copy go back to the network on their next visit.
 */
export function writeServiceWorkerRemover(outDir: string): void {
  writeFileSync(
    join(outDir, SW_FILE),
    `// This build has no offline copy: remove the one an earlier build installed.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('kuril-story')).map((key) => caches.delete(key))))
      .then(() => self.registration.unregister()),
  );
});
`,
  );
}
