import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPlugin } from './src/build/story/vite-plugin-story.ts';
import { mapFontsPlugin } from './src/build/map/vite-plugin-map-fonts.ts';
import { staticMapsPlugin } from './src/build/static-map/vite-plugin-static-maps.ts';
import { ELEMENT_FILE, embedPlugin } from './src/build/embed/vite-plugin-embed.ts';

const root = import.meta.dirname;
const ELEMENT_ENTRY = 'src/entries/embed.ts';
// The story this build serves, and its datasets.
const STORY_FILE = 'story/kurils/story.md';
const GEO_DIR = 'geo/kurils/out';

// `--mode e2e` builds the production bundle plus the test-only hook (see src/app/map/test-hook.ts);
// the plain build has no trace of it.
export default defineConfig(({ command, mode, isSsrBuild }) => ({
  // Relative asset URLs, so one build serves from any base path or CDN folder.
  base: './',
  plugins: [
    svelte(),
    storyPlugin({ file: STORY_FILE, geoDir: GEO_DIR }),
    mapFontsPlugin({ geoDir: GEO_DIR }),
    staticMapsPlugin(),
    // embed.js (the story's custom element) and embed-frame.js (the iframe's host page script).
    embedPlugin({ elementEntry: ELEMENT_ENTRY, frameEntry: 'src/entries/embed-frame.ts' }),
  ],
  define: {
    __E2E__: JSON.stringify(mode === 'e2e'),
    // The offline copy (src/app/offline): built pages only; scripts/build.ts turns it off for --no-offline.
    __OFFLINE__: JSON.stringify(command === 'build' && process.env.STORY_OFFLINE !== 'off'),
  },
  optimizeDeps: {
    // maplibre-gl 6 ships an ES module worker that the dev pre-bundler would break.
    exclude: ['maplibre-gl'],
  },
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // maplibre-gl alone is ~1 MB minified; it loads lazily, after the text.
    chunkSizeWarningLimit: 1200,
    // The page and the in-page embed; the embed keeps a fixed name at the root for newsrooms to
    // link to, everything else is hashed under assets/. (The SSR build names its own entry.)
    // The still maps and map fonts take a second or two to build, on purpose: no timing report.
    rolldownOptions: isSsrBuild
      ? { checks: { bundlerTimings: false } }
      : {
          checks: { bundlerTimings: false },
          input: { index: resolve(root, 'index.html'), embed: resolve(root, ELEMENT_ENTRY) },
          output: {
            entryFileNames: (chunk) =>
              chunk.facadeModuleId === resolve(root, ELEMENT_ENTRY) ? ELEMENT_FILE : 'assets/[name]-[hash].js',
          },
        },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
