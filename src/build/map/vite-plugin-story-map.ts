/**
 * Serves `virtual:story-map`: the story's map as built from its layers.yaml (`style`: datasets and
 * MapLibre layers) and the URLs of its data (`data`), which the map fetches in parallel.
 *
 * The datasets travel in as few requests as sensible: one file with the basemap and what the first
 * step shows, one with the rest. Each is `{ [datasetId]: FeatureCollection }`; MapLibre takes the
 * GeoJSON objects as source data. The files are written to a cache folder and imported with `?url`,
 * so Vite names, hashes and emits them like any asset, and serves them in dev.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { normalizePath, type Plugin } from 'vite';
import { basemapDatasets } from '../../shared/story/layers.ts';
import { formatErrors } from '../../shared/story/errors.ts';
import type { Story } from '../../shared/story/types.ts';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder, type LoadedStory } from '../story/story-folder.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';

/** The datasets split into what the first picture needs and the rest; an empty part is left out. */
export function dataBundles(
  story: Pick<Story, 'steps' | 'registry'>,
  collections: ReadonlyMap<string, FeatureCollection>,
): Record<string, FeatureCollection>[] {
  const first = story.steps[0];
  const firstLayers = [...(first?.layers ?? []), ...(first?.muted ?? [])];
  const needed = new Set([
    ...basemapDatasets(story.registry),
    ...story.registry.layers.filter((layer) => firstLayers.includes(layer.id)).map((layer) => layer.dataset),
  ]);
  const part = (wanted: boolean) =>
    Object.fromEntries(
      story.registry.datasets
        .filter((d) => needed.has(d.id) === wanted)
        .flatMap((d) => {
          const data = collections.get(d.id);
          return data === undefined ? [] : [[d.id, data]];
        }),
    );
  return [part(true), part(false)].filter((bundle) => Object.keys(bundle).length > 0);
}

/** Writes `content` unless the file already holds it, so an unchanged build does not wake the watcher. */
function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

export function storyMapModule(folder: LoadedStory, cacheDir: string): string {
  const bundles = dataBundles(folder.story, folder.layers.collections);
  const names = bundles.map((_, i) => (i === 0 ? 'map-data-first.json' : 'map-data-rest.json'));
  bundles.forEach((bundle, i) => writeIfChanged(join(cacheDir, names[i] ?? ''), JSON.stringify(bundle)));
  const imports = names.map(
    (name, i) => `import data${i} from ${JSON.stringify(`${normalizePath(join(cacheDir, name))}?url`)};`,
  );
  return [
    ...imports,
    `export const style = ${JSON.stringify(folder.layers.style)};`,
    `export const data = [${names.map((_, i) => `data${i}`).join(', ')}];`,
    '',
  ].join('\n');
}

export function storyMapPlugin({ story }: { story: StoryFolder }): Plugin {
  let root = process.cwd();
  let cacheRoot = '';
  let inputs: string[] = [];
  return virtualModule({
    name: 'story-map',
    id: MODULE_IDS.storyMap,
    madeFrom: (path) => inputs.includes(path),
    configResolved(config) {
      root = config.root;
      // Not Vite's own cacheDir (node_modules/.vite), whose files the dev server treats as its deps.
      cacheRoot = join(root, 'node_modules/.cache/story-map');
    },
    load() {
      const result = loadStoryFolder(story.dir, root);
      inputs = result.files.map((file) => normalizePath(file));
      for (const file of result.files) this.addWatchFile(file);
      if (!result.ok) return this.error(formatErrors(result.errors));
      return storyMapModule(result.folder, join(cacheRoot, story.slug));
    },
  });
}
