import { resolve } from 'node:path';
import { defineConfig, type ConfigEnv, type UserConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readStories, type StoryFolder } from './src/build/story/folders.ts';
import { storyPlugin } from './src/build/story/vite-plugin-story.ts';
import { mapFontsPlugin } from './src/build/map/vite-plugin-map-fonts.ts';
import { staticMapsPlugin } from './src/build/static-map/vite-plugin-static-maps.ts';
import { storyMapPlugin } from './src/build/map/vite-plugin-story-map.ts';
import { mapPrefetchPlugin } from './src/build/map/vite-plugin-map-prefetch.ts';
import { socialCardPlugin } from './src/build/social-card/vite-plugin-social-card.ts';
import { ELEMENT_FILE, embedPlugin } from './src/build/embed/vite-plugin-embed.ts';

const root = import.meta.dirname;
const ELEMENT_ENTRY = 'src/entries/embed.ts';

export interface StoryBuild {
  story: StoryFolder;
  /** Where the build goes, relative to the project (dist/, dist/<slug>/); the SSR build names its own. */
  outDir?: string;
  /** Whether the built pages register the offline copy's service worker (`--no-offline` turns it off). */
  offline?: boolean;
}

/**
 * The configuration of one story's build or dev server: every story is built by the same app, from
 * its own folder (scripts/build.ts builds each; scripts/dev.ts serves each at its path).
 * `--mode e2e` builds the production bundle plus the test-only hook (see src/app/map/test-hook.ts);
 * the plain build has no trace of it.
 */
export function storyConfig(
  { story, outDir = 'dist', offline = true }: StoryBuild,
  { command, mode, isSsrBuild }: ConfigEnv,
): UserConfig {
  return {
    root,
    // Relative asset URLs, so one build serves from any base path or CDN folder.
    base: './',
    plugins: [
      svelte(),
      storyPlugin({ story }),
      mapFontsPlugin({ story }),
      storyMapPlugin({ story }),
      // The page names the live map's files, which it fetches into the cache before the map is wanted.
      mapPrefetchPlugin({ mapModule: resolve(root, 'src/app/map/create-map.ts') }),
      staticMapsPlugin({ story }),
      socialCardPlugin({ story }),
      // embed.js (the in-page element) and embed-frame.js (the iframe's host page script).
      embedPlugin({ story, elementEntry: ELEMENT_ENTRY, frameEntry: 'src/entries/embed-frame.ts' }),
    ],
    define: {
      __E2E__: JSON.stringify(mode === 'e2e'),
      // The offline copy (src/app/offline): built pages only.
      __OFFLINE__: JSON.stringify(command === 'build' && offline),
    },
    optimizeDeps: {
      // maplibre-gl 6 ships an ES module worker that the dev pre-bundler would break.
      exclude: ['maplibre-gl'],
    },
    build: {
      outDir,
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
  };
}

// `vite build` and `vite` on their own: the default story (npm run build and npm run dev serve them all).
export default defineConfig((env) => storyConfig({ story: readStories(root).default }, env));
