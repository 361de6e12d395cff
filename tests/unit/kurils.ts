/**
 * The Kuril story's folder as the build reads it (story.md, layers.yaml, datasets), and its map style
 * as the live map builds it, for the unit tests of the map, legend, palette and still maps.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { buildStyle } from '../../src/shared/map/style.ts';
import { formatErrors } from '../../src/shared/story/errors.ts';
import { loadStoryFolder } from '../../src/build/story/story-folder.ts';

const root = resolve(import.meta.dirname, '../..');
export const KURILS_DIR = resolve(root, 'story/kurils');

export const kurils = (() => {
  const result = loadStoryFolder(KURILS_DIR, root);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  return result.folder;
})();

/** The live map's style, with a URL for each dataset. */
export const kurilStyle = buildStyle({
  map: kurils.layers.style,
  data: Object.fromEntries(kurils.layers.registry.datasets.map(({ id }) => [id, `https://example.test/${id}.geojson`])),
  fontFaces: {},
});

/** The named colours of layers.yaml (`colors`), as the map draws them. */
export const colors = (
  parse(readFileSync(resolve(KURILS_DIR, 'layers.yaml'), 'utf8'), { merge: true }) as {
    colors: Record<string, string>;
  }
).colors;

/** A named colour of layers.yaml; throws for a name it does not have. */
export function colour(name: string): string {
  const value = colors[name];
  if (value === undefined) throw new Error(`story/kurils/layers.yaml has no colour "${name}"`);
  return value;
}
