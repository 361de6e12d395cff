import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPlugin } from './src/lib/story/vite-plugin-story.ts';
import { mapFontsPlugin } from './src/lib/map/vite-plugin-map-fonts.ts';
import { islandsPlugin } from './src/lib/map/vite-plugin-islands.ts';
import { staticMapsPlugin } from './src/lib/static-map/vite-plugin-static-maps.ts';

// `--mode e2e` builds the production bundle plus the test-only hook (see src/lib/map/test-hook.ts);
// the plain build has no trace of it.
export default defineConfig(({ mode }) => ({
  // Relative asset URLs, so one build serves from any base path or CDN folder.
  base: './',
  plugins: [svelte(), storyPlugin(), mapFontsPlugin(), islandsPlugin(), staticMapsPlugin()],
  define: {
    __E2E__: JSON.stringify(mode === 'e2e'),
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
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
