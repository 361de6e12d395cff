/**
 * Serves `virtual:static-maps`: `Record<stepId, { wide, narrow }>`, the URLs of each step's map as
 * an SVG picture in two shapes, for the no-JavaScript page, readers without WebGL, and print. The
 * narrow one is for phones: a wide picture shrunk to a phone's width would shrink its labels too.
 *
 * File names carry a hash of the SVG computed here, not by the bundler, so the client build and the
 * SSR build (which prerenders the HTML) export the same relative URLs; only the client build writes
 * the files. The dev server serves them from memory at the same paths.
 */
import { createHash } from 'node:crypto';
import { normalizePath, type Plugin } from 'vite';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder, type LoadedStory } from '../story/story-folder.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';
import { renderStaticMap, staticMapData, type Size } from './render.ts';

/**
 * The two shapes of each picture, in CSS pixels; the page picks one by where it is shown
 * (StaticPicture.svelte). Labels are never smaller than `minTextPx`, so that at the smallest size
 * each shape is shown they stay at least 11 CSS px: the narrow one in a phone's card (304 px wide
 * at a 360 px screen) and in text columns; the wide one in a map pane at least 684 px wide.
 */
export const STATIC_MAP_SIZES = {
  wide: { width: 800, height: 600, minTextPx: 13 },
  narrow: { width: 320, height: 320, minTextPx: 12 },
} as const satisfies Record<string, Size>;

/** The smallest width, in CSS pixels, at which the page shows each shape (see above). */
export const STATIC_MAP_MIN_SHOWN = { wide: 684, narrow: 304 } as const;

export type StaticMapShape = keyof typeof STATIC_MAP_SIZES;

export interface StaticMap {
  stepId: string;
  shape: StaticMapShape;
  /** Path inside the build's output folder, e.g. `assets/map-summit-1a2b3c4d.svg`. */
  fileName: string;
  svg: string;
}

/** Every step's picture. */
export function renderStoryMaps({ story, layers }: LoadedStory, assetsDir = 'assets'): StaticMap[] {
  const data = staticMapData(layers.style, layers.collections);
  const shapes = Object.keys(STATIC_MAP_SIZES) as StaticMapShape[];
  return story.steps.flatMap((step) =>
    shapes.map((shape) => {
      const svg = renderStaticMap(step, data, STATIC_MAP_SIZES[shape], story.meta.defaults.names);
      const hash = createHash('sha256').update(svg).digest('hex').slice(0, 8);
      const suffix = shape === 'wide' ? '' : `-${shape}`;
      return { stepId: step.id, shape, fileName: `${assetsDir}/map-${step.id}${suffix}-${hash}.svg`, svg };
    }),
  );
}

export interface StaticMapsPluginOptions {
  /** The story whose steps are drawn. */
  story: StoryFolder;
}

export function staticMapsPlugin({ story }: StaticMapsPluginOptions): Plugin {
  let root = process.cwd();
  /** The base as configured: Vite resolves a relative `./` to `/` for SSR builds, not for client ones. */
  let configuredBase: string | undefined;
  let base = '/';
  let assetsDir = 'assets';
  let isBuild = false;
  let inputs: string[] = [];

  // Rendering all steps takes a moment: keep the result until the story folder is read again.
  let cached: { folder: LoadedStory; maps: StaticMap[] } | undefined;
  /** Every step's picture, or none when the story is invalid (the story plugin reports why). */
  const maps = (): StaticMap[] => {
    const result = loadStoryFolder(story.dir, root);
    inputs = result.files.map((file) => normalizePath(file));
    if (!result.ok) return [];
    if (cached?.folder !== result.folder)
      cached = { folder: result.folder, maps: renderStoryMaps(result.folder, assetsDir) };
    return cached.maps;
  };

  return virtualModule({
    name: 'static-maps',
    id: MODULE_IDS.staticMaps,
    madeFrom: (path) => inputs.includes(path),

    config(user) {
      configuredBase = user.base;
    },

    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
      // Both builds export the client's URLs, so the prerendered HTML points at the files it ships.
      base = isBuild && (configuredBase === '' || configuredBase === './') ? './' : config.base;
      assetsDir = config.build.assetsDir;
    },

    load() {
      let rendered: StaticMap[];
      try {
        rendered = maps();
        for (const path of inputs) this.addWatchFile(path);
      } catch (error) {
        return this.error(`cannot draw the static maps: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (isBuild && this.environment.config.consumer === 'client') {
        for (const map of rendered) this.emitFile({ type: 'asset', fileName: map.fileName, source: map.svg });
      }
      const urls: Record<string, Partial<Record<StaticMapShape, string>>> = {};
      for (const map of rendered) (urls[map.stepId] ??= {})[map.shape] = `${base}${map.fileName}`;
      return `export default ${JSON.stringify(urls)};\n`;
    },

    configureServer(server) {
      const prefix = `${base}${assetsDir}/map-`;
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(prefix)) return next();
        try {
          const map = maps().find((m) => `${base}${m.fileName}` === path);
          // A stale URL (the story changed) is a missing picture, not the app's HTML.
          if (map === undefined) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', 'image/svg+xml');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(map.svg);
        } catch (error) {
          next(error);
        }
      });
    },
  });
}
