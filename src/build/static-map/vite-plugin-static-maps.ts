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
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { normalizePath, type Plugin } from 'vite';
import { DATASET_IDS, type DatasetId } from '../../shared/story/layers.ts';
import type { StoryFolder } from '../story/folders.ts';
import { geoFiles, loadKnownIds } from '../story/known-ids.ts';
import { parseStory } from '../story/parse.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';
import { renderStaticMap, staticMapData, type Size, type StaticMapData } from './render.ts';

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

/** Reads the datasets from `dir` (Node only); a story need not have the datasets it never shows. */
export function readStaticMapData(dir: string): StaticMapData {
  const read = (id: DatasetId): FeatureCollection => {
    const file = join(dir, `${id}.geojson`);
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection)
      : { type: 'FeatureCollection', features: [] };
  };
  const collections = Object.fromEntries(DATASET_IDS.map((id) => [id, read(id)])) as Record<
    DatasetId,
    FeatureCollection
  >;
  return staticMapData(collections);
}

/** Every step's picture, or none when the story is invalid (the story plugin reports why). */
export function renderStoryMaps(storyFile: string, geoDir: string, assetsDir = 'assets'): StaticMap[] {
  const result = parseStory(readFileSync(storyFile, 'utf8'), storyFile, loadKnownIds(geoDir));
  if (!result.ok) return [];
  const data = readStaticMapData(geoDir);
  const shapes = Object.keys(STATIC_MAP_SIZES) as StaticMapShape[];
  return result.story.steps.flatMap((step) =>
    shapes.map((shape) => {
      const svg = renderStaticMap(step, data, STATIC_MAP_SIZES[shape], result.story.meta.defaults.names);
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
  /** The base as configured: Vite resolves a relative `./` to `/` for SSR builds, not for client ones. */
  let configuredBase: string | undefined;
  let base = '/';
  let assetsDir = 'assets';
  let isBuild = false;
  const inputs = (): string[] => [normalizePath(story.file), ...geoFiles(story.geoDir).map(normalizePath)];

  // Rendering all steps takes a moment: keep the result until an input file changes.
  let cached: { key: string; maps: StaticMap[] } | undefined;
  const maps = (): StaticMap[] => {
    const key = inputs()
      .map((path) => `${path}:${statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0}`)
      .join('|');
    if (cached?.key !== key) cached = { key, maps: renderStoryMaps(story.file, story.geoDir, assetsDir) };
    return cached.maps;
  };

  return virtualModule({
    name: 'static-maps',
    id: MODULE_IDS.staticMaps,
    madeFrom: (path) => inputs().includes(path),

    config(user) {
      configuredBase = user.base;
    },

    configResolved(config) {
      isBuild = config.command === 'build';
      // Both builds export the client's URLs, so the prerendered HTML points at the files it ships.
      base = isBuild && (configuredBase === '' || configuredBase === './') ? './' : config.base;
      assetsDir = config.build.assetsDir;
    },

    load() {
      for (const path of inputs()) this.addWatchFile(path);
      let rendered: StaticMap[];
      try {
        rendered = maps();
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
